-- Signups in [?1, ?2) (UTC epoch) per key ?3 (-1 none, 1 group, 2
-- account, 7 organization) and source: users created in the window,
-- users created before its end, and active users: those of the JSON
-- array ?4 (the users with a run of more than 0 s in the window, which
-- the store finds through the rollup).  Keys and sources with none of
-- the three are left out.
WITH people AS (
    SELECT CASE ?3 WHEN 1 THEN group_name WHEN 2 THEN account
                   WHEN 7 THEN organization END AS k,
           source, created,
           name IN (SELECT value FROM json_each(?4)) AS is_active
      FROM users_all
)
SELECT k, source, SUM(created >= ?1 AND created < ?2), SUM(created < ?2),
       SUM(is_active)
  FROM people
 GROUP BY k, source
HAVING SUM(created < ?2) > 0 OR SUM(is_active) > 0
 ORDER BY k IS NULL, k,
          CASE source WHEN 'registry' THEN 0 WHEN 'slurmdbd' THEN 1 ELSE 2 END
