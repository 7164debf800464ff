-- Schema version 4: a job row in half the bytes.  A row repeated its
-- cluster, user, group, account, queue, qos, state, the scheduler's own
-- state, job name and the whole path of its source file as text (about
-- 80 of its 190 bytes), and five absolute times where a submit time and
-- small offsets say the same.  The rows move to job_rows, which holds the
-- ids of those names in names (whose kinds 7 raw state, 8 source file and
-- 9 job name join the rollup's) and the times as offsets from the submit
-- time, with the absolute times, the wait and the run time as virtual
-- columns computed from them; jobs becomes a view of job_rows with the
-- names: the same columns, one row per incarnation, as before.

INSERT OR IGNORE INTO names (kind, name)
SELECT 5, cluster FROM jobs
UNION SELECT 0, user_name FROM jobs WHERE user_name IS NOT NULL
UNION SELECT 1, group_name FROM jobs WHERE group_name IS NOT NULL
UNION SELECT 2, account FROM jobs WHERE account IS NOT NULL
UNION SELECT 3, queue FROM jobs WHERE queue IS NOT NULL
UNION SELECT 4, qos FROM jobs WHERE qos IS NOT NULL
UNION SELECT 6, state FROM jobs
UNION SELECT 7, raw_state FROM jobs WHERE raw_state IS NOT NULL
UNION SELECT 8, source_file FROM jobs WHERE source_file IS NOT NULL
UNION SELECT 9, job_name FROM jobs WHERE job_name IS NOT NULL;

-- One row per incarnation of a job, as before (times UTC epoch seconds,
-- memory KB for the whole job, NULL unknown); a *_id column is the id of
-- its name in names (NULL: none known).  Only the offsets are stored:
-- eligible and start from the submit time, the end from the start (from
-- the submit time when it never started); the generated columns give
-- the times as version 3 had them.
CREATE TABLE job_rows (
    id            INTEGER PRIMARY KEY,
    cluster_id    INTEGER NOT NULL,
    job_id        TEXT NOT NULL,        -- as the scheduler printed it
    submit_time   INTEGER NOT NULL,
    run_number    INTEGER NOT NULL DEFAULT 0,
    source_format TEXT NOT NULL,        -- slurm, pbs, k8s
    array_job_id  TEXT,
    array_index   INTEGER,
    eligible_delay INTEGER,             -- eligible - submit
    start_delay   INTEGER,              -- start - submit; NULL: never started
    end_delay     INTEGER NOT NULL,     -- end - (start, else submit)
    alloc_procs   INTEGER,
    req_procs     INTEGER,
    core_seconds  REAL,                 -- exact, fractional for Kubernetes
    cpu_time      REAL,                 -- user + system CPU seconds
    used_mem_kb   INTEGER,              -- peak, whole job
    req_time      INTEGER,              -- wall seconds
    req_mem_kb    INTEGER,              -- whole job
    nodes         INTEGER,
    gpus          INTEGER,
    swf_status    INTEGER NOT NULL,     -- 1 completed, 0 failed, 5 cancelled
    state_id      INTEGER NOT NULL,     -- COMPLETED, TIMEOUT, ...
    raw_state_id  INTEGER,              -- as the scheduler printed it
    exit_code     INTEGER,
    exit_signal   INTEGER,
    user_id       INTEGER,
    uid           INTEGER,
    group_id      INTEGER,
    gid           INTEGER,
    account_id    INTEGER,
    queue_id      INTEGER,              -- Slurm partition, PBS queue
    qos_id        INTEGER,
    job_name_id   INTEGER,
    source_file_id INTEGER,
    source_line   INTEGER,
    ingest_run    INTEGER REFERENCES ingest_runs (id),
    gpu_seconds   REAL,                 -- exact, as core_seconds
    multi         INTEGER NOT NULL DEFAULT 0,
    eligible_time INTEGER GENERATED ALWAYS AS
        (submit_time + eligible_delay) VIRTUAL,
    start_time    INTEGER GENERATED ALWAYS AS
        (submit_time + start_delay) VIRTUAL,
    end_time      INTEGER GENERATED ALWAYS AS
        (submit_time + COALESCE(start_delay, 0) + end_delay) VIRTUAL,
    wait_time     INTEGER GENERATED ALWAYS AS            -- NULL: start < submit
        (CASE WHEN start_delay >= 0 THEN start_delay END) VIRTUAL,
    run_time      INTEGER GENERATED ALWAYS AS            -- 0: never started
        (CASE WHEN start_delay IS NOT NULL AND end_delay > 0
              THEN end_delay ELSE 0 END) VIRTUAL,
    UNIQUE (cluster_id, job_id, submit_time, run_number)
);

INSERT INTO job_rows (id, cluster_id, job_id, submit_time, run_number,
    source_format, array_job_id, array_index, eligible_delay, start_delay,
    end_delay, alloc_procs, req_procs, core_seconds, cpu_time, used_mem_kb,
    req_time, req_mem_kb, nodes, gpus, swf_status, state_id, raw_state_id,
    exit_code, exit_signal, user_id, uid, group_id, gid, account_id,
    queue_id, qos_id, job_name_id, source_file_id, source_line, ingest_run,
    gpu_seconds, multi)
SELECT j.id, (SELECT id FROM names WHERE kind = 5 AND name = j.cluster),
       j.job_id, j.submit_time, j.run_number, j.source_format,
       j.array_job_id, j.array_index, j.eligible_time - j.submit_time,
       j.start_time - j.submit_time,
       j.end_time - COALESCE(j.start_time, j.submit_time), j.alloc_procs,
       j.req_procs, j.core_seconds, j.cpu_time, j.used_mem_kb, j.req_time,
       j.req_mem_kb, j.nodes, j.gpus, j.swf_status,
       (SELECT id FROM names WHERE kind = 6 AND name = j.state),
       (SELECT id FROM names WHERE kind = 7 AND name = j.raw_state),
       j.exit_code, j.exit_signal,
       (SELECT id FROM names WHERE kind = 0 AND name = j.user_name), j.uid,
       (SELECT id FROM names WHERE kind = 1 AND name = j.group_name), j.gid,
       (SELECT id FROM names WHERE kind = 2 AND name = j.account),
       (SELECT id FROM names WHERE kind = 3 AND name = j.queue),
       (SELECT id FROM names WHERE kind = 4 AND name = j.qos),
       (SELECT id FROM names WHERE kind = 9 AND name = j.job_name),
       (SELECT id FROM names WHERE kind = 8 AND name = j.source_file),
       j.source_line, j.ingest_run, j.gpu_seconds, j.multi
  FROM jobs j ORDER BY j.id;

-- The run and wait times are now always what the start and end say (a
-- version 3 row updated without a start could keep an older run time),
-- and a rollup cell is no longer per state (a state filter reads the job
-- rows; per state, cells were five times as many): the rollup is built
-- again when the database opens.
DROP TABLE rollup;
CREATE TABLE rollup (
    level         INTEGER NOT NULL,
    bucket        INTEGER NOT NULL,
    cluster_id    INTEGER NOT NULL,
    user_id       INTEGER NOT NULL,
    group_id      INTEGER NOT NULL,
    account_id    INTEGER NOT NULL,
    queue_id      INTEGER NOT NULL,
    qos_id        INTEGER NOT NULL,
    runs_overlap  INTEGER NOT NULL,
    runs_start    INTEGER NOT NULL,
    core_s        REAL NOT NULL,
    node_s        REAL NOT NULL,
    gpu_s         REAL NOT NULL,
    wall_s        REAL NOT NULL,
    cpu_s         REAL NOT NULL,
    cpu_core_s    REAL NOT NULL,
    PRIMARY KEY (level, bucket, cluster_id, user_id, group_id, account_id,
                 queue_id, qos_id)
) WITHOUT ROWID;
DELETE FROM rollup_meta;

DROP TABLE jobs;

-- As in version 3, on ids.
CREATE INDEX jobs_begin ON job_rows (COALESCE(start_time, end_time));
CREATE INDEX jobs_multi ON job_rows (COALESCE(start_time, end_time), run_time,
    start_time, end_time, cluster_id, job_id, submit_time, source_format,
    user_id, group_id, account_id, queue_id, qos_id, state_id, multi)
 WHERE multi = 1;

-- Every job row with its names, in the columns of version 3 (and id):
-- for people and programs that read the database directly.
CREATE VIEW jobs AS
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
  LEFT JOIN names f ON f.id = j.source_file_id
  LEFT JOIN names n ON n.id = j.job_name_id;

-- The user registry (hpcacct users import): who has an account since
-- when, from a site's CSV or LDIF export (source 'registry').
CREATE TABLE users (
    name          TEXT PRIMARY KEY,
    created       INTEGER NOT NULL,     -- UTC epoch
    source        TEXT NOT NULL,        -- registry
    group_name    TEXT,
    organization  TEXT,
    full_name     TEXT
);

-- Each user's first job (by submit time), kept at ingest: the signup
-- estimate of users in no registry, and their group and account.
CREATE TABLE user_first (
    user_id       INTEGER PRIMARY KEY,  -- in names
    first_submit  INTEGER NOT NULL,
    group_id      INTEGER,
    account_id    INTEGER
);
INSERT INTO user_first (user_id, first_submit, group_id, account_id)
SELECT user_id, MIN(submit_time), group_id, account_id
  FROM job_rows WHERE user_id IS NOT NULL GROUP BY user_id;

-- Every user: those of the registry, then those known only from their
-- jobs, whose signup is their first job's submit time (source
-- 'first-job', an estimate); group from the registry, else the first job.
CREATE VIEW users_all AS
SELECT u.name AS name, u.created AS created, u.source AS source,
       COALESCE(u.group_name, g.name) AS group_name,
       u.organization AS organization, u.full_name AS full_name,
       a.name AS account
  FROM users u
  LEFT JOIN names n ON n.kind = 0 AND n.name = u.name
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
