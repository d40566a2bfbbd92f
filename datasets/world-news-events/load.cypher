// Quarry dataset: gdelt-events-sample
// 710 raw GDELT 1.0 event records, read where they lie in ../shared/data/ (beside the
// repository; never copied into it). Schema and example questions: README.md beside this file.
//
// events.csv is TAB-separated, has no header and is ragged: 509 rows (added 2016-07-28) have 58
// fields, 201 rows (added 2013-02) have 57, lacking SOURCEURL. LOAD CSV without headers gives
// each row as a list, so fields are taken by position; row[57] is null on a 57-field row.
// Positions (0-based), from events_column_names.csv:
//   0 globaleventid  1 day (SQLDATE)  3 year  4 fractiondate
//   5-14  actor1: code, name, countrycode, knowngroupcode, ethniccode, religion1code,
//         religion2code, type1code, type2code, type3code
//   15-24 actor2: the same ten fields
//   25 isrootevent  26 eventcode  27 eventbasecode  28 eventrootcode  29 quadclass
//   30 goldsteinscale  31 nummentions  32 numsources  33 numarticles  34 avgtone
//   35-41 actor1geo_*  42-48 actor2geo_*  (not loaded)
//   49 actiongeo_type  50 actiongeo_fullname  51 actiongeo_countrycode (FIPS 10-4)
//   52 actiongeo_adm1code  53 actiongeo_lat  54 actiongeo_long  55 actiongeo_featureid
//   56 dateadded  57 sourceurl (58-field rows only)

CREATE INDEX FOR (e:Event) ON (e.id);
CREATE INDEX FOR (a:Actor) ON (a.code);
CREATE INDEX FOR (p:Place) ON (p.name);
CREATE INDEX FOR (t:EventType) ON (t.code);
CREATE INDEX FOR (s:Source) ON (s.domain);

// The 20 CAMEO root event types (CAMEO codebook; the data has only the codes).
UNWIND [
  ['01', 'Make public statement'], ['02', 'Appeal'], ['03', 'Express intent to cooperate'],
  ['04', 'Consult'], ['05', 'Engage in diplomatic cooperation'], ['06', 'Engage in material cooperation'],
  ['07', 'Provide aid'], ['08', 'Yield'], ['09', 'Investigate'], ['10', 'Demand'],
  ['11', 'Disapprove'], ['12', 'Reject'], ['13', 'Threaten'], ['14', 'Protest'],
  ['15', 'Exhibit force posture'], ['16', 'Reduce relations'], ['17', 'Coerce'], ['18', 'Assault'],
  ['19', 'Fight'], ['20', 'Use unconventional mass violence']
] AS t
MERGE (:EventType {code: t[0], name: t[1]});

// 1. Events.
LOAD CSV FROM '../../../shared/data/gdelt-events-sample/events.csv' AS row FIELDTERMINATOR '\t'
MERGE (e:Event {id: toInteger(row[0])})
ON CREATE SET
  e.date = date(row[1]),
  e.year = toInteger(row[3]),
  e.fraction_date = toFloat(row[4]),
  e.is_root_event = row[25] = '1',
  e.event_code = row[26],
  e.event_base_code = row[27],
  e.event_root_code = row[28],
  e.quad_class = toInteger(row[29]),
  e.quad = CASE row[29] WHEN '1' THEN 'verbal cooperation' WHEN '2' THEN 'material cooperation'
                        WHEN '3' THEN 'verbal conflict' WHEN '4' THEN 'material conflict' END,
  e.goldstein = toFloat(row[30]),
  e.num_mentions = toInteger(row[31]),
  e.num_sources = toInteger(row[32]),
  e.num_articles = toInteger(row[33]),
  e.avg_tone = toFloat(row[34]),
  e.date_added = date(row[56]),
  e.source_url = row[57];

MATCH (e:Event)
MATCH (t:EventType {code: e.event_root_code})
CREATE (e)-[:OF_TYPE]->(t);

