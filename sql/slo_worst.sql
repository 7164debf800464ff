-- The ?4 longest waits of the runs of queue ?3 that started in [?1, ?2)
-- (UTC epoch), ?6 to ?12 filtering as in usage.sql from its ?4 (?5
-- unused): job id, user, wait; the longest first.
-- A full-scan twin (sql_slo_worst_full, NOT INDEXED) serves wide windows
-- (without the lines marked "index only", which serve jobs_begin).
SELECT job_id, (SELECT name FROM names WHERE id = user_id), wait_time
  FROM job_rows
 WHERE start_time >= ?1 AND start_time < ?2 AND wait_time IS NOT NULL
   AND COALESCE(start_time, end_time) >= ?1 -- index only
   AND COALESCE(start_time, end_time) < ?2 -- index only
   AND queue_id = (SELECT id FROM names WHERE kind = 3 AND name = ?3)
   AND (?6 IS NULL OR user_id IN (SELECT id FROM names
        WHERE kind = 0 AND name IN (SELECT value FROM json_each(?6))))
   AND (?7 IS NULL OR group_id IN (SELECT id FROM names
        WHERE kind = 1 AND name IN (SELECT value FROM json_each(?7))))
   AND (?8 IS NULL OR account_id IN (SELECT id FROM names
        WHERE kind = 2 AND name IN (SELECT value FROM json_each(?8))))
   AND (?9 IS NULL OR queue_id IN (SELECT id FROM names
        WHERE kind = 3 AND name IN (SELECT value FROM json_each(?9))))
   AND (?10 IS NULL OR qos_id IN (SELECT id FROM names
        WHERE kind = 4 AND name IN (SELECT value FROM json_each(?10))))
   AND (?11 IS NULL OR cluster_id IN (SELECT id FROM names
        WHERE kind = 5 AND name IN (SELECT value FROM json_each(?11))))
   AND (?12 IS NULL OR state_id IN (SELECT id FROM names
        WHERE kind = 6 AND name IN (SELECT value FROM json_each(?12))))
 ORDER BY wait_time DESC, job_id
 LIMIT ?4
