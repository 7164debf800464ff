-- Remove the rollup cell if no run overlaps it any more.
DELETE FROM rollup
 WHERE level = ?1 AND bucket = ?2 AND cluster_id = ?3 AND user_id = ?4
   AND group_id = ?5 AND account_id = ?6 AND queue_id = ?7 AND qos_id = ?8
   AND runs_overlap = 0
