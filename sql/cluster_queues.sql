-- Every cluster and queue (NULL: none) that ever had a run, from the
-- rollup's yearly cells, in name order.
SELECT DISTINCT c.name, q.name
  FROM rollup r
  JOIN names c ON c.id = r.cluster_id
  LEFT JOIN names q ON q.id = r.queue_id
 WHERE r.level = 3
 ORDER BY c.name, q.name IS NULL, q.name
