-- The least and greatest submit time of the job rows (the rollup is
-- built again a year of them at a time).
SELECT MIN(submit_time), MAX(submit_time) FROM job_rows
