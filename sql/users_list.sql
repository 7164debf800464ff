-- Every user (users_all): name, created, source, group, organization,
-- full name, account, in name order.
SELECT name, created, source, group_name, organization, full_name, account
  FROM users_all
 ORDER BY name
