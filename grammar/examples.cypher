// statement — the simplest read query: MATCH then RETURN
MATCH (a:Actor) RETURN a.name
;
// match_clause — node with a property map and an outgoing typed relationship
MATCH (g:Actor {name: 'ISIS-K'})-[:CLAIMED]->(e:Event) RETURN e.name
;
// match_clause — OPTIONAL MATCH keeps rows without a match (null-filled)
MATCH (a:Actor) OPTIONAL MATCH (a)-[:MEMBER_OF]->(o:Organization) RETURN a.name, o.name
;
// where — filtering a MATCH
MATCH (e:Event) WHERE e.fatalities > 10 RETURN e.name, e.fatalities
;
// where — WHERE on OPTIONAL MATCH restricts only the optional part
MATCH (a:Actor) OPTIONAL MATCH (a)-[c:CLAIMED]->(e:Event) WHERE e.year >= 2020 RETURN a.name, count(e) AS recentClaims
;
// unwind_clause — turning a list into rows
UNWIND ['Kabul', 'Herat', 'Kandahar'] AS city MATCH (p:Place {name: city}) RETURN p.name, p.population
;
// load_csv_clause — rows as lists
LOAD CSV FROM 'file:///events.csv' AS row RETURN row[0] AS id, row[1] AS name
;
// load_csv_clause — WITH HEADERS gives maps; FIELDTERMINATOR sets the separator
LOAD CSV WITH HEADERS FROM 'file:///actors.tsv' AS row FIELDTERMINATOR '\t' MERGE (a:Actor {name: row.name}) SET a.type = row.type
;
// create_clause — a single node
CREATE (a:Actor {name: 'Wagner Group', type: 'PMC', founded: 2014})
;
// create_clause — nodes and a relationship with properties, then RETURN
CREATE (c:Company {name: 'Acme Logistics'})-[:REGISTERED_IN {since: 2019}]->(p:Place {name: 'Dubai'}) RETURN c, p
;
// pattern_part — a named path created and returned
CREATE p = (:Actor {name: 'Group A'})-[:ALLIED_WITH]->(:Actor {name: 'Group B'}) RETURN p
;
// merge_clause — match-or-create a node
MERGE (a:Actor {name: 'Al-Shabaab'}) RETURN a
;
// merge_action — ON CREATE SET and ON MATCH SET
MERGE (p:Place {name: 'Mogadishu'}) ON CREATE SET p.created = timestamp(), p.seen = 1 ON MATCH SET p.seen = p.seen + 1 RETURN p.seen
;
// merge_clause — MERGE a relationship between two matched nodes
MATCH (a:Actor {name: 'Al-Shabaab'}), (p:Place {name: 'Mogadishu'}) MERGE (a)-[r:OPERATES_IN]->(p) RETURN type(r)
;
// set_item — setting properties
MATCH (e:Event {id: 'EV-1042'}) SET e.verified = true, e.source = 'ACLED' RETURN e
;
// set_item — += merges a map into the existing properties
MATCH (c:Company {name: 'Acme Logistics'}) SET c += {sector: 'shipping', sanctioned: false}
;
// set_item — = replaces all properties with a map
MATCH (c:Company {name: 'Acme Logistics'}) SET c = {name: 'Acme Logistics', status: 'dissolved'}
;
// set_item — adding labels
MATCH (a:Actor {name: 'Wagner Group'}) SET a:Sanctioned:Armed RETURN labels(a)
;
// set_item — setting a relationship property
MATCH (:Actor)-[r:SUSPECTED_OF]->(e:Event {id: 'EV-77'}) SET r.confidence = 0.9, r.reviewedBy = $analyst
;
// remove_item — removing a property
MATCH (a:Actor {name: 'Wagner Group'}) REMOVE a.alias RETURN a
;
// remove_item — removing a label
MATCH (c:Company:Sanctioned) WHERE c.delisted REMOVE c:Sanctioned RETURN count(c)
;
// delete_clause — deleting relationships
MATCH (:Actor)-[r:SUSPECTED_OF]->(:Event) WHERE r.confidence < 0.2 DELETE r
;
// delete_clause — DETACH DELETE removes a node with its relationships
MATCH (e:Event {status: 'duplicate'}) DETACH DELETE e
;
// delete_clause — several expressions
MATCH (a:Actor {name: 'Test Actor'})-[r]-(e:Event) DELETE r, e
;
// with_clause — aggregate, then filter with WHERE on the projected name
MATCH (a:Actor)-[:CLAIMED]->(e:Event) WITH a, count(e) AS claims WHERE claims > 5 RETURN a.name, claims
;
// with_clause — WITH DISTINCT, ORDER BY and LIMIT before further matching
MATCH (e:Event)-[:OCCURRED_IN]->(p:Place) WITH DISTINCT p ORDER BY p.name LIMIT 10 MATCH (a:Actor)-[:OPERATES_IN]->(p) RETURN p.name, collect(a.name) AS actors
;
// with_clause — WITH * passes every variable through
MATCH (a:Actor)-[:FUNDED_BY]->(c:Company) WITH * WHERE c.country = 'UAE' RETURN a.name, c.name
;
// single_query — an update, then WITH, then reading again
CREATE (a:Actor {name: 'New Front'}) WITH a MATCH (p:Place {name: 'Idlib'}) CREATE (a)-[:OPERATES_IN]->(p) RETURN a, p
;
// single_query — a query may end with updating clauses (no RETURN)
MATCH (a:Actor {name: 'New Front'}) SET a.active = false MERGE (a)-[:RENAMED_TO]->(:Actor {name: 'Front B'})
;
// return_clause — RETURN * returns all variables in scope
MATCH (a:Actor)-[r]->(e:Event) RETURN *
;
// projection_item — aliases with AS
MATCH (e:Event) RETURN e.name AS event, e.date AS date, e.fatalities AS deaths
;
// projection_body — RETURN DISTINCT
MATCH (a:Actor)-[:OPERATES_IN]->(p:Place) RETURN DISTINCT p.country
;
// order_by — several sort keys with directions
MATCH (e:Event) RETURN e.name, e.fatalities ORDER BY e.fatalities DESC, e.name ASCENDING
;
// sort_item — sorting on an expression, ASC and DESCENDING
MATCH (a:Actor) RETURN a.name ORDER BY size(a.name) ASC, a.founded DESCENDING
;
// skip — paging with SKIP and LIMIT
MATCH (e:Event) RETURN e.name ORDER BY e.date DESC SKIP 20 LIMIT 10
;
// limit — SKIP and LIMIT taking parameters, including the keyword-named $limit
MATCH (e:Event) RETURN e.name SKIP $offset LIMIT $limit
;
// union — UNION removes duplicate rows
MATCH (a:Actor) RETURN a.name AS name UNION MATCH (c:Company) RETURN c.name AS name
;
// union — UNION ALL keeps duplicates
MATCH (a:Actor)-[:OPERATES_IN]->(p:Place) RETURN p.name AS place UNION ALL MATCH (e:Event)-[:OCCURRED_IN]->(p:Place) RETURN p.name AS place
;
// statement — EXPLAIN shows the plan without running the query
EXPLAIN MATCH (a:Actor {name: 'ISIS-K'})-[:CLAIMED]->(e:Event) RETURN e.name
;
// statement — PROFILE runs the query and reports per-operator statistics
PROFILE MATCH (p:Place)<-[:OCCURRED_IN]-(e:Event) RETURN p.name, count(e)
;
// create_index — a named index
CREATE INDEX actor_name FOR (a:Actor) ON (a.name)
;
// create_index — an unnamed index (Quarry chooses the name)
CREATE INDEX FOR (e:Event) ON (e.date)
;
// drop_index — by name
DROP INDEX actor_name
;
// drop_index — by target
DROP INDEX FOR (e:Event) ON (e.date)
;
// create_index — only when there is none yet
CREATE INDEX place_name IF NOT EXISTS FOR (p:Place) ON (p.name)
;
// drop_index — no error when the index is not there
DROP INDEX place_name IF EXISTS
;
// show_indexes — list all indexes
SHOW INDEXES
;
// pattern — comma-separated pattern parts (a cartesian product joined by WHERE)
MATCH (a:Actor), (p:Place {name: 'Kabul'}) WHERE (a)-[:OPERATES_IN]->(p) RETURN a.name
;
// pattern_part — a named path in MATCH
MATCH p = (a:Actor)-[:FUNDED_BY]->(c:Company)-[:REGISTERED_IN]->(:Place) RETURN p, length(p)
;
// shortest_path_pattern — shortestPath with a bounded variable-length relationship
MATCH (a:Actor {name: 'ISIS-K'}), (b:Actor {name: 'Taliban'}) MATCH p = shortestPath((a)-[*..6]-(b)) RETURN length(p), [n IN nodes(p) | n.name] AS chain
;
// shortest_path_pattern — allShortestPaths over selected relationship types
MATCH (a:Actor {name: 'Wagner Group'}), (c:Company {name: 'Acme Logistics'}) MATCH p = allShortestPaths((a)-[:FUNDED_BY|OWNS*]-(c)) RETURN p
;
// pattern_element — a parenthesised pattern element
MATCH ((a:Actor)-[:ALLIED_WITH]->(b:Actor)) RETURN a.name, b.name
;
// node_labels — a node with two labels
MATCH (x:Actor:Armed) RETURN x.name
;
// properties — a parameter as the property map of a created node
CREATE (e:Event $props) RETURN e
;
// node_pattern — anonymous nodes
MATCH ()-[r:CLAIMED]->() RETURN count(r)
;
// node_pattern — a node with only properties, no variable or label
MATCH ({name: 'Kabul'})<-[:OCCURRED_IN]-(e) RETURN e.name
;
// relationship_pattern — incoming relationship with a variable
MATCH (e:Event)<-[c:CLAIMED]-(a:Actor) RETURN e.name, a.name, c.via
;
// relationship_pattern — undirected relationship with a type
MATCH (a:Actor)-[:ALLIED_WITH]-(b:Actor) WHERE a.name < b.name RETURN a.name, b.name
;
// relationship_pattern — short arrows without details: -->, <-- and --
MATCH (a:Actor)-->(e:Event)<--(b:Actor), (a)--(b) RETURN a.name, b.name, e.name
;
// relationship_pattern — both arrow heads means either direction
MATCH (a:Actor {name: 'Hamas'})<-[:ALLIED_WITH]->(b) RETURN b.name
;
// relationship_types — alternatives with and without the repeated colon
MATCH (a:Actor)-[r:FUNDED_BY|SUPPLIED|:TRAINED]->(x) RETURN a.name, type(r), x.name
;
// range_literal — * alone: one or more hops
MATCH (a:Actor {name: 'ISIS-K'})-[:ALLIED_WITH*]-(b:Actor) RETURN DISTINCT b.name
;
// range_literal — *n: exactly n hops
MATCH (c:Company)-[:OWNS*3]->(sub:Company) RETURN c.name, sub.name
;
// range_literal — *n..m with a relationship variable
MATCH (a:Actor)-[rs:ALLIED_WITH*1..3]-(b:Actor) RETURN a.name, b.name, size(rs) AS hops
;
// range_literal — *..m: at most m hops
MATCH (p:Place {name: 'Raqqa'})-[:ROAD_TO*..4]->(q:Place) RETURN q.name
;
// range_literal — *n..: at least n hops, with spaces inside the brackets
MATCH (c:Company)-[ :OWNS * 2.. ]->(x) RETURN x.name
;
// relationship_detail — properties on a relationship pattern
MATCH (a:Actor)-[:CLAIMED {via: 'Amaq'}]->(e:Event) RETURN a.name, e.name
;
// rel_type_name — a reserved word as relationship type: [:IN]
MATCH (e:Event)-[:IN]->(p:Place) RETURN e.name, p.name
;
// label_name — a reserved word as label: :Order
MATCH (c:Company)-[:PLACED]->(o:Order) RETURN c.name, count(o) AS orders
;
// property_key_name — reserved and non-reserved words as property keys
MATCH (e:Event) WHERE e.end > e.start RETURN e.count, e.order, {end: e.end, in: e.in} AS span
;
// backquoted_name — labels, variables and property keys with spaces and symbols
MATCH (`the actor`:`Non-State Actor`)-[:`ACTIVE IN`]->(p) RETURN `the actor`.`full name`, p.`iso-3166`
;
// backquoted_name — a doubled backquote inside a name stands for one backquote
MATCH (a:Actor) RETURN a.name AS `analyst``s pick`
;
// backquoted_name — a backquoted reserved word used as a variable
UNWIND [1, 2, 3] AS `end` RETURN `end` * 2
;
// symbolic_name — non-reserved keywords used as variables
UNWIND range(0, 4) AS index WITH index AS count, index * 2 AS single RETURN count, single
;
// or_expression — OR, AND and NOT with parentheses
MATCH (e:Event) WHERE (e.fatalities > 100 OR e.type = 'bombing') AND NOT e.disputed RETURN e.name
;
// xor_expression — exclusive or
MATCH (e:Event) WHERE e.claimed XOR e.attributed RETURN e.name
;
// not_expression — stacked NOT
MATCH (a:Actor) WHERE NOT NOT a.active RETURN a.name
;
// comparison_expression — a chained comparison
MATCH (e:Event) WHERE 2015 <= e.year < 2020 RETURN e.name, e.year
;
// comparison_operator — <> and >=
MATCH (e:Event) WHERE e.type <> 'protest' AND e.fatalities >= 1 RETURN e.name
;
// predicate_suffix — STARTS WITH, ENDS WITH and CONTAINS
MATCH (c:Company) WHERE c.name STARTS WITH 'Acme' OR c.name ENDS WITH 'Ltd' OR c.name CONTAINS 'Holding' RETURN c.name
;
// predicate_suffix — IN a list literal
MATCH (p:Place) WHERE p.country IN ['Afghanistan', 'Pakistan', 'Iran'] RETURN p.name
;
// predicate_suffix — regular-expression match =~
MATCH (a:Actor) WHERE a.name =~ '(?i)al[- ].*' RETURN a.name
;
// predicate_suffix — IS NULL and IS NOT NULL
MATCH (e:Event) WHERE e.date IS NULL OR e.source IS NOT NULL RETURN e.name
;
// additive_expression — arithmetic precedence: * / % before + -
RETURN 7 + 3 * 2 - 10 / 4 % 3 AS result
;
// power_expression — ^ binds looser than unary minus
RETURN -2 ^ 2 AS four, 2 ^ 3 ^ 2 AS sixtyFour
;
// unary_expression — unary plus and minus, including a double minus
MATCH (e:Event) RETURN -e.fatalities, +e.year, - -1 AS one
;
// property_lookup — chained lookups into nested maps
WITH {place: {lat: 34.53, lon: 69.17}} AS m RETURN m.place.lat, m.place.lon
;
// subscript — list indexing, including on a function result and a negative index
MATCH (a:Actor) RETURN labels(a)[0] AS firstLabel, [10, 20, 30][-1] AS last
;
// subscript — list slices with both bounds, only an upper and only a lower bound
WITH ['a', 'b', 'c', 'd', 'e'] AS xs RETURN xs[1..3], xs[..2], xs[-2..]
;
// subscript — a map accessed with a computed key
WITH {Kabul: 1, Herat: 2} AS m, 'Herat' AS k RETURN m[k]
;
// postfix_expression — label test in WHERE
MATCH (x)-[:CLAIMED]->(e:Event) WHERE x:Actor:Armed RETURN x.name, e.name
;
// integer_literal — decimal, hexadecimal and octal integers
RETURN 42 AS dec, 0x2A AS hex, 0xff AS hexLower, 0o52 AS oct, 0 AS zero
;
// hex_integer — a hexadecimal literal in a query
MATCH (e:Event) WHERE e.flags = 0x1F RETURN e.name
;
// float_literal — decimal point, leading dot and exponent forms
RETURN 3.14, .5, 6.02e23, 1e-3, 2.5E+2
;
// string_literal — single and double quotes
RETURN 'single', "double", 'it is "quoted"', "it's fine"
;
// escape_sequence — every escape: \\ \' \" \n \t \r \b \f \uXXXX
RETURN 'back\\slash', 'O\'Brien', "say \"hi\"", 'line\nbreak', 'tab\there', 'cr\r', 'bs\b', 'ff\f', 'caf\u00e9'
;
// boolean_literal — true, false and null in any case
RETURN true, FALSE, null, NULL
;
// list_literal — nested and empty lists
RETURN [1, 'two', 3.0, [4, [5]], []] AS mixed
;
// map_literal — nested and empty maps, backquoted keys
RETURN {name: 'Kabul', coords: [34.53, 69.17], meta: {}, `alt name`: 'Kobul'} AS place
;
// parameter — a named parameter
MATCH (a:Actor {name: $name}) RETURN a
;
// parameter — positional parameters $0 and $1
MATCH (e:Event) WHERE e.year = $0 RETURN e.name LIMIT $1
;
// count_star — count(*) counts rows
MATCH (e:Event)-[:OCCURRED_IN]->(p:Place) RETURN p.name, count(*) AS events ORDER BY events DESC
;
// case_expression — generic CASE
MATCH (e:Event) RETURN e.name, CASE WHEN e.fatalities >= 100 THEN 'mass-casualty' WHEN e.fatalities > 0 THEN 'lethal' ELSE 'non-lethal' END AS severity
;
// case_expression — simple CASE without ELSE
MATCH (e:Event) RETURN e.name, CASE e.type WHEN 'bombing' THEN 1 WHEN 'raid' THEN 2 END AS code
;
// case_alternative — nested CASE expressions
MATCH (a:Actor) RETURN a.name, CASE WHEN a.state THEN 'state' ELSE CASE a.type WHEN 'PMC' THEN 'private military' WHEN 'militia' THEN CASE WHEN a.armed THEN 'armed militia' ELSE 'militia' END ELSE 'other' END END AS kind
;
// list_comprehension — with WHERE and a projection
RETURN [x IN range(1, 10) WHERE x % 2 = 0 | x * x] AS evenSquares
;
// list_comprehension — filter only, and projection only
MATCH (a:Actor) RETURN [y IN a.years WHERE y > 2015] AS recent, [n IN a.aliases | toUpper(n)] AS upper
;
// pattern_comprehension — collect from a pattern with a filter
MATCH (a:Actor) RETURN a.name, [(a)-[:CLAIMED]->(e:Event) WHERE e.year = 2021 | e.name] AS claimed2021
;
// pattern_comprehension — naming the path in the comprehension
MATCH (a:Actor {name: 'ISIS-K'}) RETURN [p = (a)-[:ALLIED_WITH*1..2]-(b:Actor) | length(p)] AS distances
;
// quantifier_expression — all(...)
MATCH (a:Actor) WHERE all(y IN a.activeYears WHERE y >= 2010) RETURN a.name
;
// quantifier_expression — any(...)
MATCH (e:Event) WHERE any(tag IN e.tags WHERE tag STARTS WITH 'ied') RETURN e.name
;
// quantifier_expression — none(...) over a path's relationships
MATCH p = (a:Actor)-[*1..3]->(c:Company) WHERE none(r IN relationships(p) WHERE type(r) = 'SUSPECTED_OF') RETURN p
;
// quantifier_expression — single(...)
MATCH p = (:Actor)-[:FUNDED_BY*]->(c:Company) WHERE single(n IN nodes(p) WHERE n:Sanctioned) RETURN c.name
;
// pattern_predicate — a relationship pattern used as a condition
MATCH (a:Actor) WHERE (a)-[:CLAIMED]->(:Event {year: 2021}) RETURN a.name
;
// pattern_predicate — negated, with an undirected short arrow
MATCH (a:Actor), (b:Actor) WHERE a <> b AND NOT (a)--(b) RETURN a.name, b.name LIMIT 25
;
// exists_expression — exists on a pattern and on a property
MATCH (a:Actor) WHERE exists((a)-[:FUNDED_BY]->(:Company)) AND exists(a.alias) RETURN a.name
;
// function_invocation — ordinary functions
MATCH (a:Actor) RETURN toUpper(a.name), coalesce(a.alias, a.name, 'unknown'), size(a.aliases)
;
// function_invocation — DISTINCT inside an aggregate
MATCH (a:Actor)-[:OPERATES_IN]->(p:Place) RETURN a.name, count(DISTINCT p) AS places, collect(DISTINCT p.country) AS countries
;
// function_invocation — a function without arguments
RETURN timestamp() AS now, rand() < 1.0 AS ok
;
// function_name — namespaced functions
MATCH (e:Event) RETURN date.truncate('month', e.date) AS month, duration.between(e.start, e.end) AS took
;
// parenthesized_expression — parentheses override precedence
MATCH (e:Event) RETURN (e.fatalities + e.injured) * 2, -(1 + 2) AS minusThree
;
// comment — line comments and block comments between tokens
MATCH (a:Actor) /* block comment: -- not a pattern */ WHERE a.name <> 'x' // trailing line comment
RETURN a.name /* inline */ AS name
;
// comment — comment markers inside strings are text, not comments
RETURN 'http://example.org/*x*/' AS url, "a // b" AS text
;
// keyword — keywords are case-insensitive
match (a:Actor) where a.name Starts With 'Al' return distinct a.name order by a.name desc limit 5
;
// statement — a multi-line query with mixed clauses
MATCH (a:Actor)-[:CLAIMED]->(e:Event)-[:OCCURRED_IN]->(p:Place)
WHERE e.year = $year AND p.country = $country
WITH a, count(e) AS attacks, collect(p.name)[..3] AS places
ORDER BY attacks DESC
LIMIT 5
RETURN a.name AS actor, attacks, places
;
// merge_clause — MERGE a whole path with an ON CREATE action setting a label
MERGE (a:Actor {name: 'Houthis'})-[:OPERATES_IN]->(p:Place {name: 'Sanaa'}) ON CREATE SET a:Reviewed, a.firstSeen = date()
;
// load_csv_clause — importing relationships from a CSV given as a parameter
LOAD CSV WITH HEADERS FROM $url AS row MATCH (a:Actor {name: row.actor}), (e:Event {id: row.event}) MERGE (a)-[c:CLAIMED]->(e) SET c.via = row.channel
;
// not_expression — NOT binds looser than comparison and IN
MATCH (p:Place) WHERE NOT p.country IN ['Syria', 'Iraq'] AND NOT p.population < 10000 RETURN p.name
;
// predicate_suffix — IS NULL applies to the whole arithmetic operand
MATCH (e:Event) RETURN e.name, e.fatalities + e.injured IS NULL AS incomplete
;
// list_literal — a list holding a pattern predicate, an expression and a parameter
MATCH (a:Actor), (e:Event) RETURN [(a)-[:CLAIMED]->(e), a.name, $extra] AS info
;
// variable — a variable bound by UNWIND of a parameter list and used in CREATE
UNWIND $rows AS r CREATE (:Event {id: r.id, name: r.name, fatalities: toInteger(r.deaths)})
;
// map_projection — a map of chosen properties of a node, with extra entries
MATCH (a:Actor)-[:MADE]->(c:Claim) RETURN a {.name, .kind, claim: c.summary}
;
// reduce_expression — fold a list into one value
RETURN reduce(total = 0, x IN [1, 2, 3] | total + x) AS total
;
// quantifier_expression — without WHERE the elements themselves are tested
RETURN all(flag IN [true, true]) AS everything
;

