-- PostgreSQL's form of sql/sizes_rows.sql: the rows of a reading's
-- sizes part $1, each bucket by its least size or run time, labelled as
-- stats_size_bucket() and stats_runtime_bucket() label them.
WITH buckets AS (
    SELECT 0 AS dim, value FROM json_array_elements($1::json->0) AS e(value)
    UNION ALL
    SELECT 1, value FROM json_array_elements($1::json->1) AS e(value)
)
SELECT CASE dim WHEN 0 THEN 'size' ELSE 'runtime' END,
       CASE WHEN value->>0 IS NULL THEN NULL
            WHEN dim = 0 THEN
                CASE WHEN (value->>0)::bigint < 1 THEN '0'
                     WHEN (value->>0)::bigint <= 2 THEN value->>0
                     ELSE (value->>0) || '-' ||
                          (2 * ((value->>0)::bigint - 1))::text END
            ELSE CASE (value->>0)::bigint
                      WHEN 0 THEN '<1min' WHEN 60 THEN '1-10min'
                      WHEN 600 THEN '10-60min' WHEN 3600 THEN '1-4h'
                      WHEN 14400 THEN '4-12h' WHEN 43200 THEN '12-24h'
                      ELSE '>24h' END END,
       value->>2, value->>6, value->>8, value->>4, value->>5
  FROM buckets
 ORDER BY dim, value->>0 IS NULL, (value->>0)::bigint
