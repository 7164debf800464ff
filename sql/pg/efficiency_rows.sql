-- PostgreSQL's form of sql/efficiency_rows.sql: the rows of a reading's
-- efficiency part $1, names sorted by their bytes.
SELECT n.name, value->>2, value->>18, value->>7, value->>6, value->>8,
       value->>11, value->>10, value->>12, value->>15, value->>14,
       value->>16
  FROM json_array_elements($1::json) AS e(value)
  LEFT JOIN names n ON n.id = (value->>0)::bigint
 ORDER BY n.name IS NULL, n.name COLLATE "C"
