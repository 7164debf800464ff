-- Store a job incarnation not stored yet (no row changes if it is: then
-- job_update.sql updates it).  multi marks an incarnation stored after
-- another of its job (see jobs_multi in migrate-3.sql); job_multi_seen()
-- tells the store, which marks the others (job_multi.sql).
INSERT INTO jobs (
    cluster, job_id, submit_time, run_number, source_format,
    array_job_id, array_index, eligible_time, start_time, end_time,
    wait_time, run_time, alloc_procs, req_procs, core_seconds,
    cpu_time, used_mem_kb, req_time, req_mem_kb, nodes,
    gpus, swf_status, state, raw_state, exit_code,
    exit_signal, user_name, uid, group_name, gid,
    account, queue, qos, job_name, source_file,
    source_line, ingest_run, gpu_seconds, multi
) VALUES (
    ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10,
    ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20,
    ?21, ?22, ?23, ?24, ?25, ?26, ?27, ?28, ?29, ?30,
    ?31, ?32, ?33, ?34, ?35, ?36, ?37, ?38,
    job_multi_seen(EXISTS (SELECT 1 FROM jobs
                           WHERE cluster = ?1 AND job_id = ?2))
)
ON CONFLICT (cluster, job_id, submit_time, run_number) DO NOTHING