// Procedures: standalone, with YIELD and WHERE, inside a query
CALL db.labels();
CALL db.labels;
CALL dbms.procedures() YIELD *;
CALL db.relationshipTypes() YIELD relationshipType AS type WHERE type STARTS WITH 'C' RETURN type;
MATCH (a:Actor) CALL db.labels() YIELD label RETURN a.name, collect(label) AS labels;

// Subqueries: EXISTS, COUNT, COLLECT, in pattern and query form
MATCH (a:Actor) WHERE EXISTS { (a)-[:MADE]->(:Claim) } RETURN a.name;
MATCH (a:Actor) WHERE NOT EXISTS { MATCH (a)-->(e:Event) WHERE e.date IS NOT NULL } RETURN a.name;
MATCH (a:Actor) RETURN a.name, COUNT { (a)-[:MADE]->() } AS claims;
MATCH (a:Actor) RETURN a.name, COLLECT { MATCH (a)-[:MADE]->(c:Claim) RETURN c.summary ORDER BY c.summary } AS said;

// subquery_expression — a UNION inside EXISTS, COUNT and COLLECT, each part seeing the outer row
MATCH (a:Actor) RETURN a.name, EXISTS { MATCH (a)-[:MADE]->(:Claim) UNION MATCH (a)-[:CONDEMNED]->(:Event) } AS spoke;
MATCH (a:Actor) RETURN a.name, COUNT { MATCH (a)-[:MADE]->(c) RETURN c AS x UNION ALL MATCH (a)-[:CONDEMNED]->(e) RETURN e AS x } AS statements;
MATCH (a:Actor) RETURN a.name, COLLECT { MATCH (a)-[:MADE]->(c:Claim) RETURN c.summary AS said UNION MATCH (a)-[:CONDEMNED]->(e) RETURN e.name AS said } AS said;

