-- PostgreSQL's form of sql/reading.sql: the job rows of a window
-- [$1, $2) for one reading (struct agg_reading, src/store-agg.h), which
-- the store reads row by row in C: the runs that started before the
-- window's end and ended at or after its start, with the columns of
-- struct agg_row in its order, then the job id.  $3 (1 or 0) whether a
-- run that ended in the window counts (it began at most the longest run,
-- $11, before the window, which jobs_begin finds); $4 to $10 filter as
-- in usage.sql.  Its submit time is before the window's end and at most
-- the longest wait for a begin, $12, before its begin: the partitions
-- read.
SELECT submit_time, start_delay, end_delay,
       user_id, group_id, account_id, queue_id, qos_id,
       cluster_id, alloc_procs, nodes, gpus, core_seconds,
       gpu_seconds, cpu_time, used_mem_kb, req_mem_kb, req_time,
       job_id
  FROM job_rows
 WHERE start_time < $2::bigint
   AND end_time >= $1::bigint
   AND COALESCE(start_time, end_time) < $2::bigint
   AND COALESCE(start_time, end_time) >= $1::bigint -
       CASE WHEN $3::integer = 1 THEN $11::bigint ELSE 0 END
   AND submit_time < $2::bigint
   AND submit_time >= $1::bigint - $12::bigint -
       CASE WHEN $3::integer = 1 THEN $11::bigint ELSE 0 END
   AND ($4::text IS NULL OR user_id IN (SELECT id FROM names WHERE kind = 0
        AND md5(name) IN
            (SELECT md5(v) FROM json_array_elements_text($4::json) AS v)))
   AND ($5::text IS NULL OR group_id IN (SELECT id FROM names WHERE kind = 1
        AND md5(name) IN
            (SELECT md5(v) FROM json_array_elements_text($5::json) AS v)))
   AND ($6::text IS NULL OR account_id IN (SELECT id FROM names WHERE kind = 2
        AND md5(name) IN
            (SELECT md5(v) FROM json_array_elements_text($6::json) AS v)))
   AND ($7::text IS NULL OR queue_id IN (SELECT id FROM names WHERE kind = 3
        AND md5(name) IN
            (SELECT md5(v) FROM json_array_elements_text($7::json) AS v)))
   AND ($8::text IS NULL OR qos_id IN (SELECT id FROM names WHERE kind = 4
        AND md5(name) IN
            (SELECT md5(v) FROM json_array_elements_text($8::json) AS v)))
   AND ($9::text IS NULL OR cluster_id IN (SELECT id FROM names WHERE kind = 5
        AND md5(name) IN
            (SELECT md5(v) FROM json_array_elements_text($9::json) AS v)))
   AND ($10::text IS NULL OR state_id IN (SELECT id FROM names WHERE kind = 6
        AND md5(name) IN
            (SELECT md5(v) FROM json_array_elements_text($10::json) AS v)))
