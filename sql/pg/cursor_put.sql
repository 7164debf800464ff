-- PostgreSQL's form of sql/cursor_put.sql: live source $1 was read up
-- to $2 by run $3; the mark only moves forward.
INSERT INTO live_cursors AS c (source, seen_until, ingest_run)
VALUES ($1::text, $2::bigint, $3::bigint)
ON CONFLICT (source) DO UPDATE
   SET seen_until = GREATEST(c.seen_until, excluded.seen_until),
       ingest_run = CASE WHEN excluded.seen_until >= c.seen_until
                         THEN excluded.ingest_run ELSE c.ingest_run END
