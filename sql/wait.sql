-- Wait times per key of the runs that started in [?1, ?2) (UTC epoch).
-- ?3 is the key (0 user, 1 group, 2 account, 3 queue, 4 qos, 5 cluster,
-- 6 size: the processor bucket, 7 all: one group), grouped by name id
-- (or bucket); ?4 to ?10 filter as in usage.sql.
-- wait_groups() (src/store-agg.h) groups in one pass: per key the count,
-- mean, exact nearest-rank percentiles 50, 90, 95, 99, max, the mean
-- expansion factor (wait + run) / run over the runs that ran, and the
-- percentiles 25 and 75 and the least wait.  The
-- begin (start, else end) repeats the window so that the jobs_begin
-- index finds the runs.
-- A full-scan twin (sql_wait_full, NOT INDEXED) serves wide windows
-- (without the lines marked "index only", which serve jobs_begin).
SELECT CASE WHEN ?3 = 6 THEN json_extract(value, '$[0]')
            WHEN ?3 = 7 THEN 'all'
            ELSE (SELECT name FROM names
                   WHERE id = json_extract(value, '$[0]')) END AS k,
       json_extract(value, '$[1]'),
       json_extract(value, '$[2]'), json_extract(value, '$[3]'),
       json_extract(value, '$[4]'), json_extract(value, '$[5]'),
       json_extract(value, '$[6]'), json_extract(value, '$[7]'),
       json_extract(value, '$[8]'), json_extract(value, '$[9]'),
       json_extract(value, '$[10]'), json_extract(value, '$[11]')
  FROM json_each((
    SELECT wait_groups(CASE ?3 WHEN 0 THEN user_id WHEN 1 THEN group_id
                               WHEN 2 THEN account_id WHEN 3 THEN queue_id
                               WHEN 4 THEN qos_id WHEN 5 THEN cluster_id
                               WHEN 6 THEN size_bucket(alloc_procs)
                               WHEN 7 THEN 0 END,
                       wait_time, run_time)
      FROM job_rows
     WHERE start_time >= ?1 AND start_time < ?2 AND wait_time IS NOT NULL
       AND COALESCE(start_time, end_time) >= ?1 -- index only
       AND COALESCE(start_time, end_time) < ?2 -- index only
       AND (?4 IS NULL OR user_id IN (SELECT id FROM names WHERE kind = 0
            AND name IN (SELECT value FROM json_each(?4))))
       AND (?5 IS NULL OR group_id IN (SELECT id FROM names WHERE kind = 1
            AND name IN (SELECT value FROM json_each(?5))))
       AND (?6 IS NULL OR account_id IN (SELECT id FROM names WHERE kind = 2
            AND name IN (SELECT value FROM json_each(?6))))
       AND (?7 IS NULL OR queue_id IN (SELECT id FROM names WHERE kind = 3
            AND name IN (SELECT value FROM json_each(?7))))
       AND (?8 IS NULL OR qos_id IN (SELECT id FROM names WHERE kind = 4
            AND name IN (SELECT value FROM json_each(?8))))
       AND (?9 IS NULL OR cluster_id IN (SELECT id FROM names WHERE kind = 5
            AND name IN (SELECT value FROM json_each(?9))))
       AND (?10 IS NULL OR state_id IN (SELECT id FROM names WHERE kind = 6
            AND name IN (SELECT value FROM json_each(?10))))))
 ORDER BY k IS NULL, CASE WHEN ?3 = 6 THEN CAST(k AS INTEGER) END, k
