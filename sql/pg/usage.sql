-- PostgreSQL's form of sql/usage.sql (its scan, over the job rows, which
-- jobs_begin finds: a run overlapping the window began at most the
-- longest run, $12, before it, and was submitted at most the longest
-- wait for a begin, $13, before that: the partitions read):
-- usage per key (and second key) inside the window [$1, $2) (UTC epoch),
-- $3 and $4 the key columns (-1 for none), $5 to $11 the filters as JSON
-- arrays of names (NULL: any).  Names sort as SQLite's do, by their
-- bytes (COLLATE "C").
WITH clipped AS (
    SELECT CASE $3::integer WHEN 0 THEN user_id WHEN 1 THEN group_id
                   WHEN 2 THEN account_id WHEN 3 THEN queue_id
                   WHEN 4 THEN qos_id WHEN 5 THEN cluster_id END AS k1,
           CASE $4::integer WHEN 0 THEN user_id WHEN 1 THEN group_id
                   WHEN 2 THEN account_id WHEN 3 THEN queue_id
                   WHEN 4 THEN qos_id WHEN 5 THEN cluster_id END AS k2,
           cluster_id::text || chr(31) || job_id ||
               CASE WHEN source_format = 'pbs'
                    THEN chr(31) || submit_time::text ELSE '' END AS job,
           run_time, core_seconds, nodes, gpu_seconds, cpu_time,
           LEAST(end_time, $2::bigint) - GREATEST(start_time, $1::bigint)
               AS overlap
      FROM job_rows
     WHERE COALESCE(start_time, end_time) < $2::bigint
       AND COALESCE(start_time, end_time) >= $1::bigint - $12::bigint
       AND submit_time < $2::bigint
       AND submit_time >= $1::bigint - $12::bigint - $13::bigint
       AND ((run_time > 0 AND start_time < $2::bigint AND end_time > $1::bigint)
        OR (run_time = 0 AND end_time >= $1::bigint AND end_time < $2::bigint))
       AND ($5::text IS NULL OR user_id IN (SELECT id FROM names WHERE kind = 0
            AND md5(name) IN
            (SELECT md5(v) FROM json_array_elements_text($5::json) AS v)))
       AND ($6::text IS NULL OR group_id IN (SELECT id FROM names WHERE kind = 1
            AND md5(name) IN
            (SELECT md5(v) FROM json_array_elements_text($6::json) AS v)))
       AND ($7::text IS NULL OR account_id IN (SELECT id FROM names WHERE kind = 2
            AND md5(name) IN
            (SELECT md5(v) FROM json_array_elements_text($7::json) AS v)))
       AND ($8::text IS NULL OR queue_id IN (SELECT id FROM names WHERE kind = 3
            AND md5(name) IN
            (SELECT md5(v) FROM json_array_elements_text($8::json) AS v)))
       AND ($9::text IS NULL OR qos_id IN (SELECT id FROM names WHERE kind = 4
            AND md5(name) IN
            (SELECT md5(v) FROM json_array_elements_text($9::json) AS v)))
       AND ($10::text IS NULL OR cluster_id IN (SELECT id FROM names WHERE kind = 5
            AND md5(name) IN
            (SELECT md5(v) FROM json_array_elements_text($10::json) AS v)))
       AND ($11::text IS NULL OR state_id IN (SELECT id FROM names WHERE kind = 6
            AND md5(name) IN
            (SELECT md5(v) FROM json_array_elements_text($11::json) AS v)))
)
SELECT n1.name, n2.name,
       COUNT(DISTINCT job),
       SUM(CASE WHEN run_time > 0
                THEN COALESCE(core_seconds, 0) * overlap / run_time ELSE 0 END)
           / 3600.0,
       SUM(CASE WHEN run_time > 0
                THEN COALESCE(nodes, 0)::double precision * overlap
                ELSE 0 END) / 3600.0,
       SUM(CASE WHEN run_time > 0
                THEN COALESCE(gpu_seconds, 0) * overlap / run_time ELSE 0 END)
           / 3600.0,
       COUNT(*),
       SUM(CASE WHEN run_time > 0 THEN overlap ELSE 0 END) / 3600.0,
       100.0 * SUM(CASE WHEN run_time > 0 AND cpu_time IS NOT NULL
                        AND core_seconds > 0
                        THEN cpu_time * overlap / run_time END)
           / SUM(CASE WHEN run_time > 0 AND cpu_time IS NOT NULL
                      AND core_seconds > 0
                      THEN core_seconds * overlap / run_time END)
  FROM clipped
  LEFT JOIN names n1 ON n1.id = k1
  LEFT JOIN names n2 ON n2.id = k2
 GROUP BY k1, k2, n1.name, n2.name
 ORDER BY n1.name IS NULL, n1.name COLLATE "C", n2.name IS NULL,
          n2.name COLLATE "C"
