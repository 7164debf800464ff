-- PostgreSQL's form of sql/clusters.sql: the clusters with their job
-- rows, names sorted by their bytes.
SELECT c.name, COUNT(*)
  FROM job_rows j JOIN names c ON c.id = j.cluster_id
 GROUP BY c.name ORDER BY c.name COLLATE "C"
