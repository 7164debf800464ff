-- PostgreSQL's form of sql/users_list.sql: every user, names sorted by
-- their bytes.
SELECT name, created, source, group_name, organization, full_name, account
  FROM users_all
 ORDER BY name COLLATE "C"
