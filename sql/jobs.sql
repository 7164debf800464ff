-- Stored job incarnations submitted in [?1, ?2), of cluster ?3 (NULL:
-- all), in submit order: every column a consumer of whole jobs needs.
SELECT cluster, job_id, submit_time, run_number, source_format,
       array_job_id, array_index, eligible_time, start_time, end_time,
       wait_time, run_time, alloc_procs, req_procs, core_seconds,
       cpu_time, used_mem_kb, req_time, req_mem_kb, nodes,
       gpus, gpu_seconds, swf_status, state, raw_state,
       exit_code, exit_signal, user_name, uid, group_name,
       gid, account, queue, qos, job_name,
       source_file, source_line, ingest_run
  FROM jobs
 WHERE submit_time >= ?1 AND submit_time < ?2
   AND (?3 IS NULL OR cluster = ?3)
 ORDER BY submit_time, cluster, job_id, run_number
