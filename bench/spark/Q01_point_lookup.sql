-- MATCH (a:Actor) WHERE a.name = 'Tarvek Liberation Front' RETURN a.id, a.kind, a.country
SELECT a.id, a.kind, a.country
FROM Actor a
WHERE a.name = 'Tarvek Liberation Front'
