-- Add the cells in rollup_stage to the rollup (sql/rollup_cell.sql, a
-- whole flush in one statement), a partition after the other, in one
-- order, so that two writers of one cluster lock its cells in the same
-- order.
INSERT INTO rollup AS r (level, bucket, cluster_id, user_id, group_id,
    account_id, queue_id, qos_id, runs_overlap, runs_start, core_s,
    node_s, gpu_s, wall_s, cpu_s, cpu_core_s)
SELECT * FROM rollup_stage
 ORDER BY bucket, level, cluster_id, user_id, group_id, account_id,
          queue_id, qos_id
ON CONFLICT (level, bucket, cluster_id, user_id, group_id, account_id,
             queue_id, qos_id) DO UPDATE SET
    runs_overlap = r.runs_overlap + excluded.runs_overlap,
    runs_start = r.runs_start + excluded.runs_start,
    core_s = r.core_s + excluded.core_s,
    node_s = r.node_s + excluded.node_s,
    gpu_s = r.gpu_s + excluded.gpu_s,
    wall_s = r.wall_s + excluded.wall_s,
    cpu_s = r.cpu_s + excluded.cpu_s,
    cpu_core_s = r.cpu_core_s + excluded.cpu_core_s
