-- One reading of the job rows of a window [?1, ?2) (UTC epoch) for
-- several aggregates at once (store_read(), src/store.c).  Each part is
-- computed only where its parameter is given (not NULL) and comes back
-- as one JSON text column (store-agg.h has their shapes), which the
-- *_rows.sql files turn into rows:
--   0 the wait per key ?3 (0 user, 1 group, 2 account, 3 queue, 4 qos,
--     5 cluster, 6 size: the processor bucket, 7 all: one group) of the
--     runs that started in the window (wait_groups(), wait_rows.sql);
--   1 the wait of all those runs as one group, where ?4 is 1;
--   2 the job sizes in unit ?5 (0 processors, 1 nodes, 2 GPUs), and the
--     run times, of the runs that ran and ended in the window
--     (sizes_groups(), sizes_rows.sql);
--   3 the efficiency per key ?6 (0 to 5 as for the wait) of those runs
--     (efficiency_groups(), efficiency_rows.sql);
--   4 the service levels of targets ?7 (a JSON array of [queue, wait,
--     percentile]) over the runs that started in the window, each with
--     its ?8 longest waits (slo_groups(), slo_rows.sql).
-- ?9 to ?15 filter every part as in usage.sql.  A run that ended in the
-- window began at most the longest run before it, which the jobs_begin
-- index finds.
-- A full-scan twin (sql_reading_full, NOT INDEXED) serves wide windows
-- (without the lines marked "index only", which serve jobs_begin).
WITH t AS MATERIALIZED (   -- the targets with their queues' ids
    SELECT json_group_array(json_array(
               (SELECT id FROM names WHERE kind = 3
                   AND name = json_extract(value, '$[0]')),
               json_extract(value, '$[1]'), json_extract(value, '$[2]')))
               AS targets
      FROM json_each(?7)
)
SELECT wait_groups(CASE ?3 WHEN 0 THEN user_id WHEN 1 THEN group_id
                           WHEN 2 THEN account_id WHEN 3 THEN queue_id
                           WHEN 4 THEN qos_id WHEN 5 THEN cluster_id
                           WHEN 6 THEN size_bucket(alloc_procs)
                           WHEN 7 THEN 0 END, wait_time, run_time)
           FILTER (WHERE ?3 IS NOT NULL
                     AND start_time >= ?1 AND start_time < ?2),
       wait_groups(0, wait_time, run_time)
           FILTER (WHERE ?4 = 1 AND start_time >= ?1 AND start_time < ?2),
       sizes_groups(CASE ?5 WHEN 0 THEN alloc_procs WHEN 1 THEN nodes
                             ELSE COALESCE(gpus, 0) END,
                    run_time, req_time, core_seconds, gpu_seconds)
           FILTER (WHERE ?5 IS NOT NULL AND start_time IS NOT NULL
                     AND end_time >= ?1 AND end_time < ?2),
       efficiency_groups(CASE ?6 WHEN 0 THEN user_id WHEN 1 THEN group_id
                                 WHEN 2 THEN account_id WHEN 3 THEN queue_id
                                 WHEN 4 THEN qos_id WHEN 5 THEN cluster_id
                                 END,
                         cpu_time, core_seconds, used_mem_kb, req_mem_kb,
                         run_time, req_time)
           FILTER (WHERE ?6 IS NOT NULL AND start_time IS NOT NULL
                     AND end_time >= ?1 AND end_time < ?2),
       slo_groups(queue_id, wait_time, job_id, user_id, t.targets, ?8)
           FILTER (WHERE ?7 IS NOT NULL
                     AND start_time >= ?1 AND start_time < ?2)
  FROM t CROSS JOIN job_rows
 WHERE (start_time >= ?1 AND start_time < ?2
        OR start_time IS NOT NULL AND end_time >= ?1 AND end_time < ?2)
   AND (?9 IS NULL OR user_id IN (SELECT id FROM names WHERE kind = 0
        AND name IN (SELECT value FROM json_each(?9))))
   AND (?10 IS NULL OR group_id IN (SELECT id FROM names WHERE kind = 1
        AND name IN (SELECT value FROM json_each(?10))))
   AND (?11 IS NULL OR account_id IN (SELECT id FROM names WHERE kind = 2
        AND name IN (SELECT value FROM json_each(?11))))
   AND (?12 IS NULL OR queue_id IN (SELECT id FROM names WHERE kind = 3
        AND name IN (SELECT value FROM json_each(?12))))
   AND (?13 IS NULL OR qos_id IN (SELECT id FROM names WHERE kind = 4
        AND name IN (SELECT value FROM json_each(?13))))
   AND (?14 IS NULL OR cluster_id IN (SELECT id FROM names WHERE kind = 5
        AND name IN (SELECT value FROM json_each(?14))))
   AND (?15 IS NULL OR state_id IN (SELECT id FROM names WHERE kind = 6
        AND name IN (SELECT value FROM json_each(?15))))
   AND COALESCE(start_time, end_time) >= ?1 - -- index only
       CASE WHEN ?5 IS NULL AND ?6 IS NULL THEN 0 -- index only
            ELSE (SELECT max_run FROM rollup_meta) END -- index only
   AND COALESCE(start_time, end_time) < ?2 -- index only
