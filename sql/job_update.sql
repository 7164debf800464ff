-- Update a stored job incarnation (?1 cluster, ?2 job id, ?3 submit time,
-- ?4 run number; the parameters are job_insert.sql's) with a record read
-- again: only where the record brings a known value that differs; an
-- unknown value never overwrites a known one.  No row changes when
-- nothing differs.  Times are stored as offsets (migrate-4.sql): in SET,
-- start_time is the stored one, so the end's offset is from the start
-- the row keeps; the run and wait times follow (?11, ?12 unused).
UPDATE job_rows SET
    source_format = ?5,
    array_job_id  = COALESCE(?6, array_job_id),
    array_index   = COALESCE(?7, array_index),
    eligible_delay = COALESCE(?8 - submit_time, eligible_delay),
    start_delay   = COALESCE(?9 - submit_time, start_delay),
    end_delay     = ?10 - COALESCE(?9, start_time, submit_time),
    alloc_procs   = COALESCE(?13, alloc_procs),
    req_procs     = COALESCE(?14, req_procs),
    core_seconds  = COALESCE(?15, core_seconds),
    cpu_time      = COALESCE(?16, cpu_time),
    used_mem_kb   = COALESCE(?17, used_mem_kb),
    req_time      = COALESCE(?18, req_time),
    req_mem_kb    = COALESCE(?19, req_mem_kb),
    nodes         = COALESCE(?20, nodes),
    gpus          = COALESCE(?21, gpus),
    gpu_seconds   = COALESCE(?38, gpu_seconds),
    swf_status    = ?22,
    state_id      = ?23,
    raw_state_id  = COALESCE(?24, raw_state_id),
    exit_code     = COALESCE(?25, exit_code),
    exit_signal   = COALESCE(?26, exit_signal),
    user_id       = COALESCE(?27, user_id),
    uid           = COALESCE(?28, uid),
    group_id      = COALESCE(?29, group_id),
    gid           = COALESCE(?30, gid),
    account_id    = COALESCE(?31, account_id),
    queue_id      = COALESCE(?32, queue_id),
    qos_id        = COALESCE(?33, qos_id),
    job_name_id   = COALESCE(?34, job_name_id),
    source_file_id = ?35,
    source_line   = ?36,
    ingest_run    = ?37
WHERE cluster_id = ?1 AND job_id = ?2 AND submit_time = ?3 AND run_number = ?4
  AND (?10 IS DISTINCT FROM end_time
    OR ?22 IS DISTINCT FROM swf_status
    OR ?23 IS DISTINCT FROM state_id
    OR (?6 IS NOT NULL AND ?6 IS DISTINCT FROM array_job_id)
    OR (?7 IS NOT NULL AND ?7 IS DISTINCT FROM array_index)
    OR (?8 IS NOT NULL AND ?8 IS DISTINCT FROM eligible_time)
    OR (?9 IS NOT NULL AND ?9 IS DISTINCT FROM start_time)
    OR (?13 IS NOT NULL AND ?13 IS DISTINCT FROM alloc_procs)
    OR (?14 IS NOT NULL AND ?14 IS DISTINCT FROM req_procs)
    OR (?15 IS NOT NULL AND ?15 IS DISTINCT FROM core_seconds)
    OR (?16 IS NOT NULL AND ?16 IS DISTINCT FROM cpu_time)
    OR (?17 IS NOT NULL AND ?17 IS DISTINCT FROM used_mem_kb)
    OR (?18 IS NOT NULL AND ?18 IS DISTINCT FROM req_time)
    OR (?19 IS NOT NULL AND ?19 IS DISTINCT FROM req_mem_kb)
    OR (?20 IS NOT NULL AND ?20 IS DISTINCT FROM nodes)
    OR (?21 IS NOT NULL AND ?21 IS DISTINCT FROM gpus)
    OR (?38 IS NOT NULL AND ?38 IS DISTINCT FROM gpu_seconds)
    OR (?24 IS NOT NULL AND ?24 IS DISTINCT FROM raw_state_id)
    OR (?25 IS NOT NULL AND ?25 IS DISTINCT FROM exit_code)
    OR (?26 IS NOT NULL AND ?26 IS DISTINCT FROM exit_signal)
    OR (?27 IS NOT NULL AND ?27 IS DISTINCT FROM user_id)
    OR (?28 IS NOT NULL AND ?28 IS DISTINCT FROM uid)
    OR (?29 IS NOT NULL AND ?29 IS DISTINCT FROM group_id)
    OR (?30 IS NOT NULL AND ?30 IS DISTINCT FROM gid)
    OR (?31 IS NOT NULL AND ?31 IS DISTINCT FROM account_id)
    OR (?32 IS NOT NULL AND ?32 IS DISTINCT FROM queue_id)
    OR (?33 IS NOT NULL AND ?33 IS DISTINCT FROM qos_id)
    OR (?34 IS NOT NULL AND ?34 IS DISTINCT FROM job_name_id))
