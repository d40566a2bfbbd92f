-- MATCH p = shortestPath((a:Actor {name: 'Tarvek Liberation Front'})-[:ALLIED_WITH|OPPOSES*..6]-(b:Actor {name: 'Ilse Marchetti'}))
-- RETURN length(p) AS hops
-- Single statement without recursion, each level referring to the one before once (a CTE
-- referred to twice is inlined twice by Spark, so level sets minus earlier levels grow the plan
-- exponentially and failed at S with "Not enough memory to build and broadcast the table"):
-- r_k(a, node, hops) holds the distance from a of every node within k steps; a step joins the
-- relationships plus a 0-weight self loop per actor (which keeps the nodes already reached) and
-- keeps the least distance per node. No early stop; the 6 levels cover a's whole neighbourhood.
WITH e AS (
  SELECT start_id AS s, end_id AS d, 1 AS w FROM ALLIED_WITH
  UNION ALL SELECT end_id, start_id, 1 FROM ALLIED_WITH
  UNION ALL SELECT start_id, end_id, 1 FROM OPPOSES
  UNION ALL SELECT end_id, start_id, 1 FROM OPPOSES
  UNION ALL SELECT id, id, 0 FROM Actor
),
r0 AS (SELECT id AS a, id AS node, 0 AS hops FROM Actor WHERE name = 'Tarvek Liberation Front'),
r1 AS (SELECT r.a, e.d AS node, min(r.hops + e.w) AS hops FROM r0 r JOIN e ON e.s = r.node GROUP BY r.a, e.d),
r2 AS (SELECT r.a, e.d AS node, min(r.hops + e.w) AS hops FROM r1 r JOIN e ON e.s = r.node GROUP BY r.a, e.d),
r3 AS (SELECT r.a, e.d AS node, min(r.hops + e.w) AS hops FROM r2 r JOIN e ON e.s = r.node GROUP BY r.a, e.d),
r4 AS (SELECT r.a, e.d AS node, min(r.hops + e.w) AS hops FROM r3 r JOIN e ON e.s = r.node GROUP BY r.a, e.d),
r5 AS (SELECT r.a, e.d AS node, min(r.hops + e.w) AS hops FROM r4 r JOIN e ON e.s = r.node GROUP BY r.a, e.d),
r6 AS (SELECT r.a, e.d AS node, min(r.hops + e.w) AS hops FROM r5 r JOIN e ON e.s = r.node GROUP BY r.a, e.d)
SELECT r.hops
FROM r6 r JOIN Actor b ON b.id = r.node
WHERE b.name = 'Ilse Marchetti' AND r.hops >= 1
