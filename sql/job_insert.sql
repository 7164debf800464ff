-- Store a job incarnation not stored yet (no row changes if it is: then
-- job_update.sql updates it).  multi marks an incarnation stored after
-- another of its job (see jobs_multi in migrate-3.sql); job_multi_seen()
-- tells the store, which marks the others (job_multi.sql).  Names are
-- bound as their ids in names (?1 cluster, ?23 state, ?24 raw state, ?27
-- user, ?29 group, ?31 account, ?32 queue, ?33 qos, ?34 job name, ?35
-- source file); times as epochs (?3 submit, ?8 eligible, ?9 start, ?10
-- end), stored as offsets (see migrate-4.sql).  ?11 and ?12, the wait and
-- the run time, follow from them.
INSERT INTO job_rows (
    cluster_id, job_id, submit_time, run_number, source_format,
    array_job_id, array_index, eligible_delay, start_delay, end_delay,
    alloc_procs, req_procs, core_seconds,
    cpu_time, used_mem_kb, req_time, req_mem_kb, nodes,
    gpus, swf_status, state_id, raw_state_id, exit_code,
    exit_signal, user_id, uid, group_id, gid,
    account_id, queue_id, qos_id, job_name_id, source_file_id,
    source_line, ingest_run, gpu_seconds, multi
) VALUES (
    ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8 - ?3, ?9 - ?3, ?10 - COALESCE(?9, ?3),
    ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20,
    ?21, ?22, ?23, ?24, ?25, ?26, ?27, ?28, ?29, ?30,
    ?31, ?32, ?33, ?34, ?35, ?36, ?37, ?38,
    job_multi_seen(EXISTS (SELECT 1 FROM job_rows
                           WHERE cluster_id = ?1 AND job_id = ?2))
)
ON CONFLICT (cluster_id, job_id, submit_time, run_number) DO NOTHING
