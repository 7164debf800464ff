-- Wait times per key of the runs that started in [?1, ?2) (UTC epoch).
-- ?3 is the key (0 user, 1 group, 2 account, 3 queue, 4 qos, 5 cluster,
-- 6 size: the processor bucket); ?4 to ?10 filter as in usage.sql.
-- Percentiles are exact (nearest rank); the expansion factor is
-- (wait + run) / run over the runs that ran.  The begin (start, else
-- end) repeats the window so that the jobs_begin index finds the runs.
SELECT CASE ?3 WHEN 0 THEN user_name WHEN 1 THEN group_name
               WHEN 2 THEN account WHEN 3 THEN queue
               WHEN 4 THEN qos WHEN 5 THEN cluster
               WHEN 6 THEN size_bucket(alloc_procs) END AS k,
       COUNT(*), AVG(wait_time),
       percentile_rank(wait_time, 50), percentile_rank(wait_time, 90),
       percentile_rank(wait_time, 95), percentile_rank(wait_time, 99),
       MAX(wait_time),
       AVG(CASE WHEN run_time > 0
                THEN (wait_time + run_time) * 1.0 / run_time END)
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
   AND (?10 IS NULL OR state IN (SELECT value FROM json_each(?10)))
 GROUP BY k
 ORDER BY k IS NULL, CASE WHEN ?3 = 6 THEN MIN(alloc_procs) END, k
