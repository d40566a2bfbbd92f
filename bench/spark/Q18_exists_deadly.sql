-- MATCH (a:Actor)
-- WHERE EXISTS { MATCH (a)-[:PERPETRATED]->(e:Event) WHERE e.kind = 'attack' AND e.deaths >= 40 }
-- RETURN count(*) AS actors
SELECT count(*) AS actors
FROM Actor a
WHERE EXISTS (
  SELECT 1
  FROM PERPETRATED r JOIN Event e ON e.id = r.end_id
  WHERE r.start_id = a.id AND e.kind = 'attack' AND e.deaths >= 40
)
