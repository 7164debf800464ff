-- PostgreSQL's form of sql/slo_rows.sql: each target's service level of
-- a reading's part $1, then its longest waits, in order.
SELECT t.value->>0, t.value->>1, t.value->>2, t.value->>3, t.value->>4,
       w.value->>0,
       (SELECT name FROM names WHERE id = (w.value->>1)::bigint),
       w.value->>2
  FROM json_array_elements($1::json) WITH ORDINALITY AS t(value, key)
  LEFT JOIN LATERAL json_array_elements(t.value->5)
       WITH ORDINALITY AS w(value, key) ON true
 ORDER BY t.key, w.key
