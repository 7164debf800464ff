-- PostgreSQL's form of the schema, version 1 of the server database:
-- the tables of the SQLite schema at version 5 that the PostgreSQL store
-- (src/store-pg.c) uses, with the same names and columns, so that the
-- view jobs reads the same on either backend.  Times are UTC epoch
-- seconds (bigint), NULL unknown.  Run by pgstore_open() inside one
-- transaction holding an advisory lock, so that the first ingests of
-- several head nodes into an empty database create it once.

CREATE TABLE IF NOT EXISTS hpcacct_schema (version integer NOT NULL);

-- Every name a job row refers to, once: kind 0 user, 1 group, 2 account,
-- 3 queue, 4 qos, 5 cluster, 6 state, 7 raw state, 8 source file, 9 job
-- name (as sql/migrate-4.sql).  Unique, and found, by the md5 of the
-- name: a B-tree entry holds at most about 2700 bytes, a job name up to
-- a megabyte.
CREATE TABLE IF NOT EXISTS names (
    id            bigserial PRIMARY KEY,
    kind          integer NOT NULL,
    name          text NOT NULL
);
CREATE UNIQUE INDEX IF NOT EXISTS names_kind_name
    ON names (kind, md5(name));

CREATE TABLE IF NOT EXISTS ingest_runs (
    id            bigserial PRIMARY KEY,
    started_at    bigint NOT NULL,
    finished_at   bigint,
    input         text NOT NULL,
    format        text NOT NULL,
    n_read        bigint NOT NULL DEFAULT 0,
    n_new         bigint NOT NULL DEFAULT 0,
    n_updated     bigint NOT NULL DEFAULT 0,
    n_unchanged   bigint NOT NULL DEFAULT 0,
    n_skipped     bigint NOT NULL DEFAULT 0,
    n_rejected    bigint NOT NULL DEFAULT 0,
    n_warnings    bigint NOT NULL DEFAULT 0
);

-- An input file's path is the head node's: two clusters' head nodes may
-- read files of the same path, so a mark is per path as given.
CREATE TABLE IF NOT EXISTS input_files (
    path          text PRIMARY KEY,
    device        bigint NOT NULL,
    inode         bigint NOT NULL,
    size          bigint NOT NULL,
    read_offset   bigint NOT NULL,
    mtime         bigint NOT NULL,
    format        text NOT NULL,
    last_run      bigint REFERENCES ingest_runs (id),
    options       text NOT NULL DEFAULT '',
    complete      integer NOT NULL DEFAULT 1
);

-- One row per incarnation of a job, as SQLite's job_rows (times as
-- offsets from the submit time; the absolute times, the wait and the
-- run time generated from them).
CREATE TABLE IF NOT EXISTS job_rows (
    id            bigserial PRIMARY KEY,
    cluster_id    bigint NOT NULL,
    job_id        text NOT NULL,
    submit_time   bigint NOT NULL,
    run_number    bigint NOT NULL DEFAULT 0,
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
    ingest_run    bigint REFERENCES ingest_runs (id),
    gpu_seconds   double precision,
    multi         bigint NOT NULL DEFAULT 0,
    eligible_time bigint GENERATED ALWAYS AS
        (submit_time + eligible_delay) STORED,
    start_time    bigint GENERATED ALWAYS AS
        (submit_time + start_delay) STORED,
    end_time      bigint GENERATED ALWAYS AS
        (submit_time + COALESCE(start_delay, 0) + end_delay) STORED,
    wait_time     bigint GENERATED ALWAYS AS
        (CASE WHEN start_delay >= 0 THEN start_delay END) STORED,
    run_time      bigint GENERATED ALWAYS AS
        (CASE WHEN start_delay IS NOT NULL AND end_delay > 0
              THEN end_delay ELSE 0 END) STORED,
    UNIQUE (cluster_id, job_id, submit_time, run_number)
);

CREATE INDEX IF NOT EXISTS jobs_begin
    ON job_rows ((COALESCE(start_time, end_time)));
CREATE INDEX IF NOT EXISTS jobs_submit ON job_rows (submit_time);
CREATE INDEX IF NOT EXISTS jobs_run ON job_rows (ingest_run);
CREATE INDEX IF NOT EXISTS jobs_run_time ON job_rows (run_time);

CREATE OR REPLACE VIEW jobs AS
SELECT j.id, c.name AS cluster, j.job_id, j.submit_time, j.run_number,
       j.source_format, j.array_job_id, j.array_index, j.eligible_time,
       j.start_time, j.end_time, j.wait_time, j.run_time, j.alloc_procs,
       j.req_procs, j.core_seconds, j.cpu_time, j.used_mem_kb, j.req_time,
       j.req_mem_kb, j.nodes, j.gpus, j.swf_status, s.name AS state,
       r.name AS raw_state, j.exit_code, j.exit_signal, u.name AS user_name,
       j.uid, g.name AS group_name, j.gid, a.name AS account,
       q.name AS queue, o.name AS qos, n.name AS job_name,
       f.name AS source_file,
       j.source_line, j.ingest_run, j.gpu_seconds, j.multi
  FROM job_rows j
  JOIN names c ON c.id = j.cluster_id
  JOIN names s ON s.id = j.state_id
  LEFT JOIN names r ON r.id = j.raw_state_id
  LEFT JOIN names u ON u.id = j.user_id
  LEFT JOIN names g ON g.id = j.group_id
  LEFT JOIN names a ON a.id = j.account_id
  LEFT JOIN names q ON q.id = j.queue_id
  LEFT JOIN names o ON o.id = j.qos_id
  LEFT JOIN names n ON n.id = j.job_name_id
  LEFT JOIN names f ON f.id = j.source_file_id;

-- What readers keep between records and runs (sql/schema.sql): PBS
-- jobs queued or started but not ended, Kubernetes Jobs and their pods.
CREATE TABLE IF NOT EXISTS pending_jobs (
    cluster       text NOT NULL,
    job_id        text NOT NULL,
    submit_time   bigint,
    started       integer NOT NULL DEFAULT 0,
    queue         text,
    PRIMARY KEY (cluster, job_id)
);

CREATE TABLE IF NOT EXISTS k8s_jobs (
    uid           text PRIMARY KEY,
    cluster       text NOT NULL,
    job_id        text NOT NULL,
    job_name      text,
    namespace     text,
    user_name     text,
    queue         text,
    submit_time   bigint NOT NULL,
    start_time    bigint,
    end_time      bigint,
    state         text NOT NULL,
    swf_status    bigint NOT NULL,
    cpu_per_pod   double precision,
    mem_kb_per_pod double precision,
    gpus_per_pod  double precision,
    parallelism   bigint,
    req_time      bigint
);

CREATE TABLE IF NOT EXISTS k8s_pods (
    uid           text PRIMARY KEY,
    job_uid       text NOT NULL,
    start_time    bigint,
    end_time      bigint,
    node          text
);

CREATE INDEX IF NOT EXISTS k8s_pods_job ON k8s_pods (job_uid);

-- The runs db copy brought from another database (origin, its path)
-- as runs of this one: copying again finds them.
CREATE TABLE IF NOT EXISTS run_origins (
    origin        text NOT NULL,
    origin_run    bigint NOT NULL,
    run           bigint NOT NULL REFERENCES ingest_runs (id),
    PRIMARY KEY (origin, origin_run)
);

-- How far each live source was read (sql/migrate-5.sql).
CREATE TABLE IF NOT EXISTS live_cursors (
    source        text PRIMARY KEY,
    seen_until    bigint NOT NULL,
    ingest_run    bigint REFERENCES ingest_runs (id)
);

-- The user registry (sql/migrate-4.sql, migrate-5.sql).
CREATE TABLE IF NOT EXISTS users (
    name          text PRIMARY KEY,
    created       bigint NOT NULL,
    source        text NOT NULL,
    group_name    text,
    organization  text,
    full_name     text,
    account       text
);

-- Each user's first job (by submit time, then the first stored): what
-- SQLite's table user_first keeps at ingest, here a view over an index.
CREATE INDEX IF NOT EXISTS jobs_user_first
    ON job_rows (user_id, submit_time, id) WHERE user_id IS NOT NULL;
CREATE OR REPLACE VIEW user_first AS
SELECT DISTINCT ON (user_id) user_id, submit_time AS first_submit,
       group_id, account_id
  FROM job_rows
 WHERE user_id IS NOT NULL
 ORDER BY user_id, submit_time, id;

CREATE OR REPLACE VIEW users_all AS
SELECT u.name AS name, u.created AS created, u.source AS source,
       COALESCE(u.group_name, g.name) AS group_name,
       u.organization AS organization, u.full_name AS full_name,
       COALESCE(u.account, a.name) AS account
  FROM users u
  LEFT JOIN names n ON n.kind = 0 AND md5(n.name) = md5(u.name)
                   AND n.name = u.name
  LEFT JOIN user_first f ON f.user_id = n.id
  LEFT JOIN names g ON g.id = f.group_id
  LEFT JOIN names a ON a.id = f.account_id
UNION ALL
SELECT n.name, f.first_submit, 'first-job', g.name, NULL, NULL, a.name
  FROM user_first f
  JOIN names n ON n.id = f.user_id
  LEFT JOIN names g ON g.id = f.group_id
  LEFT JOIN names a ON a.id = f.account_id
 WHERE n.name NOT IN (SELECT name FROM users);

INSERT INTO hpcacct_schema (version)
SELECT 1 WHERE NOT EXISTS (SELECT 1 FROM hpcacct_schema);
