-- MATCH (a:Actor)-[:PERPETRATED]->(e:Event) WHERE e.kind = 'attack'
-- RETURN a.name AS actor, count(e) AS attacks ORDER BY attacks DESC, actor LIMIT 10
SELECT a.name AS actor, count(e.id) AS attacks
FROM Actor a
JOIN PERPETRATED r ON r.start_id = a.id
JOIN Event e ON e.id = r.end_id
WHERE e.kind = 'attack'
GROUP BY a.name
ORDER BY attacks DESC NULLS FIRST, actor ASC NULLS LAST
LIMIT 10
