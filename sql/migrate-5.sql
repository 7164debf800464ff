-- Schema version 5: runs longer than 31 days stay out of the rollup.  A
-- run's rollup cells are one per day it touches, so a run of years (a
-- corrupt or hand-made record) cost thousands of rows and made an ingest
-- take minutes; a report adds such long runs from the job rows instead,
-- through this index (src/store-rollup.h, ROLLUP_LONG_RUN, and
-- sql/usage_rollup.sql say the same 2678400 seconds).  The rollup is
-- built again when the database opens.
CREATE INDEX jobs_long ON job_rows (COALESCE(start_time, end_time))
 WHERE run_time > 2678400;
DELETE FROM rollup_meta;
