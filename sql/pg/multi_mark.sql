-- Mark the incarnations $1 to $4 (arrays of cluster id, job id, submit
-- time, run number; submit times within [$5, $6]) as one of several of
-- their job (multi, sql/pg/migrate-2.sql): a batch stored another.
UPDATE job_rows AS j SET multi = 1
  FROM unnest($1::bigint[], $2::text[], $3::bigint[], $4::bigint[])
       AS k(cluster_id, job_id, submit_time, run_number)
 WHERE j.cluster_id = k.cluster_id AND j.job_id = k.job_id
   AND j.submit_time = k.submit_time AND j.run_number = k.run_number
   AND j.submit_time >= $5::bigint AND j.submit_time <= $6::bigint
   AND j.multi = 0
