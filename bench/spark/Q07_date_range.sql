-- MATCH (e:Event) WHERE e.kind = 'attack' AND e.date >= '2020-01-01' AND e.date < '2020-07-01'
-- RETURN count(*) AS attacks, sum(e.deaths) AS deaths, max(e.date) AS last
SELECT count(*) AS attacks, coalesce(sum(e.deaths), 0) AS deaths, max(e.date) AS last
FROM Event e
WHERE e.kind = 'attack' AND e.date >= '2020-01-01' AND e.date < '2020-07-01'
