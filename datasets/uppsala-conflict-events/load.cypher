// Quarry dataset: ucdp-ged-sample
// UCDP Georeferenced Event Dataset (GED 23.1), the South/Central Asia rows (232 events) of the
// 1000-event sample. The CSV is read where it lies, in ../shared/data/ (beside the repository);
// it is never copied into the repository. Schema and example questions: README.md beside this file.
// Each pass reads the file again and finds its events by id (index seek); MERGE de-duplicates
// the nodes that events share (actors, conflicts, dyads, places, sources).

CREATE INDEX FOR (e:Event) ON (e.id);
CREATE INDEX FOR (a:Actor) ON (a.name);
CREATE INDEX FOR (c:Conflict) ON (c.id);
CREATE INDEX FOR (d:Dyad) ON (d.id);
CREATE INDEX FOR (p:Place) ON (p.key);
CREATE INDEX FOR (s:Source) ON (s.name);

// 1. Events.
LOAD CSV WITH HEADERS FROM '../../../shared/data/ucdp-ged-sample/ucdp_ged_sample_south_central_asia.csv' AS row
MERGE (e:Event {id: toInteger(row.id)})
ON CREATE SET
  e.relid = row.relid,
  e.year = toInteger(row.year),
  e.date = date(row.date_start),
  e.date_end = date(row.date_end),
  e.date_prec = toInteger(row.date_prec),
  e.type_of_violence = toInteger(row.type_of_violence),
  e.kind = CASE row.type_of_violence WHEN '1' THEN 'state-based' WHEN '2' THEN 'non-state' WHEN '3' THEN 'one-sided' END,
  e.deaths_a = toInteger(row.deaths_a),
  e.deaths_b = toInteger(row.deaths_b),
  e.deaths_civilians = toInteger(row.deaths_civilians),
  e.deaths_unknown = toInteger(row.deaths_unknown),
  e.best = toInteger(row.best),
  e.high = toInteger(row.high),
  e.low = toInteger(row.low),
  e.where_description = row.where_description,
  e.where_coordinates = row.where_coordinates,
  e.where_prec = toInteger(row.where_prec),
  e.latitude = toFloat(row.latitude),
  e.longitude = toFloat(row.longitude),
  e.source_original = row.source_original;

// 2. Conflicts, dyads and their two sides. An event links to all three; a dyad links to its
// conflict and to its sides once.
LOAD CSV WITH HEADERS FROM '../../../shared/data/ucdp-ged-sample/ucdp_ged_sample_south_central_asia.csv' AS row
MATCH (e:Event {id: toInteger(row.id)})
MERGE (c:Conflict {id: toInteger(row.conflict_new_id)})
  ON CREATE SET c.name = row.conflict_name, c.type_of_violence = toInteger(row.type_of_violence), c.kind = e.kind
MERGE (d:Dyad {id: toInteger(row.dyad_new_id)})
  ON CREATE SET d.name = row.dyad_name
MERGE (a:Actor {name: row.side_a})
  ON CREATE SET a.id = toInteger(row.side_a_new_id)
MERGE (b:Actor {name: row.side_b})
  ON CREATE SET b.id = toInteger(row.side_b_new_id)
MERGE (d)-[:IN_CONFLICT]->(c)
MERGE (d)-[:SIDE_A]->(a)
MERGE (d)-[:SIDE_B]->(b)
CREATE (e)-[:IN_CONFLICT]->(c), (e)-[:IN_DYAD]->(d), (e)-[:SIDE_A]->(a), (e)-[:SIDE_B]->(b);

// 3. Places: country, then adm_1 IN country, then adm_2 IN adm_1. Names are only unique within
// their parent, so `key` is the path of names ('Afghanistan|Kabul province|Kabul district').
LOAD CSV WITH HEADERS FROM '../../../shared/data/ucdp-ged-sample/ucdp_ged_sample_south_central_asia.csv' AS row
MERGE (p:Place {key: row.country})
  ON CREATE SET p.name = row.country, p.level = 'country', p.region = row.region, p.gwno = toInteger(row.country_id);

LOAD CSV WITH HEADERS FROM '../../../shared/data/ucdp-ged-sample/ucdp_ged_sample_south_central_asia.csv' AS row
WITH row WHERE row.adm_1 IS NOT NULL
MATCH (country:Place {key: row.country})
MERGE (p:Place {key: row.country + '|' + row.adm_1})
  ON CREATE SET p.name = row.adm_1, p.level = 'adm_1'
MERGE (p)-[:IN]->(country);

LOAD CSV WITH HEADERS FROM '../../../shared/data/ucdp-ged-sample/ucdp_ged_sample_south_central_asia.csv' AS row
WITH row WHERE row.adm_1 IS NOT NULL AND row.adm_2 IS NOT NULL
MATCH (adm1:Place {key: row.country + '|' + row.adm_1})
MERGE (p:Place {key: row.country + '|' + row.adm_1 + '|' + row.adm_2})
  ON CREATE SET p.name = row.adm_2, p.level = 'adm_2'
MERGE (p)-[:IN]->(adm1);

// The most precise place known for each event.
LOAD CSV WITH HEADERS FROM '../../../shared/data/ucdp-ged-sample/ucdp_ged_sample_south_central_asia.csv' AS row
MATCH (e:Event {id: toInteger(row.id)})
MATCH (p:Place {key: row.country + coalesce('|' + row.adm_1, '') + coalesce('|' + row.adm_2, '')})
CREATE (e)-[:OCCURRED_IN]->(p);

// 4. Sources. source_office, source_date and source_headline are parallel ';'-separated lists
// (one entry per article). One headline contains a ';' itself, so when the counts differ the
// headline is left out rather than misattributed.
LOAD CSV WITH HEADERS FROM '../../../shared/data/ucdp-ged-sample/ucdp_ged_sample_south_central_asia.csv' AS row
WITH row WHERE row.source_office IS NOT NULL
MATCH (e:Event {id: toInteger(row.id)})
WITH e, split(row.source_office, ';') AS offices, split(row.source_date, ';') AS dates,
     split(coalesce(row.source_headline, ''), ';') AS headlines
UNWIND range(0, size(offices) - 1) AS i
MERGE (s:Source {name: trim(offices[i])})
CREATE (e)-[:REPORTED_BY {
  date: date(trim(dates[i])),
  headline: CASE WHEN size(headlines) = size(offices) THEN trim(headlines[i]) END
}]->(s);
