-- Before the rollup is built again: no cells, and the longest run and
-- wait of each cluster from its rows.
DELETE FROM rollup;
DELETE FROM rollup_meta;
INSERT INTO rollup_meta (cluster_id, max_run, max_delay)
SELECT cluster_id, MAX(run_time),
       GREATEST(MAX(COALESCE(start_delay, end_delay)), 0)
  FROM job_rows GROUP BY cluster_id
