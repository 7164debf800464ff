-- portable: PostgreSQL too
-- What the pods of a Kubernetes Job add up to: pods that started, the
-- first start, the last end, their summed run time, distinct nodes.
SELECT COUNT(start_time), MIN(start_time), MAX(end_time),
       SUM(CASE WHEN end_time >= start_time
                THEN end_time - start_time ELSE 0 END),
       COUNT(DISTINCT CASE WHEN start_time IS NOT NULL THEN node END)
  FROM k8s_pods
 WHERE job_uid = ?1
