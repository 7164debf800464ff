-- Every user's first job again from the job rows (after forget removed
-- some).
DELETE FROM user_first;
INSERT INTO user_first (user_id, first_submit, group_id, account_id)
SELECT user_id, MIN(submit_time), group_id, account_id
  FROM job_rows WHERE user_id IS NOT NULL GROUP BY user_id;
