-- Each connection's settings (src/store-pg.c): times and numbers as
-- text the same way on every server; no JIT (compiling a plan over
-- fifty partitions takes seconds) and no parallel workers (starting
-- them takes longer than a report's short reads).
SET TIME ZONE 'UTC';
SET extra_float_digits = 3;
SET jit = off;
SET max_parallel_workers_per_gather = 0
