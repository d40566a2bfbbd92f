-- MATCH (a:Actor {name: 'Tarvek Liberation Front'})-[:PERPETRATED]->(e:Event)
-- WHERE e.kind = 'attack' AND e.deaths >= 10
-- RETURN e.name, e.date, e.deaths ORDER BY e.deaths DESC, e.name LIMIT 20
-- Cypher orders null above every value: DESC puts nulls first, ASC last (Spark's defaults are the
-- other way round for DESC), so each key names its null order.
SELECT e.name, e.date, e.deaths
FROM Actor a
JOIN PERPETRATED r ON r.start_id = a.id
JOIN Event e ON e.id = r.end_id
WHERE a.name = 'Tarvek Liberation Front' AND e.kind = 'attack' AND e.deaths >= 10
ORDER BY e.deaths DESC NULLS FIRST, e.name ASC NULLS LAST
LIMIT 20
