-- Live source ?1 was read up to ?2 (UTC epoch) by ingest run ?3.
INSERT INTO live_cursors (source, seen_until, ingest_run) VALUES (?1, ?2, ?3)
ON CONFLICT (source) DO UPDATE
   SET seen_until = excluded.seen_until, ingest_run = excluded.ingest_run
