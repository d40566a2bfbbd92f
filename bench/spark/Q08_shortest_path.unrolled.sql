-- MATCH p = shortestPath((a:Actor {name: 'Tarvek Liberation Front'})-[:ALLIED_WITH|OPPOSES*..6]-(b:Actor {name: 'Ilse Marchetti'}))
-- RETURN length(p) AS hops
-- Single statement without recursion: the BFS levels unrolled up to 6, level k the DISTINCT
-- neighbours of level k-1 minus levels k-1 and k-2 (undirected: every neighbour of level k-1
-- lies in level k-2, k-1 or k). No early stop; each CTE referenced twice is planned twice.
WITH e AS (
  SELECT start_id AS s, end_id AS d FROM ALLIED_WITH
  UNION ALL SELECT end_id, start_id FROM ALLIED_WITH
  UNION ALL SELECT start_id, end_id FROM OPPOSES
  UNION ALL SELECT end_id, start_id FROM OPPOSES
),
l0 AS (SELECT id AS a, id AS node FROM Actor WHERE name = 'Tarvek Liberation Front'),
l1 AS (
  SELECT x.a, x.node
  FROM (SELECT DISTINCT l.a, e.d AS node FROM l0 l JOIN e ON e.s = l.node) x
  LEFT ANTI JOIN l0 ON l0.a = x.a AND l0.node = x.node
),
l2 AS (
  SELECT x.a, x.node
  FROM (SELECT DISTINCT l.a, e.d AS node FROM l1 l JOIN e ON e.s = l.node) x
  LEFT ANTI JOIN l0 ON l0.a = x.a AND l0.node = x.node
  LEFT ANTI JOIN l1 ON l1.a = x.a AND l1.node = x.node
),
l3 AS (
  SELECT x.a, x.node
  FROM (SELECT DISTINCT l.a, e.d AS node FROM l2 l JOIN e ON e.s = l.node) x
  LEFT ANTI JOIN l1 ON l1.a = x.a AND l1.node = x.node
  LEFT ANTI JOIN l2 ON l2.a = x.a AND l2.node = x.node
),
l4 AS (
  SELECT x.a, x.node
  FROM (SELECT DISTINCT l.a, e.d AS node FROM l3 l JOIN e ON e.s = l.node) x
  LEFT ANTI JOIN l2 ON l2.a = x.a AND l2.node = x.node
  LEFT ANTI JOIN l3 ON l3.a = x.a AND l3.node = x.node
),
l5 AS (
  SELECT x.a, x.node
  FROM (SELECT DISTINCT l.a, e.d AS node FROM l4 l JOIN e ON e.s = l.node) x
  LEFT ANTI JOIN l3 ON l3.a = x.a AND l3.node = x.node
  LEFT ANTI JOIN l4 ON l4.a = x.a AND l4.node = x.node
),
l6 AS (
  SELECT x.a, x.node
  FROM (SELECT DISTINCT l.a, e.d AS node FROM l5 l JOIN e ON e.s = l.node) x
  LEFT ANTI JOIN l4 ON l4.a = x.a AND l4.node = x.node
  LEFT ANTI JOIN l5 ON l5.a = x.a AND l5.node = x.node
),
levels AS (
  SELECT a, node, 1 AS hops FROM l1
  UNION ALL SELECT a, node, 2 AS hops FROM l2
  UNION ALL SELECT a, node, 3 AS hops FROM l3
  UNION ALL SELECT a, node, 4 AS hops FROM l4
  UNION ALL SELECT a, node, 5 AS hops FROM l5
  UNION ALL SELECT a, node, 6 AS hops FROM l6
)
SELECT min(v.hops) AS hops
FROM levels v JOIN Actor b ON b.id = v.node
WHERE b.name = 'Ilse Marchetti'
GROUP BY v.a, b.id
