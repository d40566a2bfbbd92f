// Queries over the benchmark's graph (scale S) that SparkBenchmarkTests runs on Spark and in
// memory, beyond the benchmark's own: each must give the same rows (in order where it sorts).
// Format: bench/queries.cypher's (`// @query NAME`, the statement, a blank line).

// @query S01_not_exists
MATCH (a:Actor) WHERE NOT EXISTS { MATCH (a)-[:PERPETRATED]->(:Event) } RETURN count(*) AS quiet;

// @query S02_exists_after_with
MATCH (c:Company) WITH c WHERE EXISTS { MATCH (c)-[:OPERATES_IN]->(:Place {kind: 'city'}) } RETURN c.sector AS sector, count(*) AS n ORDER BY n DESC, sector;

// @query S03_optional_without_match
MATCH (p:Place) WHERE p.kind = 'country' OPTIONAL MATCH (p)<-[:OCCURRED_IN]-(e:Event) RETURN p.name AS place, count(e) AS events ORDER BY place;

// @query S04_unwind_and_case
UNWIND [1, 2, 3, null] AS x RETURN x, CASE WHEN x > 1 THEN 'big' ELSE 'small' END AS size, x * 2 AS twice;

// @query S05_union
MATCH (a:Actor {kind: 'state'}) RETURN a.name AS name UNION MATCH (c:Company {sector: 'copper'}) RETURN c.name AS name;

// @query S06_list_comprehension
MATCH (e:Event) WHERE e.deaths > 40 WITH collect(e.deaths) AS ds RETURN size(ds) AS n, [d IN ds WHERE d > 45 | d * 10][0..0] AS none, size([d IN ds WHERE d % 2 = 0]) AS even;

// @query S07_undirected_two_types
MATCH (a:Actor {name: 'Tarvek Liberation Front'})-[:ALLIED_WITH|OPPOSES]-(b:Actor) RETURN b.name AS other ORDER BY other;

// @query S08_varlength_zero
MATCH (p:Place {name: 'Zambara'})<-[:`IN`*0..2]-(q:Place) RETURN count(*) AS within;

// @query S09_distinct_and_skip
MATCH (e:Event) RETURN DISTINCT e.kind AS kind ORDER BY kind SKIP 1 LIMIT 2;

// @query S10_string_functions
MATCH (a:Actor) WHERE a.name STARTS WITH 'T' RETURN toUpper(a.name) AS up, substring(a.name, 2, 3) AS part, size(a.name) AS length ORDER BY up LIMIT 5;

// @query S11_aggregates
MATCH (e:Event {kind: 'attack'}) RETURN min(e.deaths) AS least, max(e.deaths) AS most, avg(e.injured) AS mean, sum(e.deaths) / count(*) AS per;

// @query S12_with_node_through
MATCH (a:Actor)-[:PERPETRATED]->(e:Event) WITH a, count(e) AS attacks WHERE attacks > 100 MATCH (a)-[:ALLIED_WITH]->(b:Actor) RETURN a.name AS actor, attacks, count(b) AS allies ORDER BY actor;

// @query S13_shortest_paths_from_one_actor
MATCH (a:Actor {name: 'Ilse Marchetti'}), (b:Actor) WHERE b.name STARTS WITH 'T'
MATCH p = shortestPath((a)-[:ALLIED_WITH|OPPOSES*..4]-(b))
RETURN b.name AS target, length(p) AS hops ORDER BY target;

// @query S14_labels_and_types
MATCH (a:Actor)-[r]->(e:Event) WHERE e.deaths > 40 RETURN labels(a) AS l, type(r) AS t, count(*) AS n ORDER BY t;

// @query S15_optional_match_first
OPTIONAL MATCH (a:Actor {name: 'nobody at all'}) RETURN a.name AS name;

// @query S16_count_subquery
MATCH (a:Actor) WHERE a.kind = 'state' RETURN a.name AS name, COUNT { MATCH (a)-[:ALLIED_WITH]->() } AS allies ORDER BY allies DESC, name LIMIT 5;

// @query S17_collect_subquery_sorted
MATCH (c:Company {sector: 'copper'}) RETURN c.name AS company, COLLECT { MATCH (c)-[:OPERATES_IN]->(p:Place) RETURN p.name ORDER BY p.name DESC } AS places ORDER BY company LIMIT 5;

// @query S18_exists_in_an_aggregate
MATCH (a:Actor) RETURN a.kind AS kind, count(*) AS n, sum(CASE WHEN EXISTS { MATCH (a)-[:PERPETRATED]->() } THEN 1 ELSE 0 END) AS active ORDER BY kind;

// @query S19_exists_in_an_or
MATCH (e:Event) WHERE e.deaths > 45 OR EXISTS { MATCH (e)-[:TARGETED]->(:Company) } RETURN count(*) AS n;

// @query S20_call_subquery_correlated
MATCH (a:Actor {kind: 'state'}) CALL { WITH a MATCH (a)-[:ALLIED_WITH]->(b) RETURN count(b) AS allies } RETURN a.name AS name, allies ORDER BY allies DESC, name LIMIT 5;

// @query S21_call_subquery_uncorrelated
CALL { MATCH (e:Event) RETURN e.kind AS kind, count(*) AS n } RETURN kind, n ORDER BY kind;

// @query S22_call_subquery_rows
MATCH (c:Company {sector: 'copper'}) CALL { WITH c MATCH (c)-[:OPERATES_IN]->(p:Place) RETURN p.name AS place } RETURN c.name AS company, place ORDER BY company, place LIMIT 8;

// @query S23_db_labels
CALL db.labels() YIELD label RETURN label ORDER BY label;

// @query S24_db_relationship_types
CALL db.relationshipTypes() YIELD relationshipType AS t RETURN t ORDER BY t;

// @query S25_db_property_keys
CALL db.propertyKeys() YIELD propertyKey RETURN propertyKey ORDER BY propertyKey;

// @query S26_dbms_procedures
CALL dbms.procedures() YIELD name WHERE name STARTS WITH 'db.' RETURN name ORDER BY name;

// @query S27_count_subquery_in_where
MATCH (a:Actor) WHERE COUNT { MATCH (a)-[:PERPETRATED]->(:Event {kind: 'attack'}) } >= 3 RETURN count(*) AS prolific;

// @query S28_varlength_beside_a_hop_of_its_file
MATCH (a:Place)-[r:`IN`]-(b:Place)-[:`IN`*1..2]-(c:Place) RETURN count(*) AS n, count(DISTINCT c) AS places;

// @query S29_two_varlength_steps_of_one_file
MATCH (a:Place)-[:`IN`*1..2]->(b:Place)<-[:`IN`*1..2]-(c:Place) WHERE a <> c RETURN count(*) AS n;

// @query S30_varlength_relationships
MATCH (p:Place)-[rs:`IN`*1..3]->(c:Place {name: 'Zambara'}) RETURN size(rs) AS hops, count(*) AS n, min(type(rs[0])) AS t ORDER BY hops;

// @query S31_varlength_over_two_files
MATCH (a:Actor)-[:ALLIED_WITH|OPPOSES*1..2]->(b:Actor) RETURN count(*) AS n, count(DISTINCT b) AS reached;
