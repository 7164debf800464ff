-- The last job row id, to build the rollup in slices of ids.
SELECT MAX(id) FROM job_rows
