import QuarryEngine
import Testing

/// The completion lookups: keys of a label and text values by prefix, whatever the column's
/// representation, with and without an index.
struct CatalogTests {
    static func database() throws -> Database {
        let db = Database()
        _ = try db.execute("UNWIND range(1, 300) AS i CREATE (:Actor {name: 'Actor ' + (i % 7), serial: 'S' + i, n: i})")
        _ = try db.execute("UNWIND range(1, 300) AS i CREATE (:Event {name: 'Attack ' + (i % 5), date: '2021'})")
        _ = try db.execute("UNWIND range(1, 20000) AS i CREATE (:Filler)")
        _ = try db.execute("CREATE (:Actor {rare: 'Beijing'}), (:Event {rare: 'Kabul'})")
        return db
    }

    @Test func keysOfALabel() throws {
        let g = try Self.database().graph
        #expect(g.propertyKeys(ofLabel: "Actor") == ["n", "name", "rare", "serial"])
        #expect(g.propertyKeys(ofLabel: "Event") == ["date", "name", "rare"])
        #expect(g.propertyKeys(ofLabel: "Filler").isEmpty)
        #expect(g.propertyKeys(ofLabel: "Nothing").isEmpty)
    }

    @Test func textValuesByPrefix() throws {
        let db = try Self.database()
        for indexed in [false, true] {
            if indexed { _ = try db.execute("CREATE INDEX FOR (a:Actor) ON (a.name)") }
            let g = db.graph
            #expect(g.textValues(ofKey: "name", label: "Actor", prefix: "actor 1", limit: 10) == ["Actor 1"], "indexed: \(indexed)")
            #expect(g.textValues(ofKey: "name", label: "Actor", prefix: "At", limit: 10).isEmpty, "Event names are not offered")
            let some = g.textValues(ofKey: "name", label: nil, prefix: "At", limit: 3)
            #expect(some.count == 3 && some.allSatisfy { $0.hasPrefix("Attack ") }, "the first three found: \(some)")
            #expect(g.textValues(ofKey: "name", label: nil, prefix: "At", limit: 10).count == 5)
        }
        let g = db.graph
        #expect(g.textValues(ofKey: "serial", label: "Actor", prefix: "s29", limit: 100) == ["S29", "S290", "S291", "S292", "S293", "S294", "S295", "S296", "S297", "S298", "S299"])
        #expect(g.textValues(ofKey: "rare", label: "Actor", prefix: "", limit: 10) == ["Beijing"])
        #expect(g.textValues(ofKey: "rare", label: "Event", prefix: "k", limit: 10) == ["Kabul"])
        #expect(g.textValues(ofKey: "n", label: "Actor", prefix: "", limit: 10).isEmpty, "integers are not text")
    }
}
