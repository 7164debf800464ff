-- Empty the rollup, to build it again from the jobs.
DELETE FROM rollup;
DELETE FROM rollup_meta;
INSERT INTO rollup_meta (max_run) VALUES (0);
