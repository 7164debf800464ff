-- The span of the stored runs: the earliest start (or end, for a job that
-- never started) and the latest end; NULLs when there is no job.  The
-- latest end belongs to a run that began no earlier than the latest
-- begin less the longest run (both read through jobs_begin).
SELECT (SELECT MIN(COALESCE(start_time, end_time)) FROM job_rows),
       (SELECT MAX(end_time) FROM job_rows
         WHERE COALESCE(start_time, end_time) >=
               (SELECT MAX(COALESCE(start_time, end_time)) FROM job_rows)
               - (SELECT max_run FROM rollup_meta))
