-- PostgreSQL's schema version 2: the job rows partitioned per year of
-- their submit time, and the usage rollup kept on the server as SQLite
-- keeps it (sql/migrate-3.sql to migrate-5.sql).  Run by pgstore_open()
-- after sql/pg/schema.sql, inside the transaction that holds the schema's
-- advisory lock; the store then builds the rollup from the job rows
-- (rollup_state is empty).
--
-- job_rows: one partition per year from 2000 to 2049, one for the years
-- before and one for those after, so every time a job can have
-- (1980-2100, src/job.h) has a place.  The unique key holds submit_time,
-- so an upsert reads and writes one partition; a report's window bounds
-- submit_time from above (a run begins after its submit), so it reads
-- none of the years after it.  An old year leaves the live tables with
-- ALTER TABLE job_rows DETACH PARTITION job_rows_2016 (and rollup_2016).
-- No foreign key to ingest_runs: the store writes a row's run in the
-- transaction that opened it, and the key's check cost an eighth of a
-- batch.  multi now marks every incarnation of a job that has several,
-- as on SQLite.  Indexes: the unique key, jobs_begin (every window),
-- jobs_user_first (signups), jobs_multi and jobs_long (partial, few
-- rows); none on submit_time (the partitions are), ingest_run or
-- run_time (the longest run is kept in rollup_meta).

DROP VIEW users_all;
DROP VIEW user_first;
DROP VIEW jobs;
ALTER TABLE job_rows RENAME TO job_rows_1;
DROP INDEX jobs_begin, jobs_submit, jobs_run, jobs_run_time, jobs_user_first;
ALTER TABLE job_rows_1
    DROP CONSTRAINT job_rows_cluster_id_job_id_submit_time_run_number_key;

CREATE TABLE job_rows (
    id            bigint NOT NULL DEFAULT nextval('job_rows_id_seq'),
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
    ingest_run    bigint,
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
) PARTITION BY RANGE (submit_time);
ALTER SEQUENCE job_rows_id_seq OWNED BY job_rows.id;

-- rollup: as SQLite's (sql/migrate-3.sql), per level (1 day, 2 month,
-- 3 year) and bucket (the UTC epoch it starts), in the partition of the
-- bucket's year.  Name ids are 0 for none.
CREATE TABLE rollup (
    level         integer NOT NULL,
    bucket        bigint NOT NULL,
    cluster_id    bigint NOT NULL,
    user_id       bigint NOT NULL,
    group_id      bigint NOT NULL,
    account_id    bigint NOT NULL,
    queue_id      bigint NOT NULL,
    qos_id        bigint NOT NULL,
    runs_overlap  bigint NOT NULL,
    runs_start    bigint NOT NULL,
    core_s        double precision NOT NULL,
    node_s        double precision NOT NULL,
    gpu_s         double precision NOT NULL,
    wall_s        double precision NOT NULL,
    cpu_s         double precision NOT NULL,
    cpu_core_s    double precision NOT NULL,
    PRIMARY KEY (level, bucket, cluster_id, user_id, group_id, account_id,
                 queue_id, qos_id)
) PARTITION BY RANGE (bucket);

DO $$
DECLARE
    y integer;
    lo bigint;
    hi bigint;
BEGIN
    EXECUTE 'CREATE TABLE job_rows_early PARTITION OF job_rows
             FOR VALUES FROM (MINVALUE) TO (946684800)';
    EXECUTE 'CREATE TABLE rollup_early PARTITION OF rollup
             FOR VALUES FROM (MINVALUE) TO (946684800)';
    FOR y IN 2000..2049 LOOP
        lo := extract(epoch FROM make_date(y, 1, 1)::timestamp);
        hi := extract(epoch FROM make_date(y + 1, 1, 1)::timestamp);
        EXECUTE format('CREATE TABLE %I PARTITION OF job_rows
                        FOR VALUES FROM (%s) TO (%s)',
                       'job_rows_' || y, lo, hi);
        EXECUTE format('CREATE TABLE %I PARTITION OF rollup
                        FOR VALUES FROM (%s) TO (%s)',
                       'rollup_' || y, lo, hi);
    END LOOP;
    EXECUTE 'CREATE TABLE job_rows_late PARTITION OF job_rows
             FOR VALUES FROM (2524608000) TO (MAXVALUE)';
    EXECUTE 'CREATE TABLE rollup_late PARTITION OF rollup
             FOR VALUES FROM (2524608000) TO (MAXVALUE)';
END
$$;

INSERT INTO job_rows (
    id, cluster_id, job_id, submit_time, run_number, source_format,
    array_job_id, array_index, eligible_delay, start_delay, end_delay,
    alloc_procs, req_procs, core_seconds, cpu_time, used_mem_kb, req_time,
    req_mem_kb, nodes, gpus, swf_status, state_id, raw_state_id, exit_code,
    exit_signal, user_id, uid, group_id, gid, account_id, queue_id, qos_id,
    job_name_id, source_file_id, source_line, ingest_run, gpu_seconds, multi)
SELECT id, cluster_id, job_id, submit_time, run_number, source_format,
       array_job_id, array_index, eligible_delay, start_delay, end_delay,
       alloc_procs, req_procs, core_seconds, cpu_time, used_mem_kb, req_time,
       req_mem_kb, nodes, gpus, swf_status, state_id, raw_state_id,
       exit_code, exit_signal, user_id, uid, group_id, gid, account_id,
       queue_id, qos_id, job_name_id, source_file_id, source_line,
       ingest_run, gpu_seconds,
       (COUNT(*) OVER (PARTITION BY cluster_id, job_id) > 1)::int
  FROM job_rows_1 ORDER BY id;
DROP TABLE job_rows_1;

CREATE INDEX jobs_begin ON job_rows ((COALESCE(start_time, end_time)));
CREATE INDEX jobs_user_first
    ON job_rows (user_id, submit_time, id) WHERE user_id IS NOT NULL;
CREATE INDEX jobs_multi ON job_rows ((COALESCE(start_time, end_time)))
 WHERE multi = 1;
CREATE INDEX jobs_long ON job_rows ((COALESCE(start_time, end_time)))
 WHERE run_time > 2678400;

-- The longest run stored per cluster (seconds, never less), and the
-- longest time from a submit to a begin (start, or end for a job that
-- never started): a run overlapping [a, b) began in [a - max_run, b) and
-- was submitted after a - max_run - max_delay, which bounds a report's
-- partitions.  A row per cluster, so that head nodes of different
-- clusters never wait for each other.  Filled when the rollup is built
-- (sql/pg/rollup_clear.sql).
CREATE TABLE rollup_meta (
    cluster_id    bigint PRIMARY KEY,
    max_run       bigint NOT NULL,
    max_delay     bigint NOT NULL
);

-- Whether the rollup is built: one row.  A program that changes
-- job_rows by hand must empty this table after: the next hpcacct to
-- open the database builds the rollup again (as SQLite's rollup_meta).
CREATE TABLE rollup_state (built integer NOT NULL);

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
  LEFT JOIN names n ON n.id = j.job_name_id
  LEFT JOIN names f ON f.id = j.source_file_id;

CREATE VIEW user_first AS
SELECT DISTINCT ON (user_id) user_id, submit_time AS first_submit,
       group_id, account_id
  FROM job_rows
 WHERE user_id IS NOT NULL
 ORDER BY user_id, submit_time, id;

CREATE VIEW users_all AS
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

UPDATE hpcacct_schema SET version = 2;
