-- The jobs of a batch on their way into job_rows (src/store-pg.c):
-- each put's parameters as sql/pg/stage_put.sql takes them, in the order
-- they came (seq), read in with COPY and stored by sql/pg/stage_put.sql
-- in one statement.  One per connection, emptied after each batch and
-- at commit.
CREATE TEMP TABLE IF NOT EXISTS job_stage (
    seq           bigint NOT NULL,
    cluster_id    bigint NOT NULL,
    job_id        text NOT NULL,
    submit_time   bigint NOT NULL,
    run_number    bigint NOT NULL,
    source_format text NOT NULL,
    array_job_id  text,
    array_index   bigint,
    eligible_at   bigint,
    start_at      bigint,
    end_at        bigint NOT NULL,
    alloc_procs   bigint,
    req_procs     bigint,
    core_seconds  double precision,
    cpu_time      double precision,
    used_mem_kb   bigint,
    req_time      bigint,
    req_mem_kb    bigint,
    nodes         bigint,
    gpus          bigint,
    swf_status    bigint NOT NULL,
    state_id      bigint NOT NULL,
    raw_state_id  bigint,
    exit_code     bigint,
    exit_signal   bigint,
    user_id       bigint,
    uid           bigint,
    group_id      bigint,
    gid           bigint,
    account_id    bigint,
    queue_id      bigint,
    qos_id        bigint,
    job_name_id   bigint,
    source_file_id bigint,
    source_line   bigint,
    ingest_run    bigint,
    gpu_seconds   double precision
) ON COMMIT DELETE ROWS
