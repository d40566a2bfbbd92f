-- MATCH (g:Actor {name: 'Tarvek Liberation Front'})-[c:CLAIMED]->(e:Event)-[:TARGETED]->(t)
-- RETURN t.name AS target, count(*) AS claimed ORDER BY claimed DESC, target LIMIT 10
-- t has no label: the UNION ALL of the label tables (ids are unique across labels). Cypher
-- groups by the projected t.name, not by t.
WITH nodes AS (
  SELECT id, name FROM Actor
  UNION ALL SELECT id, name FROM Company
  UNION ALL SELECT id, name FROM Event
  UNION ALL SELECT id, name FROM Place
)
SELECT t.name AS target, count(*) AS claimed
FROM Actor g
JOIN CLAIMED c ON c.start_id = g.id
JOIN Event e ON e.id = c.end_id
JOIN TARGETED r ON r.start_id = e.id
JOIN nodes t ON t.id = r.end_id
WHERE g.name = 'Tarvek Liberation Front'
GROUP BY t.name
ORDER BY claimed DESC NULLS FIRST, target ASC NULLS LAST
LIMIT 10
