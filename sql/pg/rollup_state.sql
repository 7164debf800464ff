-- Whether the rollup is built (sql/pg/rollup_built.sql): 1 or 0.
SELECT COUNT(*) FROM rollup_state
