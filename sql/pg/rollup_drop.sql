-- After sql/pg/rollup_put.sql: remove the cells that lost runs and have
-- none left (sql/rollup_cell_drop.sql).
DELETE FROM rollup r
 USING rollup_stage s
 WHERE s.runs_overlap < 0 AND r.runs_overlap = 0
   AND r.level = s.level AND r.bucket = s.bucket
   AND r.cluster_id = s.cluster_id AND r.user_id = s.user_id
   AND r.group_id = s.group_id AND r.account_id = s.account_id
   AND r.queue_id = s.queue_id AND r.qos_id = s.qos_id
