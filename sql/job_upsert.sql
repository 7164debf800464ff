-- Store one job incarnation.  A known incarnation is updated only where
-- the new record brings a known value that differs; an unknown value never
-- overwrites a known one.  No row changes when nothing differs.
INSERT INTO jobs (
    cluster, job_id, submit_time, run_number, source_format,
    array_job_id, array_index, eligible_time, start_time, end_time,
    wait_time, run_time, alloc_procs, req_procs, core_seconds,
    cpu_time, used_mem_kb, req_time, req_mem_kb, nodes,
    gpus, swf_status, state, raw_state, exit_code,
    exit_signal, user_name, uid, group_name, gid,
    account, queue, qos, job_name, source_file,
    source_line, ingest_run, gpu_seconds
) VALUES (
    ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10,
    ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20,
    ?21, ?22, ?23, ?24, ?25, ?26, ?27, ?28, ?29, ?30,
    ?31, ?32, ?33, ?34, ?35, ?36, ?37, ?38
)
ON CONFLICT (cluster, job_id, submit_time, run_number) DO UPDATE SET
    source_format = excluded.source_format,
    array_job_id  = COALESCE(excluded.array_job_id, jobs.array_job_id),
    array_index   = COALESCE(excluded.array_index, jobs.array_index),
    eligible_time = COALESCE(excluded.eligible_time, jobs.eligible_time),
    start_time    = COALESCE(excluded.start_time, jobs.start_time),
    end_time      = excluded.end_time,
    wait_time     = COALESCE(excluded.wait_time, jobs.wait_time),
    run_time      = excluded.run_time,
    alloc_procs   = COALESCE(excluded.alloc_procs, jobs.alloc_procs),
    req_procs     = COALESCE(excluded.req_procs, jobs.req_procs),
    core_seconds  = COALESCE(excluded.core_seconds, jobs.core_seconds),
    cpu_time      = COALESCE(excluded.cpu_time, jobs.cpu_time),
    used_mem_kb   = COALESCE(excluded.used_mem_kb, jobs.used_mem_kb),
    req_time      = COALESCE(excluded.req_time, jobs.req_time),
    req_mem_kb    = COALESCE(excluded.req_mem_kb, jobs.req_mem_kb),
    nodes         = COALESCE(excluded.nodes, jobs.nodes),
    gpus          = COALESCE(excluded.gpus, jobs.gpus),
    gpu_seconds   = COALESCE(excluded.gpu_seconds, jobs.gpu_seconds),
    swf_status    = excluded.swf_status,
    state         = excluded.state,
    raw_state     = COALESCE(excluded.raw_state, jobs.raw_state),
    exit_code     = COALESCE(excluded.exit_code, jobs.exit_code),
    exit_signal   = COALESCE(excluded.exit_signal, jobs.exit_signal),
    user_name     = COALESCE(excluded.user_name, jobs.user_name),
    uid           = COALESCE(excluded.uid, jobs.uid),
    group_name    = COALESCE(excluded.group_name, jobs.group_name),
    gid           = COALESCE(excluded.gid, jobs.gid),
    account       = COALESCE(excluded.account, jobs.account),
    queue         = COALESCE(excluded.queue, jobs.queue),
    qos           = COALESCE(excluded.qos, jobs.qos),
    job_name      = COALESCE(excluded.job_name, jobs.job_name),
    source_file   = excluded.source_file,
    source_line   = excluded.source_line,
    ingest_run    = excluded.ingest_run
WHERE excluded.end_time IS DISTINCT FROM jobs.end_time
   OR excluded.run_time IS DISTINCT FROM jobs.run_time
   OR excluded.swf_status IS DISTINCT FROM jobs.swf_status
   OR excluded.state IS DISTINCT FROM jobs.state
   OR (excluded.array_job_id IS NOT NULL AND excluded.array_job_id IS DISTINCT FROM jobs.array_job_id)
   OR (excluded.array_index IS NOT NULL AND excluded.array_index IS DISTINCT FROM jobs.array_index)
   OR (excluded.eligible_time IS NOT NULL AND excluded.eligible_time IS DISTINCT FROM jobs.eligible_time)
   OR (excluded.start_time IS NOT NULL AND excluded.start_time IS DISTINCT FROM jobs.start_time)
   OR (excluded.alloc_procs IS NOT NULL AND excluded.alloc_procs IS DISTINCT FROM jobs.alloc_procs)
   OR (excluded.req_procs IS NOT NULL AND excluded.req_procs IS DISTINCT FROM jobs.req_procs)
   OR (excluded.core_seconds IS NOT NULL AND excluded.core_seconds IS DISTINCT FROM jobs.core_seconds)
   OR (excluded.cpu_time IS NOT NULL AND excluded.cpu_time IS DISTINCT FROM jobs.cpu_time)
   OR (excluded.used_mem_kb IS NOT NULL AND excluded.used_mem_kb IS DISTINCT FROM jobs.used_mem_kb)
   OR (excluded.req_time IS NOT NULL AND excluded.req_time IS DISTINCT FROM jobs.req_time)
   OR (excluded.req_mem_kb IS NOT NULL AND excluded.req_mem_kb IS DISTINCT FROM jobs.req_mem_kb)
   OR (excluded.nodes IS NOT NULL AND excluded.nodes IS DISTINCT FROM jobs.nodes)
   OR (excluded.gpus IS NOT NULL AND excluded.gpus IS DISTINCT FROM jobs.gpus)
   OR (excluded.gpu_seconds IS NOT NULL AND excluded.gpu_seconds IS DISTINCT FROM jobs.gpu_seconds)
   OR (excluded.raw_state IS NOT NULL AND excluded.raw_state IS DISTINCT FROM jobs.raw_state)
   OR (excluded.exit_code IS NOT NULL AND excluded.exit_code IS DISTINCT FROM jobs.exit_code)
   OR (excluded.exit_signal IS NOT NULL AND excluded.exit_signal IS DISTINCT FROM jobs.exit_signal)
   OR (excluded.user_name IS NOT NULL AND excluded.user_name IS DISTINCT FROM jobs.user_name)
   OR (excluded.uid IS NOT NULL AND excluded.uid IS DISTINCT FROM jobs.uid)
   OR (excluded.group_name IS NOT NULL AND excluded.group_name IS DISTINCT FROM jobs.group_name)
   OR (excluded.gid IS NOT NULL AND excluded.gid IS DISTINCT FROM jobs.gid)
   OR (excluded.account IS NOT NULL AND excluded.account IS DISTINCT FROM jobs.account)
   OR (excluded.queue IS NOT NULL AND excluded.queue IS DISTINCT FROM jobs.queue)
   OR (excluded.qos IS NOT NULL AND excluded.qos IS DISTINCT FROM jobs.qos)
   OR (excluded.job_name IS NOT NULL AND excluded.job_name IS DISTINCT FROM jobs.job_name)
