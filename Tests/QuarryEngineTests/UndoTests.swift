import Foundation
@testable import QuarryEngine
import QuarryTestSupport
import Testing

/// `:undo` takes back the last write statement that changed the graph: every kind of change
/// (the statements of `RollbackTests`), after reads that may have compacted the adjacency, in
/// memory and in a graph file that is reopened.
struct UndoTests {
    let folder = TemporaryFolder()

    @Test(arguments: RollbackTests.statements)
    func undoLeavesTheGraphAsBeforeTheStatement(_ statement: String) throws {
        let db = Database()
        try RollbackTests.run(db, RollbackTests.setUp)
        let before = GraphDump.text(db.graph)
        let (labels, types, keys) = (db.graph.labels.names, db.graph.types.names, db.graph.keys.names)
        let seen = try RollbackTests.observed(db)
        _ = try db.execute(statement)
        _ = try RollbackTests.observed(db)
        let undone = try db.undoLastWrite()
        #expect(undone?.text == statement)
        #expect(GraphDump.text(db.graph) == before)
        #expect(db.graph.labels.names == labels && db.graph.types.names == types && db.graph.keys.names == keys)
        #expect(try RollbackTests.observed(db) == seen)
        #expect(GraphIntegrity.problems(in: db.graph, full: true).isEmpty)
        #expect(try db.undoLastWrite() == nil, "one level: a second :undo finds nothing")
    }

    @Test(arguments: RollbackTests.statements)
    func undoInAGraphFileSurvivesReopening(_ statement: String) throws {
        let path = folder.file("case.quarry")
        let db = Database()
        _ = try db.open(path, readOnly: false)
        try RollbackTests.run(db, RollbackTests.setUp)
        let before = GraphDump.text(db.graph)
        _ = try db.execute(statement)
        #expect(try db.undoLastWrite() != nil)
        #expect(GraphDump.text(db.graph) == before)
        // Crash-like: the lock released without a checkpoint; the file alone must hold the undo.
        db.store?.close()
        let reopened = Database()
        _ = try reopened.open(path, readOnly: false)
        #expect(GraphDump.text(reopened.graph) == before)
        _ = reopened.close()
    }

    @Test func aStatementThatChangedNothingKeepsTheOneBefore() throws {
        let db = Database()
        _ = try db.execute("CREATE (:P {n: 1})")
        _ = try db.execute("MATCH (n:Missing) SET n:Other, n.key = 1")
        #expect(!db.graph.labels.names.contains("Other"), "names interned by a statement that changed nothing are taken back")
        #expect(try db.undoLastWrite()?.text == "CREATE (:P {n: 1})")
        #expect(db.graph.nodeCount == 0)
    }

    @Test func replacingTheGraphForgetsTheLastWrite() throws {
        let db = Database()
        _ = try db.execute("CREATE (:P)")
        try db.replaceGraph(Graph())
        #expect(try db.undoLastWrite() == nil)
        _ = try db.execute("CREATE (:P)")
        _ = try db.execute("CREATE INDEX FOR (p:P) ON (p.n)")
        #expect(try db.undoLastWrite() == nil, "an index change is not undone by :undo (DROP INDEX is)")
    }
}
