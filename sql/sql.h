/*
 * The SQL of hpcacct, embedded at build time from the .sql files in sql/ (see
 * sql/embed.sh).  Only the store module uses these.
 */
#ifndef HPCACCT_SQL_H
#define HPCACCT_SQL_H

extern const char sql_schema[];
extern const char sql_migrate_3[];
extern const char sql_migrate_4[];
extern const char sql_migrate_5[];
extern const char sql_job_insert[];
extern const char sql_job_get[];
extern const char sql_job_multi[];
extern const char sql_rollup_backfill[];
extern const char sql_rollup_last_id[];
extern const char sql_rollup_cell[];
extern const char sql_rollup_cell_drop[];
extern const char sql_rollup_name[];
extern const char sql_rollup_clear[];
extern const char sql_rollup_state[];
extern const char sql_rollup_max_run[];
extern const char sql_usage_rollup[];
extern const char sql_job_update[];
extern const char sql_run_begin[];
extern const char sql_run_finish[];
extern const char sql_file_get[];
extern const char sql_file_put[];
extern const char sql_pending_get[];
extern const char sql_pending_queue[];
extern const char sql_pending_start[];
extern const char sql_pending_drop[];
extern const char sql_k8s_job_put[];
extern const char sql_k8s_job_get[];
extern const char sql_k8s_pod_put[];
extern const char sql_k8s_pods_summary[];
extern const char sql_usage[];
extern const char sql_jobs[];
extern const char sql_files[];
extern const char sql_cursors[];
extern const char sql_migrate_2[];
extern const char sql_forget[];
extern const char sql_runs[];
extern const char sql_clusters[];
extern const char sql_span[];
extern const char sql_reading[];
extern const char sql_job_ids[];
extern const char sql_name_id[];
extern const char sql_wait_rows[];
extern const char sql_sizes_rows[];
extern const char sql_cluster_queues[];
extern const char sql_efficiency_rows[];
extern const char sql_slo_rows[];
/* The full-scan twins of the window queries (see sql/embed.sh). */
extern const char sql_reading_full[];
extern const char sql_signups[];
extern const char sql_users_put[];
extern const char sql_cursor_get[];
extern const char sql_cursor_put[];
extern const char sql_users_list[];
extern const char sql_user_first_get[];
extern const char sql_user_first_put[];
extern const char sql_user_first_rebuild[];

/* PostgreSQL's forms (sql/pg/, and the portable files above). */
extern const char sql_pg_schema[];
extern const char sql_pg_stage[];
extern const char sql_pg_stage_update[];
extern const char sql_pg_probe[];
extern const char sql_pg_multi_mark[];
extern const char sql_pg_copy_rows[];
extern const char sql_pg_migrate_2[];
extern const char sql_pg_rollup_stage[];
extern const char sql_pg_rollup_put[];
extern const char sql_pg_rollup_drop[];
extern const char sql_pg_rollup_meta_put[];
extern const char sql_pg_rollup_rows[];
extern const char sql_pg_rollup_clear[];
extern const char sql_pg_lock_clusters[];
extern const char sql_pg_lock_cluster[];
extern const char sql_pg_submit_span[];
extern const char sql_pg_rollup_meta[];
extern const char sql_pg_rollup_built[];
extern const char sql_pg_usage_rollup[];
extern const char sql_pg_name_put[];
extern const char sql_pg_run_begin[];
extern const char sql_pg_run_finish[];
extern const char sql_pg_runs[];
extern const char sql_pg_file_get[];
extern const char sql_pg_file_put[];
extern const char sql_pg_usage[];
extern const char sql_pg_jobs[];
extern const char sql_pg_span[];
extern const char sql_pg_clusters[];
extern const char sql_pg_reading[];
extern const char sql_pg_run_import[];
extern const char sql_pg_files[];
extern const char sql_pg_cursors[];
extern const char sql_pg_users_put[];
extern const char sql_pg_users_list[];
extern const char sql_pg_signups[];
extern const char sql_pg_cluster_queues[];
extern const char sql_pg_cursor_get[];
extern const char sql_pg_cursor_put[];
extern const char sql_pg_forget[];
extern const char sql_pg_name_find[];
extern const char sql_pg_wait_rows[];
extern const char sql_pg_sizes_rows[];
extern const char sql_pg_efficiency_rows[];
extern const char sql_pg_slo_rows[];
extern const char sql_pg_pending_get[];
extern const char sql_pg_pending_queue[];
extern const char sql_pg_pending_start[];
extern const char sql_pg_pending_drop[];
extern const char sql_pg_k8s_job_put[];
extern const char sql_pg_k8s_job_get[];
extern const char sql_pg_k8s_pod_put[];
extern const char sql_pg_k8s_pods_summary[];

#endif
