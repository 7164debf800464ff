-- The ingest run that stands for run $2 of database $1 (db copy's
-- source), made from its fields ($3 started, $4 finished, $5 input, $6
-- format, $7 to $13 the counts) the first time: copying again finds it.
WITH found AS (
    SELECT run FROM run_origins
     WHERE origin = $1::text AND origin_run = $2::bigint
), made AS (
    INSERT INTO ingest_runs (started_at, finished_at, input, format,
                             n_read, n_new, n_updated, n_unchanged,
                             n_skipped, n_rejected, n_warnings)
    SELECT $3::bigint, $4::bigint, $5::text, $6::text, $7::bigint,
           $8::bigint, $9::bigint, $10::bigint, $11::bigint, $12::bigint,
           $13::bigint
     WHERE NOT EXISTS (SELECT 1 FROM found)
    RETURNING id
), noted AS (
    INSERT INTO run_origins (origin, origin_run, run)
    SELECT $1::text, $2::bigint, id FROM made
)
SELECT run FROM found
UNION ALL
SELECT id FROM made
