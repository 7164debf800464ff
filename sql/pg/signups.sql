-- PostgreSQL's form of sql/signups.sql: users per key ($3: 1 group, 2
-- account, 7 organization, else none) and source, for the window
-- [$1, $2); $4 the active users' names as a JSON array.
WITH people AS (
    SELECT CASE $3::integer WHEN 1 THEN group_name WHEN 2 THEN account
                            WHEN 7 THEN organization END AS k,
           source, created,
           name IN (SELECT json_array_elements_text($4::json)) AS is_active
      FROM users_all
)
SELECT k, source,
       COUNT(*) FILTER (WHERE created >= $1::bigint AND created < $2::bigint),
       COUNT(*) FILTER (WHERE created < $2::bigint),
       COUNT(*) FILTER (WHERE is_active)
  FROM people
 GROUP BY k, source
HAVING COUNT(*) FILTER (WHERE created < $2::bigint) > 0
    OR COUNT(*) FILTER (WHERE is_active) > 0
 ORDER BY k IS NULL, k COLLATE "C",
          CASE source WHEN 'registry' THEN 0 WHEN 'slurmdbd' THEN 1 ELSE 2 END
