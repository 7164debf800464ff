-- The id of name ?2 of kind ?1 (as in names), no row if it has none.
SELECT id FROM names WHERE kind = ?1 AND name = ?2
