-- portable: PostgreSQL too
-- A job ended: forget it.
DELETE FROM pending_jobs WHERE cluster = ?1 AND job_id = ?2
