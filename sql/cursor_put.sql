-- Live source ?1 was read up to ?2 (UTC epoch) by ingest run ?3.  The
-- mark only moves forward: reading an old window again (a backfill with
-- --until) does not send the next --since last back to it.
INSERT INTO live_cursors (source, seen_until, ingest_run) VALUES (?1, ?2, ?3)
ON CONFLICT (source) DO UPDATE
   SET seen_until = MAX(seen_until, excluded.seen_until),
       ingest_run = CASE WHEN excluded.seen_until >= seen_until
                         THEN excluded.ingest_run ELSE ingest_run END
