-- Open an ingest run for one input file.
INSERT INTO ingest_runs (started_at, input, format) VALUES (?1, ?2, ?3)
