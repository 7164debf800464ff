-- Jobs for an SWF export: submitted in [?1, ?2), of cluster ?3 (NULL: all),
-- in submit order.
SELECT submit_time, start_time, end_time, run_time, alloc_procs,
       cpu_time, used_mem_kb, req_procs, req_time, req_mem_kb,
       swf_status, user_name, group_name, job_name, queue,
       cluster, nodes, state
  FROM jobs
 WHERE submit_time >= ?1 AND submit_time < ?2
   AND (?3 IS NULL OR cluster = ?3)
 ORDER BY submit_time, cluster, job_id, run_number
