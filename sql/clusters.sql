-- The clusters of the stored jobs, with their number of job rows.
SELECT c.name, COUNT(*)
  FROM job_rows j JOIN names c ON c.id = j.cluster_id
 GROUP BY c.name ORDER BY c.name
