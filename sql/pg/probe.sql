-- What is stored of a batch's jobs (src/store-pg.c), before it is
-- written: $1 to $4 the keys of its jobs as arrays (cluster id, job id,
-- submit time, run number), $5 and $6 the least and greatest submit
-- time, so that only the partitions those can touch are planned.  For
-- each job (its place in the arrays, from 1), every stored incarnation of
-- its job submitted within 31 days of it: whether it is the job's own row
-- (exact), its key and multi, and what the rollup takes from it.  One
-- index lookup per job; an incarnation more than 31 days apart is
-- another job to the distinct-job counts (a job id used again).
SELECT k.ord, x.submit_time = k.submit_time AND x.run_number = k.run_number,
       x.submit_time, x.run_number, x.multi,
       x.user_id, x.group_id, x.account_id, x.queue_id, x.qos_id,
       x.start_time, x.end_time, x.run_time, x.core_seconds, x.nodes,
       x.gpu_seconds, x.cpu_time
  FROM unnest($1::bigint[], $2::text[], $3::bigint[], $4::bigint[])
       WITH ORDINALITY AS k(cluster_id, job_id, submit_time, run_number, ord)
 CROSS JOIN LATERAL (
       SELECT * FROM job_rows x
        WHERE x.cluster_id = k.cluster_id AND x.job_id = k.job_id
          AND x.submit_time >= k.submit_time - 2678400
          AND x.submit_time <= k.submit_time + 2678400
          AND x.submit_time >= $5::bigint - 2678400
          AND x.submit_time <= $6::bigint + 2678400
       OFFSET 0) x
