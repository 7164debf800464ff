-- Job ?2 of cluster ?1 has several incarnations now: mark them all
-- (see jobs_multi in migrate-3.sql).
UPDATE jobs SET multi = 1 WHERE cluster = ?1 AND job_id = ?2 AND multi = 0
