-- Job ?2 of cluster ?1 (its id) has several incarnations now: mark them all
-- (see jobs_multi in migrate-3.sql).
UPDATE job_rows SET multi = 1
 WHERE cluster_id = ?1 AND job_id = ?2 AND multi = 0
