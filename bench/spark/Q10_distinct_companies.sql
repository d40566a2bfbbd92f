-- MATCH (e:Event)-[:OCCURRED_IN]->(p:Place)<-[:OPERATES_IN]-(c:Company)
-- WHERE e.kind = 'attack' AND e.date >= '2024-01-01'
-- RETURN DISTINCT c.name AS company, c.sector AS sector ORDER BY company
SELECT DISTINCT c.name AS company, c.sector AS sector
FROM Event e
JOIN OCCURRED_IN o ON o.start_id = e.id
JOIN OPERATES_IN w ON w.end_id = o.end_id
JOIN Company c ON c.id = w.start_id
WHERE e.kind = 'attack' AND e.date >= '2024-01-01'
ORDER BY company ASC NULLS LAST
