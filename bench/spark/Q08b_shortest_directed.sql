-- MATCH p = shortestPath((a:Actor {name: 'Ilse Marchetti'})-[:ALLIED_WITH|OPPOSES*..6]->(b:Actor {name: 'Tarvek Liberation Front'}))
-- RETURN length(p) AS hops
-- As Q08_shortest_path.sql, along outgoing relationships only.
WITH RECURSIVE
e AS (
  SELECT start_id AS s, end_id AS d FROM ALLIED_WITH
  UNION ALL SELECT start_id, end_id FROM OPPOSES
),
walk(a, node, hops) AS (
  SELECT id, id, 0 FROM Actor WHERE name = 'Ilse Marchetti'
  UNION ALL
  SELECT DISTINCT w.a, e.d, w.hops + 1
  FROM walk w JOIN e ON e.s = w.node
  WHERE w.hops < 6
)
SELECT min(w.hops) AS hops
FROM walk w JOIN Actor b ON b.id = w.node
WHERE b.name = 'Tarvek Liberation Front' AND w.hops >= 1
GROUP BY w.a, b.id
