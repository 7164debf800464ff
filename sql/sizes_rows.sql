-- The size rows of a reading: reading.sql's part 2 (?1: by size, by run
-- time, each as stat_groups() in src/store-agg.h), each bucket labelled, with its runs, core- and
-- GPU-seconds, and the mean and median of run time over requested time
-- (over the runs that requested a time); sizes first, each in order.
WITH buckets AS (
    SELECT 0 AS dim, value FROM json_each(?1, '$[0]')
    UNION ALL
    SELECT 1, value FROM json_each(?1, '$[1]')
)
SELECT CASE dim WHEN 0 THEN 'size' ELSE 'runtime' END,
       CASE dim WHEN 0 THEN size_bucket(json_extract(value, '$[0]'))
                ELSE runtime_bucket(json_extract(value, '$[0]')) END,
       json_extract(value, '$[2]'),
       json_extract(value, '$[6]'), json_extract(value, '$[8]'),
       json_extract(value, '$[4]'), json_extract(value, '$[5]')
  FROM buckets
 ORDER BY dim, json_extract(value, '$[0]') IS NULL,
          json_extract(value, '$[0]')
