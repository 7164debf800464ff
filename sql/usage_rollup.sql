-- What sql/usage.sql computes (same ?1 to ?10, same columns; ?11 unused:
-- cells have no state, so the store reads usage.sql for a state filter),
-- from the rollup for the whole UTC days of the window and from the job
-- rows for the parts of days at its ends.  ?12 to ?21 are five bucket ranges
-- [lo, hi) of the levels day, month, year, month, day (an unused range is
-- empty), ?22 and ?23 the level and bucket of the window's first bucket
-- (level -1 when the window starts inside a day), ?24 and ?25 the part of
-- a day at the start [lo, hi), ?26 and ?27 the one at the end.  The runs
-- overlapping the window are those overlapping its first piece plus
-- those starting in the others.  Runs longer than 31 days have no cells
-- (sql/migrate-5.sql): they come from the job rows, clipped to the whole
-- window, and the pieces' scans look back no further than 31 days
-- however long the longest run.  Distinct jobs are the runs less the
-- extra runs of jobs with several incarnations overlapping the window
-- (from the few rows marked multi, read from their index alone, and
-- counted per job by multi_extra(), src/store-agg.h).
WITH cells AS (
    SELECT CASE ?3 WHEN 0 THEN user_id WHEN 1 THEN group_id
                   WHEN 2 THEN account_id WHEN 3 THEN queue_id
                   WHEN 4 THEN qos_id WHEN 5 THEN cluster_id END AS k1,
           CASE ?4 WHEN 0 THEN user_id WHEN 1 THEN group_id
                   WHEN 2 THEN account_id WHEN 3 THEN queue_id
                   WHEN 4 THEN qos_id WHEN 5 THEN cluster_id END AS k2,
           SUM(CASE WHEN level = ?22 AND bucket = ?23 THEN runs_overlap
                    ELSE runs_start END) AS runs,
           SUM(core_s) AS core_s, SUM(node_s) AS node_s,
           SUM(gpu_s) AS gpu_s, SUM(wall_s) AS wall_s,
           SUM(cpu_s) AS cpu_s, SUM(cpu_core_s) AS cpu_core_s
      FROM rollup
     WHERE ((level = 1 AND bucket >= ?12 AND bucket < ?13)
         OR (level = 2 AND bucket >= ?14 AND bucket < ?15)
         OR (level = 3 AND bucket >= ?16 AND bucket < ?17)
         OR (level = 2 AND bucket >= ?18 AND bucket < ?19)
         OR (level = 1 AND bucket >= ?20 AND bucket < ?21))
       AND (?5 IS NULL OR user_id IN (SELECT id FROM names WHERE kind = 0
            AND name IN (SELECT value FROM json_each(?5))))
       AND (?6 IS NULL OR group_id IN (SELECT id FROM names WHERE kind = 1
            AND name IN (SELECT value FROM json_each(?6))))
       AND (?7 IS NULL OR account_id IN (SELECT id FROM names
            WHERE kind = 2 AND name IN (SELECT value FROM json_each(?7))))
       AND (?8 IS NULL OR queue_id IN (SELECT id FROM names WHERE kind = 3
            AND name IN (SELECT value FROM json_each(?8))))
       AND (?9 IS NULL OR qos_id IN (SELECT id FROM names WHERE kind = 4
            AND name IN (SELECT value FROM json_each(?9))))
       AND (?10 IS NULL OR cluster_id IN (SELECT id FROM names
            WHERE kind = 5 AND name IN (SELECT value FROM json_each(?10))))
     GROUP BY k1, k2
),
pieces (lo, hi, first) AS (
    SELECT ?24, ?25, 1 UNION ALL SELECT ?26, ?27, 0
),
clipped AS (
    SELECT CASE ?3 WHEN 0 THEN user_id WHEN 1 THEN group_id
                   WHEN 2 THEN account_id WHEN 3 THEN queue_id
                   WHEN 4 THEN qos_id WHEN 5 THEN cluster_id END AS k1,
           CASE ?4 WHEN 0 THEN user_id WHEN 1 THEN group_id
                   WHEN 2 THEN account_id WHEN 3 THEN queue_id
                   WHEN 4 THEN qos_id WHEN 5 THEN cluster_id END AS k2,
           CASE WHEN p.first OR run_time = 0 OR start_time >= p.lo
                THEN 1 ELSE 0 END AS starts,
           run_time, core_seconds, nodes, gpu_seconds, cpu_time,
           (CASE WHEN end_time < p.hi THEN end_time ELSE p.hi END)
           - (CASE WHEN start_time > p.lo THEN start_time ELSE p.lo END)
               AS overlap
      FROM pieces p JOIN job_rows
        ON COALESCE(start_time, end_time) >= p.lo -
               MIN((SELECT max_run FROM rollup_meta), 2678400)
       AND COALESCE(start_time, end_time) < p.hi
     WHERE p.lo < p.hi
       AND ((run_time > 0 AND run_time <= 2678400
             AND start_time < p.hi AND end_time > p.lo)
        OR (run_time = 0 AND end_time >= p.lo AND end_time < p.hi))
       AND (?5 IS NULL OR user_id IN (SELECT id FROM names WHERE kind = 0
            AND name IN (SELECT value FROM json_each(?5))))
       AND (?6 IS NULL OR group_id IN (SELECT id FROM names WHERE kind = 1
            AND name IN (SELECT value FROM json_each(?6))))
       AND (?7 IS NULL OR account_id IN (SELECT id FROM names WHERE kind = 2
            AND name IN (SELECT value FROM json_each(?7))))
       AND (?8 IS NULL OR queue_id IN (SELECT id FROM names WHERE kind = 3
            AND name IN (SELECT value FROM json_each(?8))))
       AND (?9 IS NULL OR qos_id IN (SELECT id FROM names WHERE kind = 4
            AND name IN (SELECT value FROM json_each(?9))))
       AND (?10 IS NULL OR cluster_id IN (SELECT id FROM names WHERE kind = 5
            AND name IN (SELECT value FROM json_each(?10))))
    UNION ALL
    SELECT CASE ?3 WHEN 0 THEN user_id WHEN 1 THEN group_id
                   WHEN 2 THEN account_id WHEN 3 THEN queue_id
                   WHEN 4 THEN qos_id WHEN 5 THEN cluster_id END AS k1,
           CASE ?4 WHEN 0 THEN user_id WHEN 1 THEN group_id
                   WHEN 2 THEN account_id WHEN 3 THEN queue_id
                   WHEN 4 THEN qos_id WHEN 5 THEN cluster_id END AS k2,
           1, run_time, core_seconds, nodes, gpu_seconds, cpu_time,
           (CASE WHEN end_time < ?2 THEN end_time ELSE ?2 END)
           - (CASE WHEN start_time > ?1 THEN start_time ELSE ?1 END)
      FROM job_rows INDEXED BY jobs_long
     WHERE run_time > 2678400
       AND COALESCE(start_time, end_time) < ?2
       AND start_time < ?2 AND end_time > ?1
       AND (?5 IS NULL OR user_id IN (SELECT id FROM names WHERE kind = 0
            AND name IN (SELECT value FROM json_each(?5))))
       AND (?6 IS NULL OR group_id IN (SELECT id FROM names WHERE kind = 1
            AND name IN (SELECT value FROM json_each(?6))))
       AND (?7 IS NULL OR account_id IN (SELECT id FROM names WHERE kind = 2
            AND name IN (SELECT value FROM json_each(?7))))
       AND (?8 IS NULL OR queue_id IN (SELECT id FROM names WHERE kind = 3
            AND name IN (SELECT value FROM json_each(?8))))
       AND (?9 IS NULL OR qos_id IN (SELECT id FROM names WHERE kind = 4
            AND name IN (SELECT value FROM json_each(?9))))
       AND (?10 IS NULL OR cluster_id IN (SELECT id FROM names WHERE kind = 5
            AND name IN (SELECT value FROM json_each(?10))))
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
            SELECT * FROM edges)
     GROUP BY k1, k2
),
extra AS (
    SELECT json_extract(value, '$[0]') AS k1,
           json_extract(value, '$[1]') AS k2,
           json_extract(value, '$[2]') AS n
      FROM json_each((
        SELECT multi_extra(
                   CASE ?3 WHEN 0 THEN user_id WHEN 1 THEN group_id
                           WHEN 2 THEN account_id WHEN 3 THEN queue_id
                           WHEN 4 THEN qos_id WHEN 5 THEN cluster_id END,
                   CASE ?4 WHEN 0 THEN user_id WHEN 1 THEN group_id
                           WHEN 2 THEN account_id WHEN 3 THEN queue_id
                           WHEN 4 THEN qos_id WHEN 5 THEN cluster_id END,
                   cluster_id, job_id,
                   CASE WHEN source_format = 'pbs' THEN submit_time END)
          FROM job_rows INDEXED BY jobs_multi
         WHERE multi = 1
           AND COALESCE(start_time, end_time) >=
               ?1 - (SELECT max_run FROM rollup_meta)
           AND COALESCE(start_time, end_time) < ?2
           AND ((run_time > 0 AND start_time < ?2 AND end_time > ?1)
             OR (run_time = 0 AND end_time >= ?1 AND end_time < ?2))
           AND (?5 IS NULL OR user_id IN (SELECT id FROM names WHERE kind = 0
                AND name IN (SELECT value FROM json_each(?5))))
           AND (?6 IS NULL OR group_id IN (SELECT id FROM names WHERE kind = 1
                AND name IN (SELECT value FROM json_each(?6))))
           AND (?7 IS NULL OR account_id IN (SELECT id FROM names
                WHERE kind = 2 AND name IN (SELECT value FROM json_each(?7))))
           AND (?8 IS NULL OR queue_id IN (SELECT id FROM names WHERE kind = 3
                AND name IN (SELECT value FROM json_each(?8))))
           AND (?9 IS NULL OR qos_id IN (SELECT id FROM names WHERE kind = 4
                AND name IN (SELECT value FROM json_each(?9))))
           AND (?10 IS NULL OR cluster_id IN (SELECT id FROM names
                WHERE kind = 5
                  AND name IN (SELECT value FROM json_each(?10))))))
)
SELECT n1.name, n2.name, t.runs - COALESCE(e.n, 0),
       t.core_s / 3600.0, t.node_s / 3600.0, t.gpu_s / 3600.0, t.runs,
       t.wall_s / 3600.0, 100.0 * t.cpu_s / NULLIF(t.cpu_core_s, 0)
  FROM total t
  LEFT JOIN extra e ON e.k1 IS t.k1 AND e.k2 IS t.k2
  LEFT JOIN names n1 ON n1.id = t.k1
  LEFT JOIN names n2 ON n2.id = t.k2
 WHERE t.runs > 0
 ORDER BY n1.name IS NULL, n1.name, n2.name IS NULL, n2.name
