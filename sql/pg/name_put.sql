-- The id of name $2 of kind $1 (sql/pg/schema.sql's names), inserting it
-- if new.  The store runs this on a connection of its own outside the
-- file's transaction, so that two head nodes meeting the same new user
-- never wait for each other's transaction: a name is only ever added.
WITH ins AS (
    INSERT INTO names (kind, name) VALUES ($1::integer, $2::text)
    ON CONFLICT (kind, md5(name)) DO NOTHING
    RETURNING id
)
SELECT id FROM ins
UNION ALL
SELECT id FROM names
 WHERE kind = $1::integer AND md5(name) = md5($2::text) AND name = $2::text
LIMIT 1
