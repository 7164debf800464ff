-- PostgreSQL's form of sql/forget.sql in one statement: remove the job
-- rows that input $1 (or, $1 NULL, ingest run $2) wrote last, the
-- Kubernetes facts behind them and the file's mark.  Returns a row per
-- job row removed (0, then what the rollup takes from it: cluster,
-- user, group, account, queue and qos ids, start, end, run time, core
-- seconds, nodes, GPU seconds, CPU time), then one of the counts (1,
-- rows, marks).
WITH rows AS (
    DELETE FROM job_rows j
     WHERE j.source_file_id = (SELECT id FROM names
                                WHERE kind = 8 AND md5(name) = md5($1::text)
                                  AND name = $1::text)
        OR ($1::text IS NULL AND j.ingest_run = $2::bigint)
    RETURNING j.cluster_id, j.job_id, j.submit_time, j.user_id, j.group_id,
              j.account_id, j.queue_id, j.qos_id, j.start_time, j.end_time,
              j.run_time, j.core_seconds, j.nodes, j.gpu_seconds, j.cpu_time
), k8s AS (
    SELECT k.uid FROM k8s_jobs k
      JOIN rows g ON g.job_id = k.job_id AND g.submit_time = k.submit_time
      JOIN names c ON c.id = g.cluster_id AND c.name = k.cluster
), pods AS (
    DELETE FROM k8s_pods WHERE job_uid IN (SELECT uid FROM k8s)
), facts AS (
    DELETE FROM k8s_jobs WHERE uid IN (SELECT uid FROM k8s)
), marks AS (
    DELETE FROM input_files
     WHERE path = $1::text OR ($1::text IS NULL AND last_run = $2::bigint)
    RETURNING 1
)
SELECT 0, cluster_id, user_id, group_id, account_id, queue_id, qos_id,
       start_time, end_time, run_time, core_seconds, nodes, gpu_seconds,
       cpu_time
  FROM rows
UNION ALL
SELECT 1, (SELECT COUNT(*) FROM rows), (SELECT COUNT(*) FROM marks),
       NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL
