@testable import QuarryEngine
import Testing

/// `find`'s index is kept while statements only read, and follows every change of the graph.
struct FindTests {
    @Test func theIndexFollowsTheGraphAndOnlyIt() throws {
        let db = Database()
        _ = try db.execute("CREATE (:Actor {name: 'Islamic State Khorasan Province', aliases: ['ISKP']}), (:Place {name: 'Kābul'})")
        #expect(try db.find("iskp").map(\.name) == ["Islamic State Khorasan Province"])
        #expect(try db.find("kabul").first?.match == .exact, "accents are ignored")
        let version = db.graphVersion
        _ = try db.execute("MATCH (n) RETURN count(n)")
        _ = try db.execute("MATCH (n:Nothing) RETURN n")
        #expect(db.graphVersion == version, "statements that only read keep the index")
        _ = try db.execute("CREATE (:Actor {name: 'Kabul Police'})")
        #expect(try db.find("kabul").map(\.name) == ["Kābul", "Kabul Police"])
        _ = try db.undoLastWrite()
        #expect(try db.find("kabul").map(\.name) == ["Kābul"])
        #expect(try db.find("islamic state khorasn provnce").first?.match == .twoEdits)
    }
}
