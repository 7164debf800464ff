-- Wait for the writers of every cluster (src/store-pg-put.c's advisory
-- lock $1, cluster id), in cluster order, until the transaction ends:
-- before a change that may touch any cluster's rows (forget).
SELECT COUNT(pg_advisory_xact_lock($1::int, id::int))
  FROM (SELECT id FROM names WHERE kind = 5 ORDER BY id) c
