-- MATCH (c:Company) WHERE c.sector = 'copper'
-- OPTIONAL MATCH (e:Event)-[:TARGETED]->(c) WHERE e.kind = 'attack'
-- RETURN c.name AS company, count(e) AS attacks ORDER BY attacks DESC, company LIMIT 10
-- OPTIONAL MATCH ... WHERE: a LEFT JOIN whose ON holds the pattern and its predicate; count(e)
-- skips the nulls of companies without attacks.
SELECT c.name AS company, count(m.e) AS attacks
FROM Company c
LEFT JOIN (
  SELECT r.end_id AS c, e.id AS e
  FROM TARGETED r JOIN Event e ON e.id = r.start_id
  WHERE e.kind = 'attack'
) m ON m.c = c.id
WHERE c.sector = 'copper'
GROUP BY c.name
ORDER BY attacks DESC NULLS FIRST, company ASC NULLS LAST
LIMIT 10
