import Foundation
import QuarryEngine
import Testing

/// Scripts run by the engine (datasets, Cypher exports): statements and `:run`, errors placed by
/// file, line and column.
struct ScriptTests {
    /// Removed after each test.
    let scratch = TemporaryFolder()

    func folder() throws -> String { try scratch.subfolder() }

    @Test func statementsAndRun() throws {
        let dir = try folder()
        try "CREATE (:B {n: 2});\nCREATE (:B {n: 3})\n".write(toFile: dir + "/more.cypher", atomically: true, encoding: .utf8)
        let db = Database()
        try db.runScript("CREATE (:A {n: 1});\n:run more.cypher\nMATCH (b:B) SET b.seen = true;", name: dir + "/main.cypher")
        #expect(try db.execute("MATCH (b:B {seen: true}) RETURN count(*)").rows.first?.first.map { "\($0)" } == "int(2)")
    }

    @Test func anErrorSaysWhere() throws {
        let db = Database()
        do {
            try db.runScript("CREATE (:A);\n\nMATCH (a) RETURN b;", name: "s.cypher")
            Issue.record("no error")
        } catch {
            #expect(error.file == "s.cypher" && error.line == 3 && error.column == 18, "\(error)")
            #expect(error.error.detail == "UndefinedVariable")
        }
        #expect(db.graph.nodeCount == 1, "statements before the error stay")
    }

    @Test func shellCommandsAreRefusedAndRunStopsNesting() throws {
        let db = Database()
        #expect(throws: ScriptFailure.self) { try db.runScript(":output x.txt\nCREATE ();", name: nil) }
        #expect(db.graph.nodeCount == 0)
        let dir = try folder()
        try ":run self.cypher\n".write(toFile: dir + "/self.cypher", atomically: true, encoding: .utf8)
        do {
            try db.runScript(":run self.cypher", name: dir + "/main.cypher")
            Issue.record("no error")
        } catch {
            #expect(error.error.detail == "RunTooDeep")
        }
    }

    @Test func aConfinedDatasetReadsOnlyItsFolder() throws {
        let dir = try folder()
        try ":run ../elsewhere.cypher\n".write(toFile: dir + "/load.cypher", atomically: true, encoding: .utf8)
        do {
            _ = try Database.datasetGraph(folder: dir, confined: true)
            Issue.record("no error")
        } catch {
            #expect(error.error.detail == "OutsideDataset")
        }
    }
}
