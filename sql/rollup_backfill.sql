-- Add the job rows with ?1 < id <= ?2 to the rollup (building it for a
-- database that had none, in slices so memory stays flat).
SELECT rollup_delta(1, cluster, user_name, group_name, account, queue, qos,
       start_time, end_time, run_time, core_seconds, nodes, gpu_seconds,
       cpu_time)
  FROM jobs
 WHERE id > ?1 AND id <= ?2
