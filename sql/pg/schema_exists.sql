-- Whether this schema holds hpcacct's tables (1 or 0).  pg_tables, not
-- to_regclass(): a name lookup can answer from a cache that has not yet
-- seen the table another writer created while this one waited for the
-- schema lock.
SELECT EXISTS (SELECT 1 FROM pg_catalog.pg_tables
                WHERE schemaname = current_schema()
                  AND tablename = 'hpcacct_schema')::int
