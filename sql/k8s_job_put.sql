-- portable: PostgreSQL too
-- Keep what a Kubernetes Job says of itself (newest reading wins).
INSERT INTO k8s_jobs (uid, cluster, job_id, job_name, namespace, user_name,
    queue, submit_time, start_time, end_time, state, swf_status,
    cpu_per_pod, mem_kb_per_pod, gpus_per_pod, parallelism, req_time)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15,
    ?16, ?17)
ON CONFLICT (uid) DO UPDATE SET
    cluster = excluded.cluster, job_id = excluded.job_id,
    job_name = excluded.job_name, namespace = excluded.namespace,
    user_name = excluded.user_name, queue = excluded.queue,
    submit_time = excluded.submit_time, start_time = excluded.start_time,
    end_time = excluded.end_time, state = excluded.state,
    swf_status = excluded.swf_status, cpu_per_pod = excluded.cpu_per_pod,
    mem_kb_per_pod = excluded.mem_kb_per_pod,
    gpus_per_pod = excluded.gpus_per_pod, parallelism = excluded.parallelism,
    req_time = excluded.req_time
