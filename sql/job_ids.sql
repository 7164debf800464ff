-- The least and the greatest id of the job rows (the ends of the rowid
-- B-tree; NULL when there are none): read_split() in src/store.c halves
-- a full-scan reading between them.  Two subqueries, since SQLite finds
-- a MIN() or a MAX() at a B-tree's end only when it is the only column.
SELECT (SELECT MIN(id) FROM job_rows), (SELECT MAX(id) FROM job_rows)
