-- portable: PostgreSQL too
-- Every live source's mark with the ingest run that wrote it (db copy).
SELECT source, seen_until, ingest_run FROM live_cursors ORDER BY source
