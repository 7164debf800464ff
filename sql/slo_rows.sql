-- The service level rows of a reading (reading.sql's part 5, ?1): per
-- target that had runs (by index, 0 first) its runs, how many waited at
-- most its wait, the nearest-rank percentile wait and the longest wait,
-- then one of its longest waits (job id, user, wait; longest first), or
-- NULLs where it has none: a row per longest wait.
SELECT json_extract(t.value, '$[0]'), json_extract(t.value, '$[1]'),
       json_extract(t.value, '$[2]'), json_extract(t.value, '$[3]'),
       json_extract(t.value, '$[4]'),
       json_extract(w.value, '$[0]'),
       (SELECT name FROM names WHERE id = json_extract(w.value, '$[1]')),
       json_extract(w.value, '$[2]')
  FROM json_each(?1) t
  LEFT JOIN json_each(t.value, '$[5]') w
 ORDER BY t.key, w.key
