-- PostgreSQL's form of sql/wait_rows.sql: the rows of a reading's wait
-- part $1 (JSON), its key $2 (6 the size bucket label, 7 all, else a
-- name id), names sorted by their bytes.
SELECT k, c1, c2, c3, c4, c5, c6, c7, c8, c9, c10, c11
  FROM (SELECT CASE WHEN $2::integer = 6 THEN value->>0
                    WHEN $2::integer = 7 THEN 'all'
                    ELSE (SELECT name FROM names
                           WHERE id = (value->>0)::bigint) END AS k,
               value->>1 AS c1, value->>2 AS c2, value->>3 AS c3,
               value->>4 AS c4, value->>5 AS c5, value->>6 AS c6,
               value->>7 AS c7, value->>8 AS c8, value->>9 AS c9,
               value->>10 AS c10, value->>11 AS c11
          FROM json_array_elements($1::json) AS e(value)) AS w
 ORDER BY k IS NULL,
          CASE WHEN $2::integer = 6
               THEN split_part(k, '-', 1)::bigint END,
          k COLLATE "C"
