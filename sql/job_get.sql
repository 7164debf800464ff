-- What the rollup takes from the stored incarnation ?1, ?2, ?3, ?4
-- (cluster, job id, submit time, run number): read before and after
-- job_update.sql changes it.
SELECT cluster, user_name, group_name, account, queue, qos, state,
       start_time, end_time, run_time, core_seconds, nodes, gpu_seconds,
       cpu_time
  FROM jobs
 WHERE cluster = ?1 AND job_id = ?2 AND submit_time = ?3 AND run_number = ?4
