-- MATCH p = shortestPath((a:Actor {name: 'Tarvek Liberation Front'})-[:ALLIED_WITH|OPPOSES*..6]-(b:Actor {name: 'Ilse Marchetti'}))
-- RETURN length(p) AS hops
-- One statement: WITH RECURSIVE walks from a, one level per iteration, deduplicated within the
-- level (DISTINCT is allowed in the recursive term; a visited set is not: the recursive
-- reference may not sit under an anti join or an aggregate). The length of a shortest path is
-- the fewest steps of a walk reaching b (a shortest walk repeats no relationship). No early stop:
-- all 6 levels run. The recursive term may be a single query block, so the undirected union of
-- both types is a CTE of its own. The client-driven version is Q08_shortest_path.py.
WITH RECURSIVE
e AS (
  SELECT start_id AS s, end_id AS d FROM ALLIED_WITH
  UNION ALL SELECT end_id, start_id FROM ALLIED_WITH
  UNION ALL SELECT start_id, end_id FROM OPPOSES
  UNION ALL SELECT end_id, start_id FROM OPPOSES
),
walk(a, node, hops) AS (
  SELECT id, id, 0 FROM Actor WHERE name = 'Tarvek Liberation Front'
  UNION ALL
  SELECT DISTINCT w.a, e.d, w.hops + 1
  FROM walk w JOIN e ON e.s = w.node
  WHERE w.hops < 6
)
SELECT min(w.hops) AS hops
FROM walk w JOIN Actor b ON b.id = w.node
WHERE b.name = 'Ilse Marchetti' AND w.hops >= 1
GROUP BY w.a, b.id
