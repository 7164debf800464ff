-- User ?1 (an id) submitted at ?2 with group ?3 and account ?4 (ids):
-- their first job, unless an earlier one is stored.
INSERT INTO user_first (user_id, first_submit, group_id, account_id)
VALUES (?1, ?2, ?3, ?4)
ON CONFLICT (user_id) DO UPDATE
   SET first_submit = excluded.first_submit, group_id = excluded.group_id,
       account_id = excluded.account_id
 WHERE excluded.first_submit < first_submit
