-- portable: PostgreSQL too
-- How far live source ?1 was read (see live_cursors, migrate-5.sql).
SELECT seen_until FROM live_cursors WHERE source = ?1
