-- MATCH (e:Event)-[:OCCURRED_IN]->(:Place)-[:`IN`*1..3]->(c:Place {name: 'Zambara'})
-- WHERE e.kind = 'attack'
-- RETURN count(e) AS attacks, sum(e.deaths) AS deaths
-- *1..3 is the UNION ALL of the paths of length 1, 2 and 3 (one row per path, as Cypher counts
-- paths); relationship uniqueness makes the IN relationships of one path pairwise distinct.
-- OCCURRED_IN ends at a Place and IN joins Places (the files' id spaces), so the anonymous
-- (:Place) needs no join. sum() of no rows is 0 in Cypher, NULL in SQL.
WITH c AS (
  SELECT id FROM Place WHERE name = 'Zambara'
),
paths AS (
  SELECT r1.start_id AS p, c.id AS c
  FROM c JOIN `IN` r1 ON r1.end_id = c.id
  UNION ALL
  SELECT r1.start_id, c.id
  FROM c JOIN `IN` r2 ON r2.end_id = c.id
         JOIN `IN` r1 ON r1.end_id = r2.start_id
  WHERE r1.rel_id <> r2.rel_id
  UNION ALL
  SELECT r1.start_id, c.id
  FROM c JOIN `IN` r3 ON r3.end_id = c.id
         JOIN `IN` r2 ON r2.end_id = r3.start_id
         JOIN `IN` r1 ON r1.end_id = r2.start_id
  WHERE r1.rel_id <> r2.rel_id AND r1.rel_id <> r3.rel_id AND r2.rel_id <> r3.rel_id
)
SELECT count(e.id) AS attacks, coalesce(sum(e.deaths), 0) AS deaths
FROM paths
JOIN OCCURRED_IN o ON o.end_id = paths.p
JOIN Event e ON e.id = o.start_id
WHERE e.kind = 'attack'
