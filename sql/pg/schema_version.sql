-- The schema's version (sql/pg/schema.sql, sql/pg/migrate-N.sql).
SELECT COALESCE(MAX(version), 0) FROM hpcacct_schema
