-- portable: PostgreSQL too
-- Keep a pod of a Kubernetes Job; a later reading adds what it learned.
INSERT INTO k8s_pods (uid, job_uid, start_time, end_time, node)
VALUES (?1, ?2, ?3, ?4, ?5)
ON CONFLICT (uid) DO UPDATE SET
    start_time = COALESCE(excluded.start_time, k8s_pods.start_time),
    end_time = COALESCE(excluded.end_time, k8s_pods.end_time),
    node = COALESCE(excluded.node, k8s_pods.node)
