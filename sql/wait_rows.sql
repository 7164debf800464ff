-- The wait rows of a reading (reading.sql's part 0 or 1, ?1) by key ?2
-- (as there): per key the count, mean, exact nearest-rank percentiles
-- 50, 90, 95, 99, max, the mean expansion factor (wait + run) / run over
-- the runs that ran, and the percentiles 25 and 75 and the least wait
-- (wait_groups(), src/store-agg.h), in key order (sizes by size).
SELECT CASE WHEN ?2 = 6 THEN json_extract(value, '$[0]')
            WHEN ?2 = 7 THEN 'all'
            ELSE (SELECT name FROM names
                   WHERE id = json_extract(value, '$[0]')) END AS k,
       json_extract(value, '$[1]'),
       json_extract(value, '$[2]'), json_extract(value, '$[3]'),
       json_extract(value, '$[4]'), json_extract(value, '$[5]'),
       json_extract(value, '$[6]'), json_extract(value, '$[7]'),
       json_extract(value, '$[8]'), json_extract(value, '$[9]'),
       json_extract(value, '$[10]'), json_extract(value, '$[11]')
  FROM json_each(?1)
 ORDER BY k IS NULL, CASE WHEN ?2 = 6 THEN CAST(k AS INTEGER) END, k
