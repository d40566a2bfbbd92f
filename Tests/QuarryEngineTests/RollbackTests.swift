import Foundation
@testable import QuarryEngine
import QuarryTestSupport
import Testing

/// A write statement that fails is taken back through its undo log: the graph, its names, counts,
/// adjacency and indexes are as before, in memory and in a graph file and its journal.
struct RollbackTests {
    static let setUp = [
        "CREATE INDEX FOR (p:P) ON (p.name)",
        "CREATE (:P {name: 'a', n: 1})-[:R {w: 1}]->(:P:Q {name: 'b', n: 2})-[:R {w: 2}]->(:Q {name: 'c'})",
        "MATCH (a:P {name: 'a'}), (c:Q {name: 'c'}) CREATE (c)-[:S]->(a)",
    ]

    /// Each is run with a failing end appended: every kind of change, including new labels,
    /// types and keys, indexed properties, deletions and MERGE.
    static let statements = [
        "CREATE (:New:P {name: 'x', fresh: [1, 2]})-[:NEWTYPE {k: 'v'}]->(:Other)",
        "MATCH (p:P) SET p.name = p.name + '!', p.n = null, p.extra = true",
        "MATCH (p:P) REMOVE p:P SET p:Renamed",
        "MATCH ()-[r:R]->() SET r.w = r.w * 10 DELETE r",
        "MATCH (q:Q) DETACH DELETE q",
        "UNWIND range(1, 50) AS i MERGE (m:P {name: 'm' + toString(i % 7)}) MERGE (m)-[:LOOP]->(m)",
        "MATCH (a:P {name: 'a'}) CREATE (a)-[:R]->(b:P {name: 'a'}) SET a:Q REMOVE a.n",
        "UNWIND range(1, 9000) AS i CREATE (n:Many {i: i}) WITH n, i WHERE i % 50 = 0 SET n.rare = i, n.n = 'now text'",
        "UNWIND range(1, 300) AS i CREATE (n:P:Q {name: 'd' + toString(i % 9)})-[:T]->(:P {name: 'e'}) WITH n, i WHERE i % 3 = 0 "
            + "REMOVE n:Q SET n.name = 'a' WITH n, i WHERE i % 2 = 0 DETACH DELETE n",
    ]

    static func run(_ db: Database, _ statements: [String]) throws {
        for s in statements { _ = try db.execute(s) }
    }

    /// What queries see: counts, the index, traversals.
    static func observed(_ db: Database) throws -> [String] {
        try ["MATCH (n) RETURN count(n)", "MATCH ()-[r]->() RETURN count(r)", "MATCH (p:P {name: 'a'}) RETURN count(p)",
             "MATCH (p:P) WHERE p.name >= 'b' RETURN count(p)", "MATCH (a)-[:R]->(b) RETURN a.name, b.name ORDER BY a.name",
             "MATCH (q:Q) RETURN count(q)", "MATCH (p:P) RETURN count(*)", "MATCH (p:P) WHERE p.name = 'e' RETURN count(*)"].map { "\(try db.execute($0).rows)" }
    }

    @Test(arguments: RollbackTests.statements)
    func aFailedStatementLeavesTheGraphAsItWas(_ statement: String) throws {
        let db = Database()
        try Self.run(db, Self.setUp)
        let before = GraphDump.text(db.graph)
        let (labels, types, keys) = (db.graph.labels.names, db.graph.types.names, db.graph.keys.names)
        let seen = try Self.observed(db)
        #expect(throws: QueryError.self) { try db.execute(statement + " WITH count(*) AS c RETURN 1 / (c - c)") }
        #expect(GraphDump.text(db.graph) == before)
        #expect(db.graph.labels.names == labels && db.graph.types.names == types && db.graph.keys.names == keys)
        #expect(try Self.observed(db) == seen)
        // The same statement, run to its end afterwards, gives what it gives on a fresh graph.
        _ = try db.execute(statement)
        let fresh = Database()
        try Self.run(fresh, Self.setUp + [statement])
        #expect(GraphDump.text(db.graph) == GraphDump.text(fresh.graph))
        #expect(try Self.observed(db) == Self.observed(fresh))
    }

    @Test(arguments: RollbackTests.statements)
    func aFailedStatementLeavesTheGraphFileAsItWas(_ statement: String) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("quarry-rollback-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/case.quarry"
        let db = Database()
        _ = try db.open(path, readOnly: false)
        try Self.run(db, Self.setUp)
        #expect(throws: QueryError.self) { try db.execute(statement + " WITH count(*) AS c RETURN 1 / (c - c)") }
        _ = try db.execute("CREATE (:After {name: 'later'})")
        let expected = GraphDump.text(db.graph)
        _ = db.close()
        let reopened = Database()
        _ = try reopened.open(path, readOnly: false)
        #expect(GraphDump.text(reopened.graph) == expected)
        _ = reopened.close()
    }
}
