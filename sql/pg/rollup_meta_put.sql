-- Raise the longest run and the longest wait before a begin kept per
-- cluster (sql/pg/migrate-2.sql's rollup_meta) to $2 and $3 for the
-- clusters $1 (arrays, one element per cluster).
INSERT INTO rollup_meta AS m (cluster_id, max_run, max_delay)
SELECT * FROM unnest($1::bigint[], $2::bigint[], $3::bigint[])
ON CONFLICT (cluster_id) DO UPDATE SET
    max_run = GREATEST(m.max_run, excluded.max_run),
    max_delay = GREATEST(m.max_delay, excluded.max_delay)
 WHERE excluded.max_run > m.max_run OR excluded.max_delay > m.max_delay
