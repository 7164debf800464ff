-- The batch in job_stage (sql/pg/stage.sql, keys unique) into job_rows
-- in one statement, one by one in
-- turn: a new incarnation inserted, a stored one updated only where the
-- batch brings a known value that differs (an unknown value never
-- overwrites a known one).  Returns a row per inserted (true) or updated
-- (false) incarnation; the others were unchanged.  multi marks an
-- incarnation stored after another of its job, stored before or earlier
-- in the batch.
INSERT INTO job_rows AS j (
    cluster_id, job_id, submit_time, run_number, source_format,
    array_job_id, array_index, eligible_delay, start_delay, end_delay,
    alloc_procs, req_procs, core_seconds,
    cpu_time, used_mem_kb, req_time, req_mem_kb, nodes,
    gpus, swf_status, state_id, raw_state_id, exit_code,
    exit_signal, user_id, uid, group_id, gid,
    account_id, queue_id, qos_id, job_name_id, source_file_id,
    source_line, ingest_run, gpu_seconds, multi
)
SELECT s.cluster_id, s.job_id, s.submit_time, s.run_number, s.source_format,
       s.array_job_id, s.array_index, s.eligible_at - s.submit_time,
       s.start_at - s.submit_time,
       s.end_at - COALESCE(s.start_at, s.submit_time),
       s.alloc_procs, s.req_procs, s.core_seconds,
       s.cpu_time, s.used_mem_kb, s.req_time, s.req_mem_kb, s.nodes,
       s.gpus, s.swf_status, s.state_id, s.raw_state_id, s.exit_code,
       s.exit_signal, s.user_id, s.uid, s.group_id, s.gid,
       s.account_id, s.queue_id, s.qos_id, s.job_name_id, s.source_file_id,
       s.source_line, s.ingest_run, s.gpu_seconds,
       (row_number() OVER (PARTITION BY s.cluster_id, s.job_id
                           ORDER BY s.seq) > 1
        OR EXISTS (SELECT 1 FROM job_rows o
                    WHERE o.cluster_id = s.cluster_id
                      AND o.job_id = s.job_id))::int
  FROM job_stage s
 ORDER BY s.seq
ON CONFLICT (cluster_id, job_id, submit_time, run_number) DO UPDATE SET
    source_format = EXCLUDED.source_format,
    array_job_id  = COALESCE(EXCLUDED.array_job_id, j.array_job_id),
    eligible_delay = COALESCE(EXCLUDED.eligible_delay, j.eligible_delay),
    start_delay   = COALESCE(EXCLUDED.start_delay, j.start_delay),
    end_delay     = EXCLUDED.submit_time + COALESCE(EXCLUDED.start_delay, 0)
                    + EXCLUDED.end_delay
                    - COALESCE(EXCLUDED.submit_time + EXCLUDED.start_delay,
                               j.start_time, j.submit_time),
    array_index = COALESCE(EXCLUDED.array_index, j.array_index),
    alloc_procs = COALESCE(EXCLUDED.alloc_procs, j.alloc_procs),
    req_procs = COALESCE(EXCLUDED.req_procs, j.req_procs),
    used_mem_kb = COALESCE(EXCLUDED.used_mem_kb, j.used_mem_kb),
    req_time = COALESCE(EXCLUDED.req_time, j.req_time),
    req_mem_kb = COALESCE(EXCLUDED.req_mem_kb, j.req_mem_kb),
    nodes = COALESCE(EXCLUDED.nodes, j.nodes),
    gpus = COALESCE(EXCLUDED.gpus, j.gpus),
    raw_state_id = COALESCE(EXCLUDED.raw_state_id, j.raw_state_id),
    exit_code = COALESCE(EXCLUDED.exit_code, j.exit_code),
    exit_signal = COALESCE(EXCLUDED.exit_signal, j.exit_signal),
    user_id = COALESCE(EXCLUDED.user_id, j.user_id),
    uid = COALESCE(EXCLUDED.uid, j.uid),
    group_id = COALESCE(EXCLUDED.group_id, j.group_id),
    gid = COALESCE(EXCLUDED.gid, j.gid),
    account_id = COALESCE(EXCLUDED.account_id, j.account_id),
    queue_id = COALESCE(EXCLUDED.queue_id, j.queue_id),
    qos_id = COALESCE(EXCLUDED.qos_id, j.qos_id),
    job_name_id = COALESCE(EXCLUDED.job_name_id, j.job_name_id),
    core_seconds = COALESCE(EXCLUDED.core_seconds, j.core_seconds),
    cpu_time = COALESCE(EXCLUDED.cpu_time, j.cpu_time),
    gpu_seconds = COALESCE(EXCLUDED.gpu_seconds, j.gpu_seconds),
    swf_status    = EXCLUDED.swf_status,
    state_id      = EXCLUDED.state_id,
    source_file_id = EXCLUDED.source_file_id,
    source_line   = EXCLUDED.source_line,
    ingest_run    = EXCLUDED.ingest_run
