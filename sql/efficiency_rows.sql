-- The efficiency rows of a reading (reading.sql's part 4, ?1): per key
-- its runs and core-seconds, then each ratio's runs and its two sums (CPU
-- time over core-seconds, peak over requested memory, run over requested
-- time), each over the runs whose source records both its quantities;
-- in key order.
SELECT n.name, json_extract(value, '$[2]'), json_extract(value, '$[18]'),
       json_extract(value, '$[7]'), json_extract(value, '$[6]'),
       json_extract(value, '$[8]'), json_extract(value, '$[11]'),
       json_extract(value, '$[10]'), json_extract(value, '$[12]'),
       json_extract(value, '$[15]'), json_extract(value, '$[14]'),
       json_extract(value, '$[16]')
  FROM json_each(?1)
  LEFT JOIN names n ON n.id = json_extract(value, '$[0]')
 ORDER BY n.name IS NULL, n.name
