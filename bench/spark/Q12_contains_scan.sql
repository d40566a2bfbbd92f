-- MATCH (e:Event) WHERE e.name CONTAINS 'sabotage' RETURN count(*) AS n
-- (case-sensitive in both: Spark's default collation is UTF8_BINARY)
SELECT count(*) AS n
FROM Event e
WHERE contains(e.name, 'sabotage')
