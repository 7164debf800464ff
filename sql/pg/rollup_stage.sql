-- Rollup cells on their way into rollup (src/store-pg-put.c): the changes
-- a transaction made, summed per cell (src/store-cells.c), read in with
-- COPY and added by sql/pg/rollup_put.sql.
CREATE TEMP TABLE IF NOT EXISTS rollup_stage (
    level         integer NOT NULL,
    bucket        bigint NOT NULL,
    cluster_id    bigint NOT NULL,
    user_id       bigint NOT NULL,
    group_id      bigint NOT NULL,
    account_id    bigint NOT NULL,
    queue_id      bigint NOT NULL,
    qos_id        bigint NOT NULL,
    runs_overlap  bigint NOT NULL,
    runs_start    bigint NOT NULL,
    core_s        double precision NOT NULL,
    node_s        double precision NOT NULL,
    gpu_s         double precision NOT NULL,
    wall_s        double precision NOT NULL,
    cpu_s         double precision NOT NULL,
    cpu_core_s    double precision NOT NULL
) ON COMMIT DELETE ROWS
