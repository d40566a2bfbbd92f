-- MATCH (s:Actor {kind: 'state'})-[:ALLIED_WITH]->(g:Actor {kind: 'militant_group'})
--       -[:PERPETRATED]->(e:Event {kind: 'attack'})-[:TARGETED]->(c:Company)
-- RETURN s.name AS state, count(DISTINCT c) AS companies ORDER BY companies DESC, state LIMIT 10
-- count(DISTINCT c) counts nodes: distinct ids. The three relationship types differ, so no
-- uniqueness predicate is needed. (c:Company) is the Event->Company file of TARGETED.
SELECT s.name AS state, count(DISTINCT t.end_id) AS companies
FROM Actor s
JOIN ALLIED_WITH w ON w.start_id = s.id
JOIN Actor g ON g.id = w.end_id
JOIN PERPETRATED p ON p.start_id = g.id
JOIN Event e ON e.id = p.end_id
JOIN TARGETED__Event_Company t ON t.start_id = e.id
WHERE s.kind = 'state' AND g.kind = 'militant_group' AND e.kind = 'attack'
GROUP BY s.name
ORDER BY companies DESC NULLS FIRST, state ASC NULLS LAST
LIMIT 10
