-- portable: PostgreSQL too
-- Close an ingest run with its counts.
UPDATE ingest_runs
   SET finished_at = ?2, n_read = ?3, n_new = ?4, n_updated = ?5,
       n_unchanged = ?6, n_skipped = ?7, n_rejected = ?8, n_warnings = ?9
 WHERE id = ?1
