-- Wait times per key of the runs that started in [?1, ?2) (UTC epoch).
-- ?3 is the key (0 user, 1 group, 2 account, 3 queue, 4 qos, 5 cluster,
-- 6 size: the processor bucket); ?4 to ?10 filter as in usage.sql.
-- wait_groups() (src/store-agg.h) groups in one pass: per key the count,
-- mean, exact nearest-rank percentiles 50, 90, 95, 99, max, and the
-- mean expansion factor (wait + run) / run over the runs that ran.  The
-- begin (start, else end) repeats the window so that the jobs_begin
-- index finds the runs.
SELECT json_extract(value, '$[0]') AS k, json_extract(value, '$[1]'),
       json_extract(value, '$[2]'), json_extract(value, '$[3]'),
       json_extract(value, '$[4]'), json_extract(value, '$[5]'),
       json_extract(value, '$[6]'), json_extract(value, '$[7]'),
       json_extract(value, '$[8]')
  FROM json_each((
    SELECT wait_groups(CASE ?3 WHEN 0 THEN user_name WHEN 1 THEN group_name
                               WHEN 2 THEN account WHEN 3 THEN queue
                               WHEN 4 THEN qos WHEN 5 THEN cluster
                               WHEN 6 THEN size_bucket(alloc_procs) END,
                       wait_time, run_time)
      FROM jobs
     WHERE COALESCE(start_time, end_time) >= ?1
       AND COALESCE(start_time, end_time) < ?2
       AND start_time >= ?1 AND start_time < ?2 AND wait_time IS NOT NULL
       AND (?4 IS NULL OR user_name IN (SELECT value FROM json_each(?4)))
       AND (?5 IS NULL OR group_name IN (SELECT value FROM json_each(?5)))
       AND (?6 IS NULL OR account IN (SELECT value FROM json_each(?6)))
       AND (?7 IS NULL OR queue IN (SELECT value FROM json_each(?7)))
       AND (?8 IS NULL OR qos IN (SELECT value FROM json_each(?8)))
       AND (?9 IS NULL OR cluster IN (SELECT value FROM json_each(?9)))
       AND (?10 IS NULL OR state IN (SELECT value FROM json_each(?10)))))
 ORDER BY k IS NULL, CASE WHEN ?3 = 6 THEN CAST(k AS INTEGER) END, k
