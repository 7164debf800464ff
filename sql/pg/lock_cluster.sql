-- Wait for the writers of cluster $2 until the transaction ends
-- (src/store-pg-put.c's advisory lock $1, cluster id): writers of one
-- cluster take turns.
SELECT pg_advisory_xact_lock($1::int, $2::int)
