-- Open an ingest run (sql/run_begin.sql), returning its id.
INSERT INTO ingest_runs (started_at, input, format) VALUES ($1, $2, $3)
RETURNING id
