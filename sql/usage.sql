-- Usage per key (and second key) inside the window [?1, ?2) (UTC epoch):
-- jobs, core-, node- and GPU-hours, runs, wall hours, and CPU efficiency
-- (CPU time over allocated core time, in percent, over the runs whose
-- source records CPU time; NULL where none does).
-- ?3 and ?4 are the key columns (0 user, 1 group, 2 account, 3 queue,
-- 4 qos, 5 cluster; ?4 -1 for none), grouped by their ids in names.  ?5
-- to ?10 keep only the jobs whose user, group, account, queue, qos or
-- cluster is in a JSON array of names (NULL: any), ?11 likewise for the
-- state.  A run [start, end) is clipped
-- to the window; a job that never ran (or ran 0 s) is counted in the
-- window holding its end, with no usage.  Each row is one incarnation
-- (run); a job is its cluster and job id, and for PBS, whose ids are
-- recycled, its submit time too.  The runs of up to 31 days are found
-- through jobs_begin (one overlapping the window began at most the
-- longest run, at most 31 days, before it), the longer ones through
-- jobs_long (sql/migrate-5.sql): one run of years makes no scan read
-- years of rows.
WITH clipped AS (
    SELECT CASE ?3 WHEN 0 THEN user_id WHEN 1 THEN group_id
                   WHEN 2 THEN account_id WHEN 3 THEN queue_id
                   WHEN 4 THEN qos_id WHEN 5 THEN cluster_id END AS k1,
           CASE ?4 WHEN 0 THEN user_id WHEN 1 THEN group_id
                   WHEN 2 THEN account_id WHEN 3 THEN queue_id
                   WHEN 4 THEN qos_id WHEN 5 THEN cluster_id END AS k2,
           cluster_id || char(31) || job_id ||
               CASE WHEN source_format = 'pbs'
                    THEN char(31) || submit_time ELSE '' END AS job,
           run_time, core_seconds, nodes, gpu_seconds, cpu_time,
           (CASE WHEN end_time < ?2 THEN end_time ELSE ?2 END)
           - (CASE WHEN start_time > ?1 THEN start_time ELSE ?1 END)
               AS overlap
      FROM job_rows
     WHERE COALESCE(start_time, end_time) >=
               ?1 - MIN((SELECT max_run FROM rollup_meta), 2678400)
       AND COALESCE(start_time, end_time) < ?2
       AND ((run_time > 0 AND run_time <= 2678400
             AND start_time < ?2 AND end_time > ?1)
        OR (run_time = 0 AND end_time >= ?1 AND end_time < ?2))
       AND (?5 IS NULL OR user_id IN (SELECT id FROM names WHERE kind = 0
            AND name IN (SELECT value FROM json_each(?5))))
       AND (?6 IS NULL OR group_id IN (SELECT id FROM names WHERE kind = 1
            AND name IN (SELECT value FROM json_each(?6))))
       AND (?7 IS NULL OR account_id IN (SELECT id FROM names WHERE kind = 2
            AND name IN (SELECT value FROM json_each(?7))))
       AND (?8 IS NULL OR queue_id IN (SELECT id FROM names WHERE kind = 3
            AND name IN (SELECT value FROM json_each(?8))))
       AND (?9 IS NULL OR qos_id IN (SELECT id FROM names WHERE kind = 4
            AND name IN (SELECT value FROM json_each(?9))))
       AND (?10 IS NULL OR cluster_id IN (SELECT id FROM names WHERE kind = 5
            AND name IN (SELECT value FROM json_each(?10))))
       AND (?11 IS NULL OR state_id IN (SELECT id FROM names WHERE kind = 6
            AND name IN (SELECT value FROM json_each(?11))))
    UNION ALL
    SELECT CASE ?3 WHEN 0 THEN user_id WHEN 1 THEN group_id
                   WHEN 2 THEN account_id WHEN 3 THEN queue_id
                   WHEN 4 THEN qos_id WHEN 5 THEN cluster_id END AS k1,
           CASE ?4 WHEN 0 THEN user_id WHEN 1 THEN group_id
                   WHEN 2 THEN account_id WHEN 3 THEN queue_id
                   WHEN 4 THEN qos_id WHEN 5 THEN cluster_id END AS k2,
           cluster_id || char(31) || job_id ||
               CASE WHEN source_format = 'pbs'
                    THEN char(31) || submit_time ELSE '' END AS job,
           run_time, core_seconds, nodes, gpu_seconds, cpu_time,
           (CASE WHEN end_time < ?2 THEN end_time ELSE ?2 END)
           - (CASE WHEN start_time > ?1 THEN start_time ELSE ?1 END)
               AS overlap
      FROM job_rows INDEXED BY jobs_long
     WHERE run_time > 2678400
       AND COALESCE(start_time, end_time) < ?2
       AND start_time < ?2 AND end_time > ?1
       AND (?5 IS NULL OR user_id IN (SELECT id FROM names WHERE kind = 0
            AND name IN (SELECT value FROM json_each(?5))))
       AND (?6 IS NULL OR group_id IN (SELECT id FROM names WHERE kind = 1
            AND name IN (SELECT value FROM json_each(?6))))
       AND (?7 IS NULL OR account_id IN (SELECT id FROM names WHERE kind = 2
            AND name IN (SELECT value FROM json_each(?7))))
       AND (?8 IS NULL OR queue_id IN (SELECT id FROM names WHERE kind = 3
            AND name IN (SELECT value FROM json_each(?8))))
       AND (?9 IS NULL OR qos_id IN (SELECT id FROM names WHERE kind = 4
            AND name IN (SELECT value FROM json_each(?9))))
       AND (?10 IS NULL OR cluster_id IN (SELECT id FROM names WHERE kind = 5
            AND name IN (SELECT value FROM json_each(?10))))
       AND (?11 IS NULL OR state_id IN (SELECT id FROM names WHERE kind = 6
            AND name IN (SELECT value FROM json_each(?11))))
)
SELECT n1.name, n2.name,
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
  LEFT JOIN names n1 ON n1.id = k1
  LEFT JOIN names n2 ON n2.id = k2
 GROUP BY k1, k2
 ORDER BY n1.name IS NULL, n1.name, n2.name IS NULL, n2.name
