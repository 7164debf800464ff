-- The id of name ?2 of kind ?1, adding it if new.
INSERT INTO names (kind, name) VALUES (?1, ?2)
ON CONFLICT (kind, name) DO UPDATE SET kind = kind
RETURNING id
