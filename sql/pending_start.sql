-- portable: PostgreSQL too
-- A job started: mark it, keeping what its queue record told.
INSERT INTO pending_jobs (cluster, job_id, submit_time, started)
VALUES (?1, ?2, ?3, 1)
ON CONFLICT (cluster, job_id) DO UPDATE SET
    started = 1,
    submit_time = COALESCE(excluded.submit_time, pending_jobs.submit_time)
