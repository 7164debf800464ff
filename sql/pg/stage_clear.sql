-- Empty job_stage after its batch is merged.
TRUNCATE job_stage
