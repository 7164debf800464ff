-- Remove what ingest run ?1 stored (the job rows it last wrote, with the
-- Kubernetes facts and pods behind them) and the marks of the files it
-- read.  The jobs statement comes last but one: its change count is the
-- number reported.
DELETE FROM k8s_pods WHERE job_uid IN (
    SELECT k.uid FROM k8s_jobs k JOIN jobs j
        ON j.cluster = k.cluster AND j.job_id = k.job_id
       AND j.submit_time = k.submit_time
     WHERE j.ingest_run = ?1);
DELETE FROM k8s_jobs WHERE uid IN (
    SELECT k.uid FROM k8s_jobs k JOIN jobs j
        ON j.cluster = k.cluster AND j.job_id = k.job_id
       AND j.submit_time = k.submit_time
     WHERE j.ingest_run = ?1);
DELETE FROM jobs WHERE ingest_run = ?1;
DELETE FROM input_files WHERE last_run = ?1;
