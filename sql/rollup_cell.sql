-- Add a change to one rollup cell (?1 level, ?2 bucket, ?3 to ?8 the
-- name ids).  A cell that lost runs may be empty now: see
-- rollup_cell_drop.sql.
INSERT INTO rollup (level, bucket, cluster_id, user_id, group_id,
    account_id, queue_id, qos_id, runs_overlap, runs_start,
    core_s, node_s, gpu_s, wall_s, cpu_s, cpu_core_s)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15,
        ?16)
ON CONFLICT (level, bucket, cluster_id, user_id, group_id, account_id,
             queue_id, qos_id) DO UPDATE SET
    runs_overlap = runs_overlap + excluded.runs_overlap,
    runs_start = runs_start + excluded.runs_start,
    core_s = core_s + excluded.core_s,
    node_s = node_s + excluded.node_s,
    gpu_s = gpu_s + excluded.gpu_s,
    wall_s = wall_s + excluded.wall_s,
    cpu_s = cpu_s + excluded.cpu_s,
    cpu_core_s = cpu_core_s + excluded.cpu_core_s
