-- MATCH (e:Event)
-- WHERE e.kind = 'attack' AND date(e.date) >= date('2020-01-01') AND date(e.date) < date('2020-07-01')
-- RETURN count(*) AS attacks, sum(e.deaths) AS deaths, max(date(e.date)) AS last
-- date(s) -> to_date(s) (ANSI mode, Spark 4's default, rejects a malformed date as Cypher does).
SELECT count(*) AS attacks, coalesce(sum(e.deaths), 0) AS deaths, max(to_date(e.date)) AS last
FROM Event e
WHERE e.kind = 'attack' AND to_date(e.date) >= DATE'2020-01-01' AND to_date(e.date) < DATE'2020-07-01'
