-- portable: PostgreSQL too
-- What a Kubernetes Job said of itself.
SELECT uid, cluster, job_id, job_name, namespace, user_name, queue,
       submit_time, start_time, end_time, state, swf_status, cpu_per_pod,
       mem_kb_per_pod, gpus_per_pod, parallelism, req_time
  FROM k8s_jobs WHERE uid = ?1
