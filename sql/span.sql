-- The span of the stored runs: the earliest start (or end, for a job that
-- never started) and the latest end; NULLs when there is no job.
SELECT MIN(COALESCE(start_time, end_time)), MAX(end_time) FROM jobs
