-- The id of name $2 of kind $1 (sql/name_id.sql), no row where none.
SELECT id FROM names
 WHERE kind = $1::integer AND md5(name) = md5($2::text) AND name = $2::text
