-- PostgreSQL's form of sql/job_insert.sql and sql/job_update.sql in one
-- statement: store a job incarnation, or update the stored one with a
-- record read again only where the record brings a known value that
-- differs (an unknown value never overwrites a known one).  Returns one
-- row, inserted true for a new incarnation and false for an updated
-- one, and none when nothing differs.  Names are their ids in names ($1
-- cluster, $21 state, $22 raw state, $25 user, $27 group, $29 account,
-- $30 queue, $31 qos, $32 job name, $33 source file); times are epochs
-- ($3 submit, $8 eligible, $9 start, $10 end), stored as offsets.
-- multi marks an incarnation stored after another of its job.
INSERT INTO job_rows AS j (
    cluster_id, job_id, submit_time, run_number, source_format,
    array_job_id, array_index, eligible_delay, start_delay, end_delay,
    alloc_procs, req_procs, core_seconds,
    cpu_time, used_mem_kb, req_time, req_mem_kb, nodes,
    gpus, swf_status, state_id, raw_state_id, exit_code,
    exit_signal, user_id, uid, group_id, gid,
    account_id, queue_id, qos_id, job_name_id, source_file_id,
    source_line, ingest_run, gpu_seconds, multi
) VALUES (
    $1::bigint, $2::text, $3::bigint, $4::bigint, $5::text, $6::text,
    $7::bigint, $8::bigint - $3::bigint, $9::bigint - $3::bigint,
    $10::bigint - COALESCE($9::bigint, $3::bigint),
    $11::bigint, $12::bigint, $13::double precision,
    $14::double precision, $15::bigint, $16::bigint, $17::bigint,
    $18::bigint, $19::bigint, $20::bigint, $21::bigint, $22::bigint,
    $23::bigint, $24::bigint, $25::bigint, $26::bigint, $27::bigint,
    $28::bigint, $29::bigint, $30::bigint, $31::bigint, $32::bigint,
    $33::bigint, $34::bigint, $35::bigint, $36::double precision,
    (SELECT COUNT(*) FROM (SELECT 1 FROM job_rows o
                            WHERE o.cluster_id = $1::bigint
                              AND o.job_id = $2::text LIMIT 1) x)
)
ON CONFLICT (cluster_id, job_id, submit_time, run_number) DO UPDATE SET
    source_format = $5::text,
    array_job_id  = COALESCE($6::text, j.array_job_id),
    array_index   = COALESCE($7::bigint, j.array_index),
    eligible_delay = COALESCE($8::bigint - j.submit_time, j.eligible_delay),
    start_delay   = COALESCE($9::bigint - j.submit_time, j.start_delay),
    end_delay     = $10::bigint - COALESCE($9::bigint, j.start_time,
                                           j.submit_time),
    alloc_procs   = COALESCE($11::bigint, j.alloc_procs),
    req_procs     = COALESCE($12::bigint, j.req_procs),
    core_seconds  = COALESCE($13::double precision, j.core_seconds),
    cpu_time      = COALESCE($14::double precision, j.cpu_time),
    used_mem_kb   = COALESCE($15::bigint, j.used_mem_kb),
    req_time      = COALESCE($16::bigint, j.req_time),
    req_mem_kb    = COALESCE($17::bigint, j.req_mem_kb),
    nodes         = COALESCE($18::bigint, j.nodes),
    gpus          = COALESCE($19::bigint, j.gpus),
    gpu_seconds   = COALESCE($36::double precision, j.gpu_seconds),
    swf_status    = $20::bigint,
    state_id      = $21::bigint,
    raw_state_id  = COALESCE($22::bigint, j.raw_state_id),
    exit_code     = COALESCE($23::bigint, j.exit_code),
    exit_signal   = COALESCE($24::bigint, j.exit_signal),
    user_id       = COALESCE($25::bigint, j.user_id),
    uid           = COALESCE($26::bigint, j.uid),
    group_id      = COALESCE($27::bigint, j.group_id),
    gid           = COALESCE($28::bigint, j.gid),
    account_id    = COALESCE($29::bigint, j.account_id),
    queue_id      = COALESCE($30::bigint, j.queue_id),
    qos_id        = COALESCE($31::bigint, j.qos_id),
    job_name_id   = COALESCE($32::bigint, j.job_name_id),
    source_file_id = $33::bigint,
    source_line   = $34::bigint,
    ingest_run    = $35::bigint
WHERE $10::bigint IS DISTINCT FROM j.end_time
   OR $20::bigint IS DISTINCT FROM j.swf_status
   OR $21::bigint IS DISTINCT FROM j.state_id
   OR ($6::text IS NOT NULL AND $6::text IS DISTINCT FROM j.array_job_id)
   OR ($7::bigint IS NOT NULL AND $7::bigint IS DISTINCT FROM j.array_index)
   OR ($8::bigint IS NOT NULL AND $8::bigint IS DISTINCT FROM j.eligible_time)
   OR ($9::bigint IS NOT NULL AND $9::bigint IS DISTINCT FROM j.start_time)
   OR ($11::bigint IS NOT NULL AND $11::bigint IS DISTINCT FROM j.alloc_procs)
   OR ($12::bigint IS NOT NULL AND $12::bigint IS DISTINCT FROM j.req_procs)
   OR ($13::double precision IS NOT NULL
       AND $13::double precision IS DISTINCT FROM j.core_seconds)
   OR ($14::double precision IS NOT NULL
       AND $14::double precision IS DISTINCT FROM j.cpu_time)
   OR ($15::bigint IS NOT NULL AND $15::bigint IS DISTINCT FROM j.used_mem_kb)
   OR ($16::bigint IS NOT NULL AND $16::bigint IS DISTINCT FROM j.req_time)
   OR ($17::bigint IS NOT NULL AND $17::bigint IS DISTINCT FROM j.req_mem_kb)
   OR ($18::bigint IS NOT NULL AND $18::bigint IS DISTINCT FROM j.nodes)
   OR ($19::bigint IS NOT NULL AND $19::bigint IS DISTINCT FROM j.gpus)
   OR ($36::double precision IS NOT NULL
       AND $36::double precision IS DISTINCT FROM j.gpu_seconds)
   OR ($22::bigint IS NOT NULL AND $22::bigint IS DISTINCT FROM j.raw_state_id)
   OR ($23::bigint IS NOT NULL AND $23::bigint IS DISTINCT FROM j.exit_code)
   OR ($24::bigint IS NOT NULL AND $24::bigint IS DISTINCT FROM j.exit_signal)
   OR ($25::bigint IS NOT NULL AND $25::bigint IS DISTINCT FROM j.user_id)
   OR ($26::bigint IS NOT NULL AND $26::bigint IS DISTINCT FROM j.uid)
   OR ($27::bigint IS NOT NULL AND $27::bigint IS DISTINCT FROM j.group_id)
   OR ($28::bigint IS NOT NULL AND $28::bigint IS DISTINCT FROM j.gid)
   OR ($29::bigint IS NOT NULL AND $29::bigint IS DISTINCT FROM j.account_id)
   OR ($30::bigint IS NOT NULL AND $30::bigint IS DISTINCT FROM j.queue_id)
   OR ($31::bigint IS NOT NULL AND $31::bigint IS DISTINCT FROM j.qos_id)
   OR ($32::bigint IS NOT NULL AND $32::bigint IS DISTINCT FROM j.job_name_id)
RETURNING (xmax = 0) AS inserted
