import QuarryEngine
import Testing

/// The planner's choices, read from `EXPLAIN` (one operator per line, root first, each child
/// indented under its parent): index seeks, the start label, no rescans of bound variables, and
/// filters placed where their variables are bound. Also: a seek finds the rows a scan finds.
struct PlannerTests {
    /// 34 people (30 with integer ages, one 3.0, one '3', one without an age, one also an actor),
    /// 4 actors, 5 cities; every person of the 30 follows one actor and lives in one city.
    static let data = [
        "UNWIND range(1, 30) AS i CREATE (:Person {name: 'p' + i, age: i})",
        "UNWIND range(1, 3) AS i CREATE (:Actor {name: 'a' + i})",
        "UNWIND range(1, 5) AS i CREATE (:City {name: 'c' + i})",
        "MATCH (p:Person), (a:Actor) WHERE p.age % 3 + 1 = toInteger(substring(a.name, 1)) CREATE (p)-[:FOLLOWS]->(a)",
        "MATCH (p:Person), (c:City) WHERE p.age % 5 + 1 = toInteger(substring(c.name, 1)) CREATE (p)-[:LIVES_IN]->(c)",
        "CREATE (:Person {name: 'f3', age: 3.0}), (:Person {name: 's3', age: '3'}), (:Person {name: 'none'})",
        "CREATE (:Person:Actor {name: 'both', age: 99})",
    ]

    static let indexes = [
        "CREATE INDEX FOR (n:Actor) ON (n.name)",
        "CREATE INDEX FOR (n:Person) ON (n.name)",
        "CREATE INDEX FOR (n:Person) ON (n.age)",
    ]

    static let parameters: [String: Value] = [
        "ages": .list([.int(1), .float(5.0), .string("x")]), "names": .list([.string("a1"), .null]),
    ]

    static func database(indexed: Bool) throws -> Database {
        let db = Database()
        for statement in (indexed ? indexes : []) + data { _ = try db.execute(statement) }
        return db
    }

    /// The plan's operators, root first, with their indentation.
    static func plan(_ query: String, _ db: Database) throws -> [String] {
        try db.execute("EXPLAIN " + query, parameters: parameters).rows.map { row in
            guard case .string(let line) = row[0] else { return "" }
            return line
        }
    }

    static func trimmed(_ plan: [String]) -> [String] { plan.map { $0.trimmingCharacters(in: .whitespaces) } }

    /// What an operator line binds, without the filters it checks (`... WHERE a AND b`).
    static func binding(_ line: String) -> String { line.components(separatedBy: " WHERE ")[0] }

    /// The operator that checks a filter: the scan, seek or expansion whose WHERE list holds it,
    /// or else the first operator under its Filter line.
    static func operatorUnder(_ filter: String, in plan: [String]) -> String? {
        let ops = trimmed(plan)
        if let checking = ops.first(where: { $0.components(separatedBy: " WHERE ").dropFirst().first?.contains(filter) == true }) {
            return binding(checking)
        }
        guard let i = ops.firstIndex(of: "Filter " + filter) else { return nil }
        return ops[(i + 1)...].first { !$0.hasPrefix("Filter ") }.map(binding)
    }

    /// True when `op` binds `variable` (of label `label`): an expansion ending at it, or a scan
    /// or seek of its label.
    static func binds(_ op: String?, _ variable: String, _ label: String) -> Bool {
        guard let op else { return false }
        return (op.hasPrefix("Expand ") || op.hasPrefix("VarLengthExpand ")) && op.hasSuffix("(\(variable))")
            || op == "NodeByLabelScan :\(label)" || op.hasPrefix("NodeIndexSeek :\(label)(")
    }

    static func scans(_ plan: [String]) -> [String] {
        trimmed(plan).map(binding).filter { $0.hasPrefix("NodeByLabelScan") || $0.hasPrefix("NodeIndexSeek") || $0 == "AllNodesScan" }
    }

    @Test(arguments: [
        "MATCH (n:Actor) WHERE n.name = 'a1' RETURN n",
        "MATCH (n:Actor) WHERE 'a1' = n.name RETURN n",
        "MATCH (n:Actor {name: 'a1'}) RETURN n",
        "MATCH (n:Actor) WHERE n.name IN ['a1', 'a2'] RETURN n",
        "MATCH (n:Actor) WHERE n.name IN $names RETURN n",
    ])
    func indexedEqualityOrInIsASeek(_ query: String) throws {
        let ops = Self.scans(try Self.plan(query, try Self.database(indexed: true)))
        #expect(ops == ["NodeIndexSeek :Actor(name)"])
    }

