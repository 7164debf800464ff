-- Usage per key inside the window [?1, ?2) (UTC epoch), of cluster ?4
-- (NULL: all).  ?3 names the key column (user, group, account, queue,
-- cluster).  A run [start, end) is
-- clipped to the window; a job that never ran (or ran 0 s) is counted in
-- the window holding its end, with no usage.  Each row is one incarnation
-- (run); a job is its cluster and job id, and for PBS, whose ids are
-- recycled, its submit time too.
WITH clipped AS (
    SELECT CASE ?3
               WHEN 'user' THEN user_name
               WHEN 'group' THEN group_name
               WHEN 'account' THEN account
               WHEN 'queue' THEN queue
               WHEN 'cluster' THEN cluster
           END AS grp,
           cluster || char(31) || job_id ||
               CASE WHEN source_format = 'pbs'
                    THEN char(31) || submit_time ELSE '' END AS job,
           run_time, core_seconds, nodes, gpu_seconds,
           (CASE WHEN end_time < ?2 THEN end_time ELSE ?2 END)
           - (CASE WHEN start_time > ?1 THEN start_time ELSE ?1 END)
               AS overlap
      FROM jobs
     WHERE ((run_time > 0 AND start_time < ?2 AND end_time > ?1)
        OR (run_time = 0 AND end_time >= ?1 AND end_time < ?2))
       AND (?4 IS NULL OR cluster = ?4)
)
SELECT grp,
       COUNT(DISTINCT job),
       SUM(CASE WHEN run_time > 0
                THEN COALESCE(core_seconds, 0) * overlap / run_time ELSE 0 END)
           / 3600.0,
       SUM(CASE WHEN run_time > 0
                THEN COALESCE(nodes, 0) * overlap ELSE 0 END) / 3600.0,
       SUM(CASE WHEN run_time > 0
                THEN COALESCE(gpu_seconds, 0) * overlap / run_time ELSE 0 END)
           / 3600.0,
       COUNT(*)
  FROM clipped
 GROUP BY grp
 ORDER BY grp IS NULL, grp