// CALL subqueries: importing WITH, a scope list, UNION inside, a unit subquery
MATCH (a:Actor) CALL { WITH a MATCH (a)-[:MADE]->(c) RETURN count(c) AS claims } RETURN a.name, claims;
MATCH (a:Actor) CALL (a) { MATCH (a)-[:MADE]->(c) RETURN c.summary AS said UNION MATCH (a)-[:CONDEMNED]->(e) RETURN e.name AS said } RETURN a.name, said;
CALL { MATCH (e:Event) RETURN count(e) AS events } RETURN events;
UNWIND ['a', 'b'] AS tag CALL { WITH tag CREATE (:Tag {name: tag}) } RETURN count(*);

// WHERE inside patterns
MATCH (a:Actor WHERE a.name STARTS WITH 'IS')-[m:MADE WHERE m.para IS NOT NULL]->(c) RETURN a.name, c.summary;
MATCH (a:Actor) WHERE (a)-[:MADE]->(c:Claim WHERE c.summary CONTAINS 'Uyghur') RETURN a.name;
MATCH (a:Actor) RETURN [(a)-[:MADE]->(c WHERE c.date IS NOT NULL) | c.date] AS dates;

// FOREACH
MATCH (a:Actor {name: 'ISIS-K'}) FOREACH (tag IN ['claimed', 'militant'] | MERGE (t:Tag {name: tag}) MERGE (a)-[:TAGGED]->(t));
MATCH p = (:Actor)-[:MADE*1..2]->() FOREACH (n IN nodes(p) | SET n.seen = true);

// Quantified path patterns: a chain repeated; its variables are lists outside it
MATCH (a:Actor {name: 'ISIS-K'})((x)-[:MEDIA_ARM_OF|MEMBER_OF|PART_OF]-(y)){1,3}(b:Actor) RETURN b.name, [n IN y | n.name] AS chain;
MATCH (e:Event)((x)-[r:OCCURRED_IN|IN]->(p) WHERE r.para IS NOT NULL){0,2}(z) RETURN e.name, z.name, size(r);
MATCH (p:Place {name: 'Kabul'})-[:IN]->{1,}(country) RETURN country.name;
MATCH route = (:Place)((x:Place)-[:IN]->(y:Place))+(:Place) RETURN length(route);
MATCH ((x)-[:MADE]->(c)-[:ABOUT]->(e)){2} RETURN count(*);
MATCH ((a:Actor)-[:MADE]->(c:Claim) WHERE c.summary IS NOT NULL) RETURN a.name;
