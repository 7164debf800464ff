-- Whether the rollup is there: rollup_meta has its one row (hpcacct
-- builds the rollup again from the jobs when it has none).
SELECT COUNT(*) FROM rollup_meta
