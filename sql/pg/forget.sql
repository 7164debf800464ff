-- PostgreSQL's form of sql/forget.sql in one statement: remove the job
-- rows that input $1 (or, $1 NULL, ingest run $2) wrote last, the
-- Kubernetes facts behind them and the file's mark.  Returns the rows
-- removed and the marks removed.
WITH gone AS (
    SELECT j.id, c.name AS cluster, j.job_id, j.submit_time
      FROM job_rows j JOIN names c ON c.id = j.cluster_id
     WHERE j.source_file_id = (SELECT id FROM names
                                WHERE kind = 8 AND md5(name) = md5($1::text)
                                  AND name = $1::text)
        OR ($1::text IS NULL AND j.ingest_run = $2::bigint)
), k8s AS (
    SELECT k.uid FROM k8s_jobs k JOIN gone g
        ON g.cluster = k.cluster AND g.job_id = k.job_id
       AND g.submit_time = k.submit_time
), pods AS (
    DELETE FROM k8s_pods WHERE job_uid IN (SELECT uid FROM k8s)
), facts AS (
    DELETE FROM k8s_jobs WHERE uid IN (SELECT uid FROM k8s)
), rows AS (
    DELETE FROM job_rows WHERE id IN (SELECT id FROM gone) RETURNING 1
), marks AS (
    DELETE FROM input_files
     WHERE path = $1::text OR ($1::text IS NULL AND last_run = $2::bigint)
    RETURNING 1
)
SELECT (SELECT COUNT(*) FROM rows), (SELECT COUNT(*) FROM marks)
