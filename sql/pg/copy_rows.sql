-- The new job rows of a batch (src/store-pg.c), one line each as COPY's
-- text format has it: sql/pg/stage.sql's columns, then multi.
COPY job_rows (cluster_id, job_id, submit_time, run_number, source_format,
    array_job_id, array_index, eligible_delay, start_delay, end_delay,
    alloc_procs, req_procs, core_seconds, cpu_time, used_mem_kb, req_time,
    req_mem_kb, nodes, gpus, swf_status, state_id, raw_state_id, exit_code,
    exit_signal, user_id, uid, group_id, gid, account_id, queue_id, qos_id,
    job_name_id, source_file_id, source_line, ingest_run, gpu_seconds, multi)
FROM STDIN
