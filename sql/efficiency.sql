-- Efficiency per key of the runs that ran and ended in [?1, ?2) (UTC
-- epoch); ?3 the key (0 user, 1 group, 2 account, 3 queue, 4 qos, 5
-- cluster); ?4 to ?10 filter as in usage.sql.  Each ratio is over the
-- runs whose source records both its quantities: CPU time over allocated
-- core time (core-seconds), peak memory over requested memory (both for
-- the whole job, every node), run time over requested time.
-- stat_groups() (src/store-agg.h) sums per key id: runs, then [6] CPU
-- time, [7] its runs, [8] their core-seconds, [10] peak memory, [11] its
-- runs, [12] their requested memory, [14] run time, [15] its runs, [16]
-- their requested time, [18] every run's core-seconds.
-- A full-scan twin (sql_efficiency_full, NOT INDEXED) serves wide windows
-- (without the lines marked "index only", which serve jobs_begin).
WITH runs AS (
    SELECT CASE ?3 WHEN 0 THEN user_id WHEN 1 THEN group_id
                   WHEN 2 THEN account_id WHEN 3 THEN queue_id
                   WHEN 4 THEN qos_id WHEN 5 THEN cluster_id END AS k,
           CASE WHEN cpu_time IS NOT NULL AND core_seconds > 0
                THEN 1 END AS has_cpu,
           CASE WHEN used_mem_kb IS NOT NULL AND req_mem_kb > 0
                THEN 1 END AS has_mem,
           CASE WHEN req_time > 0 THEN 1 END AS has_time,
           cpu_time, core_seconds, used_mem_kb, req_mem_kb, run_time,
           req_time
      FROM job_rows
     WHERE start_time IS NOT NULL AND end_time >= ?1 AND end_time < ?2
       AND COALESCE(start_time, end_time) >= -- index only
               ?1 - (SELECT max_run FROM rollup_meta) -- index only
       AND COALESCE(start_time, end_time) < ?2 -- index only
       AND (?4 IS NULL OR user_id IN (SELECT id FROM names
            WHERE kind = 0 AND name IN (SELECT value FROM json_each(?4))))
       AND (?5 IS NULL OR group_id IN (SELECT id FROM names
            WHERE kind = 1 AND name IN (SELECT value FROM json_each(?5))))
       AND (?6 IS NULL OR account_id IN (SELECT id FROM names
            WHERE kind = 2 AND name IN (SELECT value FROM json_each(?6))))
       AND (?7 IS NULL OR queue_id IN (SELECT id FROM names
            WHERE kind = 3 AND name IN (SELECT value FROM json_each(?7))))
       AND (?8 IS NULL OR qos_id IN (SELECT id FROM names
            WHERE kind = 4 AND name IN (SELECT value FROM json_each(?8))))
       AND (?9 IS NULL OR cluster_id IN (SELECT id FROM names
            WHERE kind = 5 AND name IN (SELECT value FROM json_each(?9))))
       AND (?10 IS NULL OR state_id IN (SELECT id FROM names
            WHERE kind = 6 AND name IN (SELECT value FROM json_each(?10))))
)
SELECT n.name, json_extract(value, '$[2]'), json_extract(value, '$[18]'),
       json_extract(value, '$[7]'), json_extract(value, '$[6]'),
       json_extract(value, '$[8]'), json_extract(value, '$[11]'),
       json_extract(value, '$[10]'), json_extract(value, '$[12]'),
       json_extract(value, '$[15]'), json_extract(value, '$[14]'),
       json_extract(value, '$[16]')
  FROM json_each((
    SELECT stat_groups(k, NULL, NULL,
                       has_cpu * cpu_time, has_cpu * core_seconds,
                       has_mem * used_mem_kb, has_mem * req_mem_kb,
                       has_time * run_time, has_time * req_time,
                       core_seconds)
      FROM runs))
  LEFT JOIN names n ON n.id = json_extract(value, '$[0]')
 ORDER BY n.name IS NULL, n.name