WHERE EXCLUDED.submit_time + COALESCE(EXCLUDED.start_delay, 0) + EXCLUDED.end_delay
       IS DISTINCT FROM j.end_time
   OR EXCLUDED.swf_status IS DISTINCT FROM j.swf_status
   OR EXCLUDED.state_id IS DISTINCT FROM j.state_id
   OR (EXCLUDED.array_job_id IS NOT NULL
       AND EXCLUDED.array_job_id IS DISTINCT FROM j.array_job_id)
   OR (EXCLUDED.eligible_delay IS NOT NULL AND EXCLUDED.submit_time +
       EXCLUDED.eligible_delay IS DISTINCT FROM j.eligible_time)
   OR (EXCLUDED.start_delay IS NOT NULL AND EXCLUDED.submit_time +
       EXCLUDED.start_delay IS DISTINCT FROM j.start_time)
   OR (EXCLUDED.array_index IS NOT NULL AND EXCLUDED.array_index IS DISTINCT FROM j.array_index)
   OR (EXCLUDED.alloc_procs IS NOT NULL AND EXCLUDED.alloc_procs IS DISTINCT FROM j.alloc_procs)
   OR (EXCLUDED.req_procs IS NOT NULL AND EXCLUDED.req_procs IS DISTINCT FROM j.req_procs)
   OR (EXCLUDED.used_mem_kb IS NOT NULL AND EXCLUDED.used_mem_kb IS DISTINCT FROM j.used_mem_kb)
   OR (EXCLUDED.req_time IS NOT NULL AND EXCLUDED.req_time IS DISTINCT FROM j.req_time)
   OR (EXCLUDED.req_mem_kb IS NOT NULL AND EXCLUDED.req_mem_kb IS DISTINCT FROM j.req_mem_kb)
   OR (EXCLUDED.nodes IS NOT NULL AND EXCLUDED.nodes IS DISTINCT FROM j.nodes)
   OR (EXCLUDED.gpus IS NOT NULL AND EXCLUDED.gpus IS DISTINCT FROM j.gpus)
   OR (EXCLUDED.raw_state_id IS NOT NULL AND EXCLUDED.raw_state_id IS DISTINCT FROM j.raw_state_id)
   OR (EXCLUDED.exit_code IS NOT NULL AND EXCLUDED.exit_code IS DISTINCT FROM j.exit_code)
   OR (EXCLUDED.exit_signal IS NOT NULL AND EXCLUDED.exit_signal IS DISTINCT FROM j.exit_signal)
   OR (EXCLUDED.user_id IS NOT NULL AND EXCLUDED.user_id IS DISTINCT FROM j.user_id)
   OR (EXCLUDED.uid IS NOT NULL AND EXCLUDED.uid IS DISTINCT FROM j.uid)
   OR (EXCLUDED.group_id IS NOT NULL AND EXCLUDED.group_id IS DISTINCT FROM j.group_id)
   OR (EXCLUDED.gid IS NOT NULL AND EXCLUDED.gid IS DISTINCT FROM j.gid)
   OR (EXCLUDED.account_id IS NOT NULL AND EXCLUDED.account_id IS DISTINCT FROM j.account_id)
   OR (EXCLUDED.queue_id IS NOT NULL AND EXCLUDED.queue_id IS DISTINCT FROM j.queue_id)
   OR (EXCLUDED.qos_id IS NOT NULL AND EXCLUDED.qos_id IS DISTINCT FROM j.qos_id)
   OR (EXCLUDED.job_name_id IS NOT NULL AND EXCLUDED.job_name_id IS DISTINCT FROM j.job_name_id)
   OR (EXCLUDED.core_seconds IS NOT NULL AND EXCLUDED.core_seconds IS DISTINCT FROM j.core_seconds)
   OR (EXCLUDED.cpu_time IS NOT NULL AND EXCLUDED.cpu_time IS DISTINCT FROM j.cpu_time)
   OR (EXCLUDED.gpu_seconds IS NOT NULL AND EXCLUDED.gpu_seconds IS DISTINCT FROM j.gpu_seconds)
RETURNING (xmax = 0) AS inserted
