-- The job rows of a window [?1, ?2) (UTC epoch) for one reading of
-- several aggregates at once (struct agg_reading, src/store-agg.h, fed
-- by read_parts() in src/store.c, bound as the pointer ?11): every run
-- that may have started in the window or ran and ended in it (the
-- reading decides which), with the columns the aggregates take, in this
-- order (see COL_* in src/store-agg.c), in one call per row of the
-- aggregate reading_add(): at 1.5M runs SQLite spends most of a reading
-- evaluating expressions (and handing rows over costs more), so the
-- statement computes none it can leave out: the stored times (the
-- virtual columns are expressions too), not start, end, wait and run
-- time, which the reading computes as migrate-4.sql defines them; the
-- runs that started before the window's end and ended at or after its
-- start.  ?3 (1 or 0)
-- whether a run that ended in the window counts (it began at most the
-- longest run before the window, which the jobs_begin index finds); ?4
-- to ?10 filter as in usage.sql, unless ?12 is 1 (no filter: one test
-- per row instead of seven).
-- ?13 and ?14 split the reading between two threads (read_split() in
-- src/store.c): the rows whose begin (jobs_begin's key) is in [?13, ?14),
-- or in the full-scan twin whose id is.
-- A full-scan twin (sql_reading_full, NOT INDEXED) serves wide windows
-- (without the lines marked "index only", which serve jobs_begin, and
-- with those marked "full only", which the indexed one has not).
SELECT reading_add(?11, submit_time, start_delay, end_delay,
                   user_id, group_id, account_id, queue_id, qos_id,
                   cluster_id, alloc_procs, nodes, gpus, core_seconds,
                   gpu_seconds, cpu_time, used_mem_kb, req_mem_kb, req_time,
                   job_id)
  FROM job_rows
 WHERE submit_time + start_delay < ?2
   AND submit_time + start_delay + end_delay >= ?1
   AND (?12 OR (?4 IS NULL OR user_id IN (SELECT id FROM names WHERE kind = 0
        AND name IN (SELECT value FROM json_each(?4))))
   AND (?5 IS NULL OR group_id IN (SELECT id FROM names WHERE kind = 1
        AND name IN (SELECT value FROM json_each(?5))))
   AND (?6 IS NULL OR account_id IN (SELECT id FROM names WHERE kind = 2
        AND name IN (SELECT value FROM json_each(?6))))
   AND (?7 IS NULL OR queue_id IN (SELECT id FROM names WHERE kind = 3
        AND name IN (SELECT value FROM json_each(?7))))
   AND (?8 IS NULL OR qos_id IN (SELECT id FROM names WHERE kind = 4
        AND name IN (SELECT value FROM json_each(?8))))
   AND (?9 IS NULL OR cluster_id IN (SELECT id FROM names WHERE kind = 5
        AND name IN (SELECT value FROM json_each(?9))))
   AND (?10 IS NULL OR state_id IN (SELECT id FROM names WHERE kind = 6
        AND name IN (SELECT value FROM json_each(?10)))))
   AND COALESCE(start_time, end_time) >= ?1 - -- index only
       CASE WHEN ?3 THEN (SELECT max_run FROM rollup_meta) ELSE 0 END -- index only
   AND COALESCE(start_time, end_time) < ?2 -- index only
   AND COALESCE(start_time, end_time) >= ?13 -- index only
   AND COALESCE(start_time, end_time) < ?14 -- index only
   AND id >= ?13 -- full only
   AND id < ?14 -- full only
