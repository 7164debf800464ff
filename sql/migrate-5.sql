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

-- How far a live source has been read: for ingest --from-slurmdbd,
-- source 'slurmdbd:CLUSTER' and the end of the last window stored
-- (UTC epoch; the latest, never moved back), which --since last resumes
-- from.
CREATE TABLE live_cursors (
    source      TEXT PRIMARY KEY,
    seen_until  INTEGER NOT NULL,
    ingest_run  INTEGER REFERENCES ingest_runs (id)
);

-- A registry entry's account (users import --from-slurmdbd: the user's
-- default account); users_all takes it over the first job's.
ALTER TABLE users ADD COLUMN account TEXT;
DROP VIEW users_all;
CREATE VIEW users_all AS
SELECT u.name AS name, u.created AS created, u.source AS source,
       COALESCE(u.group_name, g.name) AS group_name,
       u.organization AS organization, u.full_name AS full_name,
       COALESCE(u.account, a.name) AS account
  FROM users u
  LEFT JOIN names n ON n.kind = 0 AND n.name = u.name
  LEFT JOIN user_first f ON f.user_id = n.id
  LEFT JOIN names g ON g.id = f.group_id
  LEFT JOIN names a ON a.id = f.account_id
UNION ALL
SELECT n.name, f.first_submit, 'first-job', g.name, NULL, NULL, a.name
  FROM user_first f
  JOIN names n ON n.id = f.user_id
  LEFT JOIN names g ON g.id = f.group_id
  LEFT JOIN names a ON a.id = f.account_id
 WHERE n.name NOT IN (SELECT name FROM users);
