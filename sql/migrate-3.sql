-- Schema version 3: rollups, so that reports over windows aligned to
-- hours read a few aggregate rows instead of every job.
--
-- names: each user, group, account, queue, qos, cluster and state name
-- once, by kind (0 user, 1 group, 2 account, 3 queue, 4 qos, 5 cluster,
-- 6 state); id 0 stands for "no name" (NULL) and has no row.
CREATE TABLE names (
    id            INTEGER PRIMARY KEY,
    kind          INTEGER NOT NULL,
    name          TEXT NOT NULL,
    UNIQUE (kind, name)
);

-- rollup: what the runs of each combination of names did inside each
-- UTC day (level 1), month (2) and year (3) that starts at bucket (UTC
-- epoch).  A run [start, end) adds its overlap with the
-- bucket, its usage pro rata, one to runs_overlap, and one to runs_start
-- in the bucket holding its start; a run of 0 s counts in the bucket
-- holding its end, with no usage.  The runs overlapping a window made of
-- buckets are those overlapping its first bucket plus those starting in
-- the others.  A report reads the whole days of its window here and
-- scans the job rows only for the parts of days at its ends.  hpcacct
-- keeps these rows current as it changes jobs, inside the same
-- transaction (src/store-rollup.c); a bucket with no run has no row.
-- A program that changes the jobs table by hand must empty rollup_meta
-- after: the next hpcacct to open the database builds the rollup again.
CREATE TABLE rollup (
    level         INTEGER NOT NULL,
    bucket        INTEGER NOT NULL,
    cluster_id    INTEGER NOT NULL,
    user_id       INTEGER NOT NULL,
    group_id      INTEGER NOT NULL,
    account_id    INTEGER NOT NULL,
    queue_id      INTEGER NOT NULL,
    qos_id        INTEGER NOT NULL,
    state_id      INTEGER NOT NULL,
    runs_overlap  INTEGER NOT NULL,
    runs_start    INTEGER NOT NULL,
    core_s        REAL NOT NULL,       -- core-seconds
    node_s        REAL NOT NULL,
    gpu_s         REAL NOT NULL,
    wall_s        REAL NOT NULL,       -- the runs' wall seconds
    cpu_s         REAL NOT NULL,       -- CPU seconds, of runs that know it
    cpu_core_s    REAL NOT NULL,       -- core-seconds of those runs
    PRIMARY KEY (level, bucket, cluster_id, user_id, group_id, account_id,
                 queue_id, qos_id, state_id)
) WITHOUT ROWID;

-- The longest run stored (seconds), never less: a run overlapping
-- [a, b) began in [a - max_run, b), which the jobs_begin index finds.
-- One row; none until the rollup is built (see rollup_clear.sql).
CREATE TABLE rollup_meta (max_run INTEGER NOT NULL);

-- multi marks the incarnations of a job that has several (a requeue, a
-- rerun, a recycled PBS id; see job_insert.sql and job_multi.sql): the
-- distinct-job count of a window is its runs less the extra runs of
-- these, which a report counts from jobs_multi alone (it holds every
-- column that takes).
ALTER TABLE jobs ADD COLUMN multi INTEGER NOT NULL DEFAULT 0;
UPDATE jobs SET multi = 1
 WHERE (cluster, job_id) IN (SELECT cluster, job_id FROM jobs
                              GROUP BY cluster, job_id HAVING COUNT(*) > 1);
CREATE INDEX jobs_multi ON jobs (COALESCE(start_time, end_time), run_time,
    start_time, end_time, cluster, job_id, submit_time, source_format,
    user_name, group_name, account, queue, qos, state, multi)
 WHERE multi = 1;

-- A job row's begin: its start, or its end if it never ran.  Every
-- window query selects on it (runs overlapping the window began after
-- its start less the longest run); the index on end times goes.
CREATE INDEX jobs_begin ON jobs (COALESCE(start_time, end_time));
DROP INDEX jobs_end_time;