    @Test func withoutAnIndexItIsALabelScan() throws {
        let query = "MATCH (n:Actor) WHERE n.name = 'a1' RETURN n"
        #expect(Self.scans(try Self.plan(query, try Self.database(indexed: false))) == ["NodeByLabelScan :Actor"])
        let unindexedKey = "MATCH (n:Actor) WHERE n.age = 3 RETURN n"
        #expect(Self.scans(try Self.plan(unindexedKey, try Self.database(indexed: true))) == ["NodeByLabelScan :Actor"])
        #expect(Self.scans(try Self.plan(unindexedKey, try Self.database(indexed: true))) == ["NodeByLabelScan :Actor"])
    }

    @Test func startsAtTheLabelWithFewerNodes() throws {
        let db = try Self.database(indexed: false)
        for query in ["MATCH (n:Person:Actor) RETURN n", "MATCH (n:Actor:Person) RETURN n"] {
            #expect(Self.scans(try Self.plan(query, db)) == ["NodeByLabelScan :Actor"], "\(query)")
        }
        for query in ["MATCH (p:Person)-[:FOLLOWS]->(a:Actor) RETURN p, a", "MATCH (a:Actor)<-[:FOLLOWS]-(p:Person) RETURN p, a"] {
            let plan = try Self.plan(query, db)
            #expect(Self.scans(plan) == ["NodeByLabelScan :Actor"], "\(plan)")
            #expect(Self.trimmed(plan).last.map(Self.binding) == "NodeByLabelScan :Actor", "the scan is the plan's leaf")
        }
    }

    @Test(arguments: [
        "MATCH (a:Actor) WHERE a.name = 'a1' MATCH (a)<-[:FOLLOWS]-(p:Person) RETURN p.name",
        "MATCH (p:Person) WITH p WHERE p.age < 5 MATCH (p)-[:FOLLOWS]->(a:Actor) RETURN a.name",
        "MATCH (p:Person) MATCH (p)-[:LIVES_IN]->(c:City) MATCH (p)-[:FOLLOWS]->(a) RETURN a.name",
    ])
    func boundVariableIsNotScannedAgain(_ query: String) throws {
        for indexed in [false, true] {
            let plan = try Self.plan(query, try Self.database(indexed: indexed))
            #expect(Self.scans(plan).count == 1, "\(plan)")
        }
    }

    @Test func filtersSitRightAboveTheOperatorThatBindsTheirVariables() throws {
        let query = """
            MATCH (a:Actor)<-[:FOLLOWS]-(p:Person)-[:LIVES_IN]->(c:City)
            WHERE p.age > 10 AND a.name STARTS WITH 'a' AND c.name <> 'c2' AND c.name <> a.name
            RETURN p.name
            """
        let plan = try Self.plan(query, try Self.database(indexed: false))
        #expect(Self.binds(Self.operatorUnder("(p.age > 10)", in: plan), "p", "Person"), "\(plan)")
        #expect(Self.binds(Self.operatorUnder("(a.name STARTS WITH 'a')", in: plan), "a", "Actor"), "\(plan)")
        #expect(Self.binds(Self.operatorUnder("(c.name <> 'c2')", in: plan), "c", "City"), "\(plan)")
        let both = Self.operatorUnder("(c.name <> a.name)", in: plan)
        #expect(Self.binds(both, "c", "City") || Self.binds(both, "a", "Actor"), "\(plan)")
    }

