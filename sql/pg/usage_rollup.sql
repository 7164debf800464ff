-- PostgreSQL's form of sql/usage_rollup.sql: the same $1 to $27 ($11
-- unused), $28 the longest run stored and $29 the longest time from a
-- submit to a begin (sql/pg/migrate-2.sql's rollup_meta), which bound
-- the submit times, and so the partitions, each part reads (the cells'
-- buckets lie between the parts of days at the ends, $25 and $26).  The whole
-- UTC days, months and years of the window come from rollup; the parts
-- of days at its ends and the runs over 31 days from the job rows; the
-- extra runs of jobs with several incarnations (multi) are counted here
-- in SQL (SQLite's multi_extra()).  Names sort by their bytes.
WITH cells AS (
    SELECT CASE $3::integer WHEN 0 THEN user_id WHEN 1 THEN group_id
                   WHEN 2 THEN account_id WHEN 3 THEN queue_id
                   WHEN 4 THEN qos_id WHEN 5 THEN cluster_id END AS k1,
           CASE $4::integer WHEN 0 THEN user_id WHEN 1 THEN group_id
                   WHEN 2 THEN account_id WHEN 3 THEN queue_id
                   WHEN 4 THEN qos_id WHEN 5 THEN cluster_id END AS k2,
           SUM(CASE WHEN level = $22::integer AND bucket = $23::bigint
                    THEN runs_overlap ELSE runs_start END) AS runs,
           SUM(core_s) AS core_s, SUM(node_s) AS node_s,
           SUM(gpu_s) AS gpu_s, SUM(wall_s) AS wall_s,
           SUM(cpu_s) AS cpu_s, SUM(cpu_core_s) AS cpu_core_s
      FROM rollup
     WHERE ((level = 1 AND bucket >= $12::bigint AND bucket < $13::bigint)
         OR (level = 2 AND bucket >= $14::bigint AND bucket < $15::bigint)
         OR (level = 3 AND bucket >= $16::bigint AND bucket < $17::bigint)
         OR (level = 2 AND bucket >= $18::bigint AND bucket < $19::bigint)
         OR (level = 1 AND bucket >= $20::bigint AND bucket < $21::bigint))
       AND bucket >= $25::bigint AND bucket < $26::bigint
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
     GROUP BY 1, 2
),
runs AS (
    -- the runs of the part of a day at the start, at the end, and those
    -- over 31 days (which have no cells) clipped to the whole window
    SELECT j.*, $24::bigint AS lo, $25::bigint AS hi, 1 AS first
      FROM job_rows j
     WHERE $24::bigint < $25::bigint
       AND COALESCE(start_time, end_time) >=
           $24::bigint - LEAST($28::bigint, 2678400)
       AND COALESCE(start_time, end_time) < $25::bigint
       AND submit_time < $25::bigint
       AND submit_time >= $24::bigint - LEAST($28::bigint, 2678400)
                         - $29::bigint
       AND ((run_time > 0 AND run_time <= 2678400
             AND start_time < $25::bigint AND end_time > $24::bigint)
        OR (run_time = 0 AND end_time >= $24::bigint
            AND end_time < $25::bigint))
    UNION ALL
    SELECT j.*, $26::bigint, $27::bigint, 0
      FROM job_rows j
     WHERE $26::bigint < $27::bigint
       AND COALESCE(start_time, end_time) >=
           $26::bigint - LEAST($28::bigint, 2678400)
       AND COALESCE(start_time, end_time) < $27::bigint
       AND submit_time < $27::bigint
       AND submit_time >= $26::bigint - LEAST($28::bigint, 2678400)
                         - $29::bigint
       AND ((run_time > 0 AND run_time <= 2678400
             AND start_time < $27::bigint AND end_time > $26::bigint)
        OR (run_time = 0 AND end_time >= $26::bigint
            AND end_time < $27::bigint))
    UNION ALL
    SELECT j.*, $1::bigint, $2::bigint, 1
      FROM job_rows j
     WHERE $28::bigint > 2678400	-- there are runs that long
       AND run_time > 2678400
       AND COALESCE(start_time, end_time) < $2::bigint
       AND submit_time < $2::bigint
       AND submit_time >= $1::bigint - $28::bigint - $29::bigint
       AND start_time < $2::bigint AND end_time > $1::bigint
),
clipped AS (
    SELECT CASE $3::integer WHEN 0 THEN user_id WHEN 1 THEN group_id
                   WHEN 2 THEN account_id WHEN 3 THEN queue_id
                   WHEN 4 THEN qos_id WHEN 5 THEN cluster_id END AS k1,
           CASE $4::integer WHEN 0 THEN user_id WHEN 1 THEN group_id
                   WHEN 2 THEN account_id WHEN 3 THEN queue_id
                   WHEN 4 THEN qos_id WHEN 5 THEN cluster_id END AS k2,
           CASE WHEN first = 1 OR run_time = 0 OR start_time >= lo
                THEN 1 ELSE 0 END AS starts,
           run_time, core_seconds, nodes, gpu_seconds, cpu_time,
           LEAST(end_time, hi) - GREATEST(start_time, lo) AS overlap
      FROM runs
     WHERE ($5::text IS NULL OR user_id IN (SELECT id FROM names WHERE kind = 0
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
),
edges AS (
    SELECT k1, k2, SUM(starts) AS runs,
           SUM(CASE WHEN run_time > 0
                    THEN COALESCE(core_seconds, 0) * overlap / run_time
                    ELSE 0 END) AS core_s,
           SUM(CASE WHEN run_time > 0
                    THEN COALESCE(nodes, 0) * overlap ELSE 0 END) AS node_s,
           SUM(CASE WHEN run_time > 0
                    THEN COALESCE(gpu_seconds, 0) * overlap / run_time
                    ELSE 0 END) AS gpu_s,
           SUM(CASE WHEN run_time > 0 THEN overlap ELSE 0 END) AS wall_s,
           SUM(CASE WHEN run_time > 0 AND cpu_time IS NOT NULL
                    AND core_seconds > 0
                    THEN cpu_time * overlap / run_time ELSE 0 END) AS cpu_s,
           SUM(CASE WHEN run_time > 0 AND cpu_time IS NOT NULL
                    AND core_seconds > 0
                    THEN core_seconds * overlap / run_time ELSE 0 END)
               AS cpu_core_s
      FROM clipped
     GROUP BY k1, k2
),
total AS (
    SELECT k1, k2, SUM(runs) AS runs, SUM(core_s) AS core_s,
           SUM(node_s) AS node_s, SUM(gpu_s) AS gpu_s, SUM(wall_s) AS wall_s,
           SUM(cpu_s) AS cpu_s, SUM(cpu_core_s) AS cpu_core_s
      FROM (SELECT NULLIF(k1, 0) AS k1, NULLIF(k2, 0) AS k2, runs, core_s,
                   node_s, gpu_s, wall_s, cpu_s, cpu_core_s
              FROM cells
            UNION ALL
            SELECT * FROM edges) AS parts
     GROUP BY k1, k2
),
extra AS (
    SELECT k1, k2, SUM(n - 1) AS n
      FROM (SELECT CASE $3::integer WHEN 0 THEN user_id WHEN 1 THEN group_id
                           WHEN 2 THEN account_id WHEN 3 THEN queue_id
                           WHEN 4 THEN qos_id WHEN 5 THEN cluster_id END AS k1,
                   CASE $4::integer WHEN 0 THEN user_id WHEN 1 THEN group_id
                           WHEN 2 THEN account_id WHEN 3 THEN queue_id
                           WHEN 4 THEN qos_id WHEN 5 THEN cluster_id END AS k2,
                   COUNT(*) AS n
              FROM job_rows
             WHERE multi = 1
               AND COALESCE(start_time, end_time) >= $1::bigint - $28::bigint
               AND COALESCE(start_time, end_time) < $2::bigint
               AND submit_time < $2::bigint
               AND submit_time >= $1::bigint - $28::bigint - $29::bigint
               AND ((run_time > 0 AND start_time < $2::bigint
                     AND end_time > $1::bigint)
                 OR (run_time = 0 AND end_time >= $1::bigint
                     AND end_time < $2::bigint))
               AND ($5::text IS NULL OR user_id IN (SELECT id FROM names
                    WHERE kind = 0 AND md5(name) IN
                    (SELECT md5(v) FROM json_array_elements_text($5::json) AS v)))
               AND ($6::text IS NULL OR group_id IN (SELECT id FROM names
                    WHERE kind = 1 AND md5(name) IN
                    (SELECT md5(v) FROM json_array_elements_text($6::json) AS v)))
               AND ($7::text IS NULL OR account_id IN (SELECT id FROM names
                    WHERE kind = 2 AND md5(name) IN
                    (SELECT md5(v) FROM json_array_elements_text($7::json) AS v)))
               AND ($8::text IS NULL OR queue_id IN (SELECT id FROM names
                    WHERE kind = 3 AND md5(name) IN
                    (SELECT md5(v) FROM json_array_elements_text($8::json) AS v)))
               AND ($9::text IS NULL OR qos_id IN (SELECT id FROM names
                    WHERE kind = 4 AND md5(name) IN
                    (SELECT md5(v) FROM json_array_elements_text($9::json) AS v)))
               AND ($10::text IS NULL OR cluster_id IN (SELECT id FROM names
                    WHERE kind = 5 AND md5(name) IN
                    (SELECT md5(v) FROM json_array_elements_text($10::json) AS v)))
             GROUP BY 1, 2, cluster_id, job_id,
                      CASE WHEN source_format = 'pbs' THEN submit_time END)
           AS per_job
     WHERE n > 1
     GROUP BY k1, k2
)
SELECT n1.name, n2.name, t.runs - COALESCE(e.n, 0),
       t.core_s / 3600.0, t.node_s / 3600.0, t.gpu_s / 3600.0, t.runs,
       t.wall_s / 3600.0, 100.0 * t.cpu_s / NULLIF(t.cpu_core_s, 0)
  FROM total t
  LEFT JOIN extra e ON e.k1 IS NOT DISTINCT FROM t.k1
                   AND e.k2 IS NOT DISTINCT FROM t.k2
  LEFT JOIN names n1 ON n1.id = t.k1
  LEFT JOIN names n2 ON n2.id = t.k2
 WHERE t.runs > 0
   AND ($11::text IS NULL OR true)	-- the states: the caller scans for them
 ORDER BY n1.name IS NULL, n1.name COLLATE "C", n2.name IS NULL,
          n2.name COLLATE "C"
