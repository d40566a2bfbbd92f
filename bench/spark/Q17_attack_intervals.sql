-- MATCH (a:Actor)-[:PERPETRATED]->(e:Event) WHERE e.kind = 'attack'
-- WITH a, date(e.date) AS d ORDER BY d
-- WITH a, collect(d) AS ds
-- UNWIND range(1, size(ds) - 1) AS i
-- WITH duration.inDays(ds[i - 1], ds[i]).days AS gap
-- RETURN count(*) AS intervals, sum(gap) AS total_days, max(gap) AS longest
-- The ordered collect and the UNWIND over consecutive indexes are lag() over each actor's dates;
-- collect() drops nulls, so null dates are filtered first; an actor with one date has no gap.
WITH d AS (
  SELECT a.id AS a, to_date(e.date) AS d
  FROM Actor a
  JOIN PERPETRATED r ON r.start_id = a.id
  JOIN Event e ON e.id = r.end_id
  WHERE e.kind = 'attack'
),
gaps AS (
  SELECT datediff(d, lag(d) OVER (PARTITION BY a ORDER BY d)) AS gap,
         row_number() OVER (PARTITION BY a ORDER BY d) AS i
  FROM d
  WHERE d IS NOT NULL
)
SELECT count(*) AS intervals, coalesce(sum(gap), 0) AS total_days, max(gap) AS longest
FROM gaps
WHERE i > 1