// 2. Actors, keyed by their CAMEO code. The name is the text GDELT matched in that event
// ('UNITED STATES', 'TEXAS', 'AMERICAN' are all USA); it is kept on the relationship, and the
// actor collects the distinct names in `names`. The attribute codes follow from the code; one
// record lacks them (TWN), so the first value seen is kept.
LOAD CSV FROM '../../../shared/data/gdelt-events-sample/events.csv' AS row FIELDTERMINATOR '\t'
WITH row WHERE row[5] IS NOT NULL
MATCH (e:Event {id: toInteger(row[0])})
MERGE (a:Actor {code: row[5]})
SET a.names = CASE WHEN row[6] IN coalesce(a.names, []) THEN a.names ELSE coalesce(a.names, []) + row[6] END,
    a.country_code = coalesce(a.country_code, row[7]),
    a.known_group_code = coalesce(a.known_group_code, row[8]),
    a.ethnic_code = coalesce(a.ethnic_code, row[9]),
    a.religion1_code = coalesce(a.religion1_code, row[10]),
    a.religion2_code = coalesce(a.religion2_code, row[11]),
    a.type1_code = coalesce(a.type1_code, row[12]),
    a.type2_code = coalesce(a.type2_code, row[13]),
    a.type3_code = coalesce(a.type3_code, row[14])
CREATE (e)-[:ACTOR1 {name: row[6]}]->(a);

LOAD CSV FROM '../../../shared/data/gdelt-events-sample/events.csv' AS row FIELDTERMINATOR '\t'
WITH row WHERE row[15] IS NOT NULL
MATCH (e:Event {id: toInteger(row[0])})
MERGE (a:Actor {code: row[15]})
SET a.names = CASE WHEN row[16] IN coalesce(a.names, []) THEN a.names ELSE coalesce(a.names, []) + row[16] END,
    a.country_code = coalesce(a.country_code, row[17]),
    a.known_group_code = coalesce(a.known_group_code, row[18]),
    a.ethnic_code = coalesce(a.ethnic_code, row[19]),
    a.religion1_code = coalesce(a.religion1_code, row[20]),
    a.religion2_code = coalesce(a.religion2_code, row[21]),
    a.type1_code = coalesce(a.type1_code, row[22]),
    a.type2_code = coalesce(a.type2_code, row[23]),
    a.type3_code = coalesce(a.type3_code, row[24])
CREATE (e)-[:ACTOR2 {name: row[16]}]->(a);

// 3. The action geography (where the event took place), keyed by its full name. 16 records
// have none. Geo type: 1 country, 2 US state, 3 US city, 4 world city, 5 world state (ADM1).
LOAD CSV FROM '../../../shared/data/gdelt-events-sample/events.csv' AS row FIELDTERMINATOR '\t'
WITH row WHERE row[50] IS NOT NULL
MATCH (e:Event {id: toInteger(row[0])})
MERGE (p:Place {name: row[50]})
ON CREATE SET
  p.country_code = row[51],
  p.adm1_code = row[52],
  p.geo_type = toInteger(row[49]),
  p.kind = CASE row[49] WHEN '1' THEN 'country' WHEN '2' THEN 'US state' WHEN '3' THEN 'US city'
                        WHEN '4' THEN 'world city' WHEN '5' THEN 'world state' END,
  p.latitude = toFloat(row[53]),
  p.longitude = toFloat(row[54])
CREATE (e)-[:OCCURRED_IN]->(p);

// 4. The web site of the source article (58-field records only).
MATCH (e:Event) WHERE e.source_url IS NOT NULL
WITH e, split(e.source_url, '/')[2] AS host
MERGE (s:Source {domain: CASE WHEN host STARTS WITH 'www.' THEN substring(host, 4) ELSE host END})
CREATE (e)-[:REPORTED_BY {url: e.source_url}]->(s);
