-- The span of the stored runs: the earliest start (or end, for a job that
-- never started) and the latest end; NULLs when there is no job.  The
-- latest end belongs to a run that began no earlier than the latest
-- begin less the longest run of up to 31 days (both read through
-- jobs_begin), or to a longer run (jobs_long, sql/migrate-5.sql).
SELECT (SELECT MIN(COALESCE(start_time, end_time)) FROM job_rows),
       (SELECT MAX(e) FROM
         (SELECT MAX(end_time) AS e FROM job_rows
           WHERE COALESCE(start_time, end_time) >=
                 (SELECT MAX(COALESCE(start_time, end_time)) FROM job_rows)
                 - MIN((SELECT max_run FROM rollup_meta), 2678400)
             AND run_time <= 2678400
          UNION ALL
          SELECT MAX(end_time) FROM job_rows INDEXED BY jobs_long
           WHERE run_time > 2678400))
