-- Usage per key (and second key) inside the window [?1, ?2) (UTC epoch):
-- jobs, core-, node- and GPU-hours, runs, wall hours, and CPU efficiency
-- (CPU time over allocated core time, in percent, over the runs whose
-- source records CPU time; NULL where none does).
-- ?3 and ?4 are the key columns (0 user, 1 group, 2 account, 3 queue,
-- 4 qos, 5 cluster; ?4 -1 for none).  ?5 to ?10 keep only the jobs whose
-- user, group, account, queue, qos or cluster is in a JSON array of names
-- (NULL: any), ?11 likewise for the state.  A run [start, end) is clipped
-- to the window; a job that never ran (or ran 0 s) is counted in the
-- window holding its end, with no usage.  Each row is one incarnation
-- (run); a job is its cluster and job id, and for PBS, whose ids are
-- recycled, its submit time too.  The runs are found through jobs_begin:
-- one overlapping the window began at most the longest run before it.
WITH clipped AS (
    SELECT CASE ?3 WHEN 0 THEN user_name WHEN 1 THEN group_name
                   WHEN 2 THEN account WHEN 3 THEN queue
                   WHEN 4 THEN qos WHEN 5 THEN cluster END AS k1,
           CASE ?4 WHEN 0 THEN user_name WHEN 1 THEN group_name
                   WHEN 2 THEN account WHEN 3 THEN queue
                   WHEN 4 THEN qos WHEN 5 THEN cluster END AS k2,
           cluster || char(31) || job_id ||
               CASE WHEN source_format = 'pbs'
                    THEN char(31) || submit_time ELSE '' END AS job,
           run_time, core_seconds, nodes, gpu_seconds, cpu_time,
           (CASE WHEN end_time < ?2 THEN end_time ELSE ?2 END)
           - (CASE WHEN start_time > ?1 THEN start_time ELSE ?1 END)
               AS overlap
      FROM jobs
     WHERE COALESCE(start_time, end_time) >=
               ?1 - (SELECT max_run FROM rollup_meta)
       AND COALESCE(start_time, end_time) < ?2
       AND ((run_time > 0 AND start_time < ?2 AND end_time > ?1)
        OR (run_time = 0 AND end_time >= ?1 AND end_time < ?2))
       AND (?5 IS NULL OR user_name IN (SELECT value FROM json_each(?5)))
       AND (?6 IS NULL OR group_name IN (SELECT value FROM json_each(?6)))
       AND (?7 IS NULL OR account IN (SELECT value FROM json_each(?7)))
       AND (?8 IS NULL OR queue IN (SELECT value FROM json_each(?8)))
       AND (?9 IS NULL OR qos IN (SELECT value FROM json_each(?9)))
       AND (?10 IS NULL OR cluster IN (SELECT value FROM json_each(?10)))
       AND (?11 IS NULL OR state IN (SELECT value FROM json_each(?11)))
)
SELECT k1, k2,
       COUNT(DISTINCT job),
       SUM(CASE WHEN run_time > 0
                THEN COALESCE(core_seconds, 0) * overlap / run_time ELSE 0 END)
           / 3600.0,
       SUM(CASE WHEN run_time > 0
                THEN COALESCE(nodes, 0) * overlap ELSE 0 END) / 3600.0,
       SUM(CASE WHEN run_time > 0
                THEN COALESCE(gpu_seconds, 0) * overlap / run_time ELSE 0 END)
           / 3600.0,
       COUNT(*),
       SUM(CASE WHEN run_time > 0 THEN overlap ELSE 0 END) / 3600.0,
       100.0 * SUM(CASE WHEN run_time > 0 AND cpu_time IS NOT NULL
                        AND core_seconds > 0
                        THEN cpu_time * overlap / run_time END)
           / SUM(CASE WHEN run_time > 0 AND cpu_time IS NOT NULL
                      AND core_seconds > 0
                      THEN core_seconds * overlap / run_time END)
  FROM clipped
 GROUP BY k1, k2
 ORDER BY k1 IS NULL, k1, k2 IS NULL, k2
