-- A batch's stored jobs into job_stage (sql/pg/stage.sql), as COPY lines.
COPY job_stage FROM STDIN
