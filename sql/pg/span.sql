-- PostgreSQL's form of sql/span.sql: the earliest begin and the latest
-- end of the stored runs (NULL, NULL when there are none).
SELECT MIN(COALESCE(start_time, end_time)), MAX(end_time) FROM job_rows
