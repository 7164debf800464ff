-- Every cluster and queue (NULL: none) that ever had a run, from the
-- rollup's yearly cells and the long runs, which have none (see
-- sql/migrate-5.sql), in name order.
SELECT c.name, q.name
  FROM (SELECT cluster_id, queue_id FROM rollup WHERE level = 3
        UNION
        SELECT cluster_id, queue_id FROM job_rows INDEXED BY jobs_long
         WHERE run_time > 2678400) r
  JOIN names c ON c.id = r.cluster_id
  LEFT JOIN names q ON q.id = r.queue_id
 ORDER BY c.name, q.name IS NULL, q.name
