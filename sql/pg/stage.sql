-- The jobs of a batch already stored (src/store-pg.c): each as its new
-- job row would be (sql/pg/migrate-2.sql's columns in their order, times
-- as offsets, names as ids, no multi), read in with COPY and merged into
-- job_rows by sql/pg/stage_update.sql.  One per connection, emptied
-- after each batch and at commit.
CREATE TEMP TABLE IF NOT EXISTS job_stage (
    cluster_id    bigint NOT NULL,
    job_id        text NOT NULL,
    submit_time   bigint NOT NULL,
    run_number    bigint NOT NULL,
    source_format text NOT NULL,
    array_job_id  text,
    array_index   bigint,
    eligible_delay bigint,
    start_delay   bigint,
    end_delay     bigint NOT NULL,
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
