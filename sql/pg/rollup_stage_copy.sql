-- The rollup's changes into rollup_stage (sql/pg/rollup_stage.sql), as
-- COPY lines.
COPY rollup_stage FROM STDIN
