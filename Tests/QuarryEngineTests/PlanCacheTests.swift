import QuarryEngine
import Testing

/// A statement run again reuses its rewritten plan, with new parameter values, until the graph's
/// counts or indexes change.
struct PlanCacheTests {
    static func integers(_ result: QueryResult) -> [Int64] {
        result.rows.compactMap { row in
            if case .int(let i)? = row.first { return i }
            return nil
        }
    }

    @Test func aStatementRunAgainReusesItsPlanWithNewParameters() throws {
        let db = Database()
        _ = try db.execute("UNWIND range(1, 10) AS i CREATE (:P {n: i, name: 'p' + i})")
        let query = "MATCH (p:P) WHERE p.name STARTS WITH $prefix RETURN p.n ORDER BY p.n LIMIT $k"
        let first = try db.execute(query, parameters: ["prefix": .string("p1"), "k": .int(5)])
        #expect(Self.integers(first) == [1, 10])
        let hits = db.planCacheHits
        let second = try db.execute(query, parameters: ["prefix": .string("p"), "k": .int(3)])
        #expect(db.planCacheHits == hits + 1)
        #expect(Self.integers(second) == [1, 2, 3], "the byte test and the top-k read the new values")
        #expect(throws: QueryError.self) { try db.execute(query, parameters: ["prefix": .string("p")]) }
    }

    @Test func aChangedGraphIsPlannedAgain() throws {
        let db = Database()
        _ = try db.execute("UNWIND range(1, 5) AS i CREATE (:A {n: i})")
        let query = "MATCH (a:A) WHERE a.n = 3 RETURN a.n"
        _ = try db.execute(query)
        _ = try db.execute("CREATE INDEX FOR (a:A) ON (a.n)")
        let hits = db.planCacheHits
        let plan = try db.execute("EXPLAIN " + query).message ?? ""
        #expect(plan.contains("NodeIndexSeek"), "\(plan)")
        _ = try db.execute(query)
        #expect(db.planCacheHits == hits, "the index made the old plan stale")
        _ = try db.execute(query)
        #expect(db.planCacheHits == hits + 1)
        _ = try db.execute("CREATE (:A {n: 3})")
        #expect(try db.execute(query).rows.count == 2)
        #expect(db.planCacheHits == hits + 1, "a new node changed the counts")
    }
}
