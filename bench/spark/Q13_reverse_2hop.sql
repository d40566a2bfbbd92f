-- MATCH (c:Company {name: 'Zambara Copper Mining'})<-[:TARGETED]-(e:Event)<-[:CONDEMNED]-(a:Actor)
-- RETURN a.kind AS kind, count(DISTINCT a) AS actors, count(*) AS condemnations ORDER BY kind
-- CONDEMNED starts at Actors and TARGETED__Event_Company joins Events to Companies (the files'
-- id spaces), so only the tables with properties are joined.
SELECT a.kind AS kind, count(DISTINCT a.id) AS actors, count(*) AS condemnations
FROM Company c
JOIN TARGETED__Event_Company t ON t.end_id = c.id
JOIN CONDEMNED d ON d.end_id = t.start_id
JOIN Actor a ON a.id = d.start_id
WHERE c.name = 'Zambara Copper Mining'
GROUP BY a.kind
ORDER BY kind ASC NULLS LAST
