-- portable: PostgreSQL too
-- Registry entry of user ?1: created ?2 (UTC epoch), source ?3, group
-- ?4, organization ?5, full name ?6, account ?7; read again, it replaces
-- the entry.
INSERT INTO users (name, created, source, group_name, organization,
                   full_name, account)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
ON CONFLICT (name) DO UPDATE
   SET created = excluded.created, source = excluded.source,
       group_name = excluded.group_name,
       organization = excluded.organization, full_name = excluded.full_name,
       account = excluded.account
