-- The clusters of the stored jobs, with their number of job rows.
SELECT cluster, COUNT(*) FROM jobs GROUP BY cluster ORDER BY cluster
