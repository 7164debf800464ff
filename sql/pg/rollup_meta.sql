-- The longest run and the longest wait from a submit to a begin of any
-- cluster (sql/pg/migrate-2.sql's rollup_meta): how far back a window's
-- queries look.
SELECT COALESCE(MAX(max_run), 0), COALESCE(MAX(max_delay), 0)
  FROM rollup_meta
