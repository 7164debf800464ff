-- portable: PostgreSQL too
-- A job was queued: remember it afresh (job ids are recycled).
INSERT INTO pending_jobs (cluster, job_id, submit_time, started, queue)
VALUES (?1, ?2, ?3, 0, ?4)
ON CONFLICT (cluster, job_id) DO UPDATE SET
    submit_time = excluded.submit_time, started = 0, queue = excluded.queue
