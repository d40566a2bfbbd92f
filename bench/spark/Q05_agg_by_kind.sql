-- MATCH (e:Event) RETURN e.kind AS kind, count(*) AS n, sum(e.deaths) AS deaths ORDER BY n DESC
SELECT e.kind AS kind, count(*) AS n, coalesce(sum(e.deaths), 0) AS deaths
FROM Event e
GROUP BY e.kind
ORDER BY n DESC NULLS FIRST
