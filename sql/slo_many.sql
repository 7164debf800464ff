-- The service levels of several queues at once over the runs that
-- started in [?1, ?2) (UTC epoch): ?3 the targets, a JSON array of
-- [queue, wait, percentile]; per target (by index, 0 first) the runs of
-- its queue, how many waited at most its wait, the nearest-rank
-- percentile wait and the longest wait.  One reading
-- of the job rows: slo_groups() (src/store-agg.h) groups them by target.
-- ?4 to ?10 filter as in usage.sql (the queue filter unused).
-- A full-scan twin (sql_slo_many_full, NOT INDEXED) serves wide windows
-- (without the lines marked "index only", which serve jobs_begin).
WITH t AS MATERIALIZED (
    SELECT CAST(key AS INTEGER) AS i,
           (SELECT id FROM names WHERE kind = 3
             AND name = json_extract(value, '$[0]')) AS qid,
           json_extract(value, '$[1]') AS target,
           json_extract(value, '$[2]') AS pct
      FROM json_each(?3)
)
SELECT json_extract(value, '$[0]'), json_extract(value, '$[1]'),
       json_extract(value, '$[2]'), json_extract(value, '$[3]'),
       json_extract(value, '$[4]')
  FROM json_each((
    SELECT slo_groups(t.i, wait_time, t.target, t.pct)
      FROM job_rows
     CROSS JOIN t ON t.qid = job_rows.queue_id
     WHERE start_time >= ?1 AND start_time < ?2 AND wait_time IS NOT NULL
       AND COALESCE(start_time, end_time) >= ?1 -- index only
       AND COALESCE(start_time, end_time) < ?2 -- index only
       AND (?4 IS NULL OR user_id IN (SELECT id FROM names
            WHERE kind = 0 AND name IN (SELECT value FROM json_each(?4))))
       AND (?5 IS NULL OR group_id IN (SELECT id FROM names
            WHERE kind = 1 AND name IN (SELECT value FROM json_each(?5))))
       AND (?6 IS NULL OR account_id IN (SELECT id FROM names
            WHERE kind = 2 AND name IN (SELECT value FROM json_each(?6))))
       AND (?8 IS NULL OR qos_id IN (SELECT id FROM names
            WHERE kind = 4 AND name IN (SELECT value FROM json_each(?8))))
       AND (?9 IS NULL OR cluster_id IN (SELECT id FROM names
            WHERE kind = 5 AND name IN (SELECT value FROM json_each(?9))))
       AND (?10 IS NULL OR state_id IN (SELECT id FROM names
            WHERE kind = 6 AND name IN (SELECT value FROM json_each(?10))))))
