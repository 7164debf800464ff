-- What the rollup takes from the job rows submitted in [$1, $2) (the
-- rollup built again, a year at a time).
SELECT cluster_id, user_id, group_id, account_id, queue_id, qos_id,
       start_time, end_time, run_time, core_seconds, nodes, gpu_seconds,
       cpu_time
  FROM job_rows
 WHERE submit_time >= $1::bigint AND submit_time < $2::bigint
