-- The batch's jobs already stored (sql/pg/stage.sql) merged into their
-- rows as sql/job_update.sql merges one: only where the batch brings a
-- known value that differs; an unknown value never overwrites a known
-- one.  $1 and $2 bound the batch's submit times, so that only their
-- partitions are planned.  Returns each changed row's key and what the
-- rollup takes from it (the rows the batch left alone are unchanged).
UPDATE job_rows AS j SET
    source_format = s.source_format,
    array_job_id  = COALESCE(s.array_job_id, j.array_job_id),
    array_index   = COALESCE(s.array_index, j.array_index),
    eligible_delay = COALESCE(s.eligible_delay, j.eligible_delay),
    start_delay   = COALESCE(s.start_delay, j.start_delay),
    end_delay     = s.submit_time + COALESCE(s.start_delay, 0) + s.end_delay
                    - COALESCE(s.submit_time + s.start_delay, j.start_time,
                               j.submit_time),
    alloc_procs   = COALESCE(s.alloc_procs, j.alloc_procs),
    req_procs     = COALESCE(s.req_procs, j.req_procs),
    core_seconds  = COALESCE(s.core_seconds, j.core_seconds),
    cpu_time      = COALESCE(s.cpu_time, j.cpu_time),
    used_mem_kb   = COALESCE(s.used_mem_kb, j.used_mem_kb),
    req_time      = COALESCE(s.req_time, j.req_time),
    req_mem_kb    = COALESCE(s.req_mem_kb, j.req_mem_kb),
    nodes         = COALESCE(s.nodes, j.nodes),
    gpus          = COALESCE(s.gpus, j.gpus),
    gpu_seconds   = COALESCE(s.gpu_seconds, j.gpu_seconds),
    swf_status    = s.swf_status,
    state_id      = s.state_id,
    raw_state_id  = COALESCE(s.raw_state_id, j.raw_state_id),
    exit_code     = COALESCE(s.exit_code, j.exit_code),
    exit_signal   = COALESCE(s.exit_signal, j.exit_signal),
    user_id       = COALESCE(s.user_id, j.user_id),
    uid           = COALESCE(s.uid, j.uid),
    group_id      = COALESCE(s.group_id, j.group_id),
    gid           = COALESCE(s.gid, j.gid),
    account_id    = COALESCE(s.account_id, j.account_id),
    queue_id      = COALESCE(s.queue_id, j.queue_id),
    qos_id        = COALESCE(s.qos_id, j.qos_id),
    job_name_id   = COALESCE(s.job_name_id, j.job_name_id),
    source_file_id = s.source_file_id,
    source_line   = s.source_line,
    ingest_run    = s.ingest_run
  FROM job_stage s
 WHERE j.cluster_id = s.cluster_id AND j.job_id = s.job_id
   AND j.submit_time = s.submit_time AND j.run_number = s.run_number
   AND j.submit_time >= $1::bigint AND j.submit_time <= $2::bigint
  AND (s.submit_time + COALESCE(s.start_delay, 0) + s.end_delay
        IS DISTINCT FROM j.end_time
    OR s.swf_status IS DISTINCT FROM j.swf_status
    OR s.state_id IS DISTINCT FROM j.state_id
    OR (s.array_job_id IS NOT NULL AND s.array_job_id IS DISTINCT FROM j.array_job_id)
    OR (s.array_index IS NOT NULL AND s.array_index IS DISTINCT FROM j.array_index)
    OR (s.eligible_delay IS NOT NULL
        AND s.submit_time + s.eligible_delay IS DISTINCT FROM j.eligible_time)
    OR (s.start_delay IS NOT NULL
        AND s.submit_time + s.start_delay IS DISTINCT FROM j.start_time)
    OR (s.alloc_procs IS NOT NULL AND s.alloc_procs IS DISTINCT FROM j.alloc_procs)
    OR (s.req_procs IS NOT NULL AND s.req_procs IS DISTINCT FROM j.req_procs)
    OR (s.core_seconds IS NOT NULL AND s.core_seconds IS DISTINCT FROM j.core_seconds)
    OR (s.cpu_time IS NOT NULL AND s.cpu_time IS DISTINCT FROM j.cpu_time)
    OR (s.used_mem_kb IS NOT NULL AND s.used_mem_kb IS DISTINCT FROM j.used_mem_kb)
    OR (s.req_time IS NOT NULL AND s.req_time IS DISTINCT FROM j.req_time)
    OR (s.req_mem_kb IS NOT NULL AND s.req_mem_kb IS DISTINCT FROM j.req_mem_kb)
    OR (s.nodes IS NOT NULL AND s.nodes IS DISTINCT FROM j.nodes)
    OR (s.gpus IS NOT NULL AND s.gpus IS DISTINCT FROM j.gpus)
    OR (s.gpu_seconds IS NOT NULL AND s.gpu_seconds IS DISTINCT FROM j.gpu_seconds)
    OR (s.raw_state_id IS NOT NULL AND s.raw_state_id IS DISTINCT FROM j.raw_state_id)
    OR (s.exit_code IS NOT NULL AND s.exit_code IS DISTINCT FROM j.exit_code)
    OR (s.exit_signal IS NOT NULL AND s.exit_signal IS DISTINCT FROM j.exit_signal)
    OR (s.user_id IS NOT NULL AND s.user_id IS DISTINCT FROM j.user_id)
    OR (s.uid IS NOT NULL AND s.uid IS DISTINCT FROM j.uid)
    OR (s.group_id IS NOT NULL AND s.group_id IS DISTINCT FROM j.group_id)
    OR (s.gid IS NOT NULL AND s.gid IS DISTINCT FROM j.gid)
    OR (s.account_id IS NOT NULL AND s.account_id IS DISTINCT FROM j.account_id)
    OR (s.queue_id IS NOT NULL AND s.queue_id IS DISTINCT FROM j.queue_id)
    OR (s.qos_id IS NOT NULL AND s.qos_id IS DISTINCT FROM j.qos_id)
    OR (s.job_name_id IS NOT NULL AND s.job_name_id IS DISTINCT FROM j.job_name_id))
RETURNING j.cluster_id, j.job_id, j.submit_time, j.run_number,
          j.user_id, j.group_id, j.account_id, j.queue_id, j.qos_id,
          j.start_time, j.end_time, j.run_time, j.core_seconds, j.nodes,
          j.gpu_seconds, j.cpu_time
