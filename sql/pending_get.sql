-- portable: PostgreSQL too
-- A job in flight: when it was queued, whether it started, its queue.
SELECT submit_time, started, queue FROM pending_jobs
 WHERE cluster = ?1 AND job_id = ?2
