-- portable: PostgreSQL too
-- Ingest runs, oldest first, with what each read and how many job rows it
-- last wrote that are still stored.
SELECT r.id, r.started_at, r.finished_at, r.input, r.format,
       r.n_read, r.n_new, r.n_updated, r.n_unchanged, r.n_skipped,
       r.n_rejected, r.n_warnings,
       (SELECT COUNT(*) FROM job_rows j WHERE j.ingest_run = r.id)
  FROM ingest_runs r
 ORDER BY r.id
