-- Remove what input file ?1 stored (the job rows it last wrote, with the
-- Kubernetes facts and pods behind them) and its mark, so that the next
-- ingest reads it again.  The jobs statement comes last but one: its
-- change count is the number reported.
DELETE FROM k8s_pods WHERE job_uid IN (
    SELECT k.uid FROM k8s_jobs k JOIN jobs j
        ON j.cluster = k.cluster AND j.job_id = k.job_id
       AND j.submit_time = k.submit_time
     WHERE j.source_file = ?1);
DELETE FROM k8s_jobs WHERE uid IN (
    SELECT k.uid FROM k8s_jobs k JOIN jobs j
        ON j.cluster = k.cluster AND j.job_id = k.job_id
       AND j.submit_time = k.submit_time
     WHERE j.source_file = ?1);
DELETE FROM jobs WHERE source_file = ?1;
DELETE FROM input_files WHERE path = ?1;
