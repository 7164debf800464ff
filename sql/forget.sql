-- Remove what input file ?1 (or, when ?1 is NULL, ingest run ?2) stored:
-- the job rows it wrote last, the Kubernetes facts and pods behind them,
-- and the marks of the files, so that the next ingest reads them again.
-- The jobs statement comes last but one: its change count is reported.
-- First the rollup gives back what those rows added to it.
SELECT rollup_delta(-1, cluster, user_name, group_name, account, queue, qos,
       start_time, end_time, run_time, core_seconds, nodes, gpu_seconds,
       cpu_time)
  FROM jobs
 WHERE id IN (SELECT id FROM job_rows
               WHERE source_file_id = (SELECT id FROM names
                                        WHERE kind = 8 AND name = ?1)
                  OR (?1 IS NULL AND ingest_run = ?2));
DELETE FROM k8s_pods WHERE job_uid IN (
    SELECT k.uid FROM k8s_jobs k JOIN jobs j
        ON j.cluster = k.cluster AND j.job_id = k.job_id
       AND j.submit_time = k.submit_time
     WHERE j.id IN (SELECT id FROM job_rows
                     WHERE source_file_id = (SELECT id FROM names
                                              WHERE kind = 8 AND name = ?1)
                        OR (?1 IS NULL AND ingest_run = ?2)));
DELETE FROM k8s_jobs WHERE uid IN (
    SELECT k.uid FROM k8s_jobs k JOIN jobs j
        ON j.cluster = k.cluster AND j.job_id = k.job_id
       AND j.submit_time = k.submit_time
     WHERE j.id IN (SELECT id FROM job_rows
                     WHERE source_file_id = (SELECT id FROM names
                                              WHERE kind = 8 AND name = ?1)
                        OR (?1 IS NULL AND ingest_run = ?2)));
DELETE FROM job_rows
 WHERE source_file_id = (SELECT id FROM names WHERE kind = 8 AND name = ?1)
    OR (?1 IS NULL AND ingest_run = ?2);
DELETE FROM input_files
 WHERE path = ?1 OR (?1 IS NULL AND last_run = ?2);
