-- hpcacct schema, version 1.  Applied to an empty database; later versions
-- add migrate-N.sql steps.  Portable SQL where SQLite offers a choice, so a
-- PostgreSQL backend can share it.

CREATE TABLE ingest_runs (
    id            INTEGER PRIMARY KEY,
    started_at    INTEGER NOT NULL,     -- UTC epoch
    finished_at   INTEGER,
    input         TEXT NOT NULL,        -- path, or "-" for stdin
    format        TEXT NOT NULL,
    n_read        INTEGER NOT NULL DEFAULT 0,
    n_new         INTEGER NOT NULL DEFAULT 0,
    n_updated     INTEGER NOT NULL DEFAULT 0,
    n_unchanged   INTEGER NOT NULL DEFAULT 0,
    n_skipped     INTEGER NOT NULL DEFAULT 0,
    n_rejected    INTEGER NOT NULL DEFAULT 0,
    n_warnings    INTEGER NOT NULL DEFAULT 0
);

-- Input files read, for incremental reading of growing logs.
CREATE TABLE input_files (
    path          TEXT PRIMARY KEY,
    device        INTEGER NOT NULL,
    inode         INTEGER NOT NULL,
    size          INTEGER NOT NULL,
    read_offset   INTEGER NOT NULL,     -- bytes read and committed
    mtime         INTEGER NOT NULL,     -- nanoseconds since the epoch
    format        TEXT NOT NULL,        -- slurm, pbs
    last_run      INTEGER REFERENCES ingest_runs (id)
);

-- One row per incarnation of a job.  Times are UTC epoch seconds, memory
-- is KB for the whole job, NULL is unknown.
CREATE TABLE jobs (
    id            INTEGER PRIMARY KEY,
    cluster       TEXT NOT NULL,
    job_id        TEXT NOT NULL,        -- as the scheduler printed it
    submit_time   INTEGER NOT NULL,
    run_number    INTEGER NOT NULL DEFAULT 0,
    source_format TEXT NOT NULL,        -- slurm, pbs, k8s
    array_job_id  TEXT,
    array_index   INTEGER,
    eligible_time INTEGER,
    start_time    INTEGER,              -- NULL: never started
    end_time      INTEGER NOT NULL,
    wait_time     INTEGER,              -- start - submit
    run_time      INTEGER NOT NULL,     -- end - start, 0 if never started
    alloc_procs   INTEGER,
    req_procs     INTEGER,
    core_seconds  REAL,                 -- exact, fractional for Kubernetes
    cpu_time      REAL,                 -- user + system CPU seconds
    used_mem_kb   INTEGER,              -- peak, whole job
    req_time      INTEGER,              -- wall seconds
    req_mem_kb    INTEGER,              -- whole job
    nodes         INTEGER,
    gpus          INTEGER,
    gpu_seconds   REAL,                 -- exact, as core_seconds
    swf_status    INTEGER NOT NULL,     -- 1 completed, 0 failed, 5 cancelled
    state         TEXT NOT NULL,        -- COMPLETED, TIMEOUT, ...
    raw_state     TEXT,                 -- as the scheduler printed it
    exit_code     INTEGER,
    exit_signal   INTEGER,
    user_name     TEXT,
    uid           INTEGER,
    group_name    TEXT,
    gid           INTEGER,
    account       TEXT,
    queue         TEXT,                 -- Slurm partition, PBS queue
    qos           TEXT,
    job_name      TEXT,
    source_file   TEXT,
    source_line   INTEGER,
    ingest_run    INTEGER REFERENCES ingest_runs (id),
    UNIQUE (cluster, job_id, submit_time, run_number)
);

CREATE INDEX jobs_end_time ON jobs (end_time);

-- What a Kubernetes Job says of itself (per-pod requests, parallelism,
-- its own times and outcome), kept to build its jobs row again when pods
-- arrive later; and what each of its pods ran.
CREATE TABLE k8s_jobs (
    uid           TEXT PRIMARY KEY,
    cluster       TEXT NOT NULL,
    job_id        TEXT NOT NULL,        -- namespace/name
    job_name      TEXT,
    namespace     TEXT,
    user_name     TEXT,
    queue         TEXT,
    submit_time   INTEGER NOT NULL,
    start_time    INTEGER,
    end_time      INTEGER,
    state         TEXT NOT NULL,
    swf_status    INTEGER NOT NULL,
    cpu_per_pod   REAL,                 -- cores
    mem_kb_per_pod REAL,
    gpus_per_pod  REAL,
    parallelism   INTEGER,
    req_time      INTEGER
);

CREATE TABLE k8s_pods (
    uid           TEXT PRIMARY KEY,
    job_uid       TEXT NOT NULL,
    start_time    INTEGER,
    end_time      INTEGER,
    node          TEXT
);

CREATE INDEX k8s_pods_job ON k8s_pods (job_uid);

-- Jobs queued or started but not yet ended, for schedulers whose deletion
-- records lack the job's details (PBS D records need the Q record's time).
CREATE TABLE pending_jobs (
    cluster       TEXT NOT NULL,
    job_id        TEXT NOT NULL,
    submit_time   INTEGER,
    started       INTEGER NOT NULL DEFAULT 0,
    queue         TEXT,
    PRIMARY KEY (cluster, job_id)
);
