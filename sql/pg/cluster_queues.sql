-- PostgreSQL's form of sql/cluster_queues.sql: every cluster and queue
-- that ever had a run, names sorted by their bytes.
SELECT c.name, q.name
  FROM (SELECT DISTINCT cluster_id, queue_id FROM job_rows) r
  JOIN names c ON c.id = r.cluster_id
  LEFT JOIN names q ON q.id = r.queue_id
 ORDER BY c.name COLLATE "C", q.name IS NULL, q.name COLLATE "C"
