-- PostgreSQL's form of sql/span.sql: the earliest begin and the latest
-- end of the stored runs (NULL, NULL when there are none), both through
-- jobs_begin (and jobs_long): the latest end belongs to a run that began
-- no earlier than the latest begin less the longest run of up to 31 days
-- ($1, the longest run stored), or to a longer run.
SELECT (SELECT MIN(COALESCE(start_time, end_time)) FROM job_rows),
       (SELECT MAX(e) FROM
         (SELECT MAX(end_time) AS e FROM job_rows
           WHERE COALESCE(start_time, end_time) >=
                 (SELECT MAX(COALESCE(start_time, end_time)) FROM job_rows)
                 - LEAST($1::bigint, 2678400)
             AND run_time <= 2678400
          UNION ALL
          SELECT MAX(end_time) FROM job_rows WHERE run_time > 2678400) AS m)
