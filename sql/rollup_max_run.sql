-- Raise the longest run stored to ?1 seconds if it is longer.
UPDATE rollup_meta SET max_run = ?1 WHERE max_run < ?1
