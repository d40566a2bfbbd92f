-- MATCH (e:Event)
-- RETURN date.truncate('month', date(e.date)) AS month, count(*) AS events ORDER BY month
SELECT trunc(to_date(e.date), 'MM') AS month, count(*) AS events
FROM Event e
GROUP BY trunc(to_date(e.date), 'MM')
ORDER BY month ASC NULLS LAST
