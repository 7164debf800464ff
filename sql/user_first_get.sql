-- The first submit time stored for user ?1 (an id in names), if any.
SELECT first_submit FROM user_first WHERE user_id = ?1