    @Test(arguments: [
        "MATCH (n:Person) WHERE n.age = 3 RETURN n.name",
        "MATCH (n:Person {age: 3.0}) RETURN n.name",
        "MATCH (n:Person) WHERE 5 = n.age AND n.name STARTS WITH 'p' RETURN n.name",
        "MATCH (n:Person) WHERE n.age IN [1, 2.0, null, '3', 2] RETURN n.name",
        "MATCH (n:Person) WHERE n.age IN $ages RETURN n.name",
        "MATCH (n:Person) WHERE n.age IN [] RETURN n.name",
        "MATCH (n:Person) WHERE n.age IN null RETURN n.name",
        "MATCH (n:Person) WHERE n.age = null RETURN n.name",
        "MATCH (n:Person) WHERE n.age = 0.0 / 0.0 RETURN n.name",
        "MATCH (n:Person:Actor) WHERE n.name = 'both' RETURN n.name",
        "MATCH (n:Person) WHERE n.age >= 10 AND n.age < 15 RETURN n.name",
        "MATCH (n:Person) WHERE 20 < n.age RETURN n.name",
        "MATCH (n:Person) WHERE n.age > 2 AND n.age <= 3.0 RETURN n.name",
        "MATCH (n:Person) WHERE n.name < 'p2' RETURN n.name",
        "UNWIND [3, 4, 3, null] AS x MATCH (n:Person) WHERE n.age = x RETURN x, n.name",
        "MATCH (p:Person)-[:FOLLOWS]->(a:Actor) WHERE a.name = 'a2' RETURN p.name, a.name",
        "MATCH (n:Person) WHERE n.age = 3 SET n.age = 40 WITH count(*) AS c MATCH (m:Person) WHERE m.age = 40 RETURN c, m.name",
    ])
    func indexSeekFindsTheRowsAScanFinds(_ query: String) throws {
        let indexed = try Self.database(indexed: true), plain = try Self.database(indexed: false)
        #expect(Self.scans(try Self.plan(query, indexed)).contains { $0.hasPrefix("NodeIndexSeek") })
        #expect(Self.scans(try Self.plan(query, plain)).allSatisfy { $0.hasPrefix("NodeByLabelScan") })
        func rows(_ db: Database) throws -> [String] {
            let result = try db.execute(query, parameters: Self.parameters)
            let r = ValueRenderer(graph: result.graph)
            return result.rows.map { $0.map(r.cypher).joined(separator: " | ") }.sorted()
        }
        #expect(try rows(indexed) == (try rows(plain)))
    }

    @Test func oneLabelAggregationReadsTheColumns() throws {
        let db = try Self.database(indexed: false)
        let plan = Self.trimmed(try Self.plan("MATCH (n:Person) WHERE n.age > 3 RETURN n.name, count(*), sum(n.age)", db))
        #expect(plan.contains { $0.hasPrefix("ColumnAggregate (n:Person) WHERE (n.age > 3) BY n.name") }, "\(plan)")
        #expect(!plan.contains { $0.hasPrefix("NodeByLabelScan") }, "\(plan)")
        let writing = Self.trimmed(try Self.plan("MATCH (n:Person) SET n.seen = true RETURN n.name, count(*)", db))
        #expect(!writing.contains { $0.hasPrefix("ColumnAggregate") }, "a statement that writes aggregates row by row: \(writing)")
    }

    @Test func countingAnExpansionMakesNoRows() throws {
        let db = try Self.database(indexed: false)
        let counted = Self.trimmed(try Self.plan("MATCH (a:Actor) MATCH (a)<-[:FOLLOWS]-(p:Person) RETURN a.name, count(p)", db))
        #expect(counted.contains { $0.hasPrefix("Aggregate") && $0.hasSuffix("(counting, not making, the rows below)") }, "\(counted)")
        let grouped = Self.trimmed(try Self.plan("MATCH (a:Actor) MATCH (a)<-[:FOLLOWS]-(p:Person) RETURN p.name, count(*)", db))
        #expect(!grouped.contains { $0.contains("counting") }, "the key reads what the expansion binds: \(grouped)")
    }

    @Test func distinctDropsRepeatsBetweenExpansions() throws {
        let db = try Self.database(indexed: false)
        let plan = Self.trimmed(try Self.plan("MATCH (a:Actor)<-[:FOLLOWS]-(p:Person)-[:LIVES_IN]->(c:City) RETURN DISTINCT c.name", db))
        let firstExpand = plan.lastIndex { $0.hasPrefix("Expand") }, secondExpand = plan.firstIndex { $0.hasPrefix("Expand") }
        #expect(firstExpand != nil && secondExpand != nil && firstExpand! > secondExpand!, "\(plan)")
        #expect(plan[secondExpand! + 1 ..< firstExpand!].contains("Distinct"), "a Distinct between the two expansions: \(plan)")
    }

    @Test func filtersAreCheckedWhereTheirNodeIsBound() throws {
        let db = try Self.database(indexed: false)
        let plan = Self.trimmed(try Self.plan("MATCH (p:Person)-[:FOLLOWS]->(a:Actor {name: 'a1'}) WHERE p.age < 10 RETURN p.name", db))
        #expect(!plan.contains { $0.hasPrefix("Filter") }, "no separate Filter operator: \(plan)")
        #expect(plan.contains { $0.hasPrefix("NodeByLabelScan :Actor WHERE {name: 'a1'}") }, "\(plan)")
        #expect(plan.contains { $0.hasPrefix("Expand (a)<-[:FOLLOWS]-(p) WHERE p:Person AND (p.age < 10)") }, "\(plan)")
    }
}
