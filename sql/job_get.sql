-- What the rollup takes from the stored incarnation ?1, ?2, ?3, ?4
-- (cluster id, job id, submit time, run number), with its names: read
-- before and after job_update.sql changes it.
SELECT c.name, u.name, g.name, a.name, q.name, o.name,
       j.start_time, j.end_time, j.run_time, j.core_seconds, j.nodes,
       j.gpu_seconds, j.cpu_time
  FROM job_rows j
  JOIN names c ON c.id = j.cluster_id
  LEFT JOIN names u ON u.id = j.user_id
  LEFT JOIN names g ON g.id = j.group_id
  LEFT JOIN names a ON a.id = j.account_id
  LEFT JOIN names q ON q.id = j.queue_id
  LEFT JOIN names o ON o.id = j.qos_id
 WHERE j.cluster_id = ?1 AND j.job_id = ?2 AND j.submit_time = ?3
   AND j.run_number = ?4
