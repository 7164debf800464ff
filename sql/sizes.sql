-- Job sizes and run times of the runs that ran and ended in [?1, ?2)
-- (UTC epoch); ?3 the size unit (0 processors, 1 nodes, 2 GPUs); ?4 to
-- ?10 filter as in usage.sql.  One scan: stat_groups() (src/store-agg.h)
-- groups the runs by size bucket and by run time bucket at once (keyed
-- by each bucket's least size or run time, labelled at the end); per
-- bucket the runs, their core- and GPU-seconds, and the mean and median
-- of run time over requested time (over the runs that requested a
-- time).  A run that ended in the window began at most the longest run
-- before it, which the jobs_begin index finds.
-- A full-scan twin (sql_sizes_full, NOT INDEXED) serves wide windows
-- (without the lines marked "index only", which serve jobs_begin).
WITH g AS MATERIALIZED (
    SELECT stat_groups(size_bucket_lo(size), NULL, ratio, core_seconds,
                       gpu_seconds) AS by_size,
           stat_groups(runtime_bucket_lo(run_time), NULL, ratio,
                       core_seconds, gpu_seconds) AS by_runtime
      FROM (SELECT CASE ?3 WHEN 0 THEN alloc_procs WHEN 1 THEN nodes
                         ELSE COALESCE(gpus, 0) END AS size,
                 run_time, core_seconds, gpu_seconds,
                 CASE WHEN req_time > 0 THEN run_time * 1.0 / req_time END
                     AS ratio
            FROM job_rows
           WHERE start_time IS NOT NULL AND end_time >= ?1 AND end_time < ?2
             AND COALESCE(start_time, end_time) >= -- index only
                     ?1 - (SELECT max_run FROM rollup_meta) -- index only
             AND COALESCE(start_time, end_time) < ?2 -- index only
             AND (?4 IS NULL OR user_id IN (SELECT id FROM names
                  WHERE kind = 0 AND name IN (SELECT value FROM json_each(?4))))
             AND (?5 IS NULL OR group_id IN (SELECT id FROM names
                  WHERE kind = 1 AND name IN (SELECT value FROM json_each(?5))))
             AND (?6 IS NULL OR account_id IN (SELECT id FROM names
                  WHERE kind = 2 AND name IN (SELECT value FROM json_each(?6))))
             AND (?7 IS NULL OR queue_id IN (SELECT id FROM names
                  WHERE kind = 3 AND name IN (SELECT value FROM json_each(?7))))
             AND (?8 IS NULL OR qos_id IN (SELECT id FROM names
                  WHERE kind = 4 AND name IN (SELECT value FROM json_each(?8))))
             AND (?9 IS NULL OR cluster_id IN (SELECT id FROM names
                  WHERE kind = 5 AND name IN (SELECT value FROM json_each(?9))))
             AND (?10 IS NULL OR state_id IN (SELECT id FROM names
                  WHERE kind = 6
                    AND name IN (SELECT value FROM json_each(?10)))))
),
buckets AS (
    SELECT 0 AS dim, value FROM g, json_each(g.by_size)
    UNION ALL
    SELECT 1, value FROM g, json_each(g.by_runtime)
)
SELECT CASE dim WHEN 0 THEN 'size' ELSE 'runtime' END,
       CASE dim WHEN 0 THEN size_bucket(json_extract(value, '$[0]'))
                ELSE runtime_bucket(json_extract(value, '$[0]')) END,
       json_extract(value, '$[2]'),
       json_extract(value, '$[6]'), json_extract(value, '$[8]'),
       json_extract(value, '$[4]'), json_extract(value, '$[5]')
  FROM buckets
 ORDER BY dim, json_extract(value, '$[0]') IS NULL,
          json_extract(value, '$[0]')
