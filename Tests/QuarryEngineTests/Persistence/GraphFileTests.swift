import Foundation
@testable import QuarryEngine
import QuarryTestSupport
import Testing

/// Graph files: what is saved comes back exactly, and a damaged or foreign file is refused with
/// its name and what is wrong, without being changed.
struct GraphFileTests {
    let folder = TemporaryFolder()

    /// Reference values from the xxHash reference implementation (Python's `xxhash` package).
    @Test func xxhash64MatchesTheReference() {
        let cases: [([UInt8], UInt64, UInt64)] = [
            ([], 0xEF46_DB37_51D8_E999, 0x95F0_626F_6F0A_4409),
            (Array("a".utf8), 0xD24E_C4F1_A98C_6E5B, 0xDC63_49D4_89E0_F965),
            (Array("abc".utf8), 0x44BC_2CF5_AD77_0999, 0x9E75_5206_1566_76D7),
            (Array(0..<100), 0x6AC1_E580_3216_6597, 0x8065_3E7E_9B88_7CDD),
            (Array(repeating: UInt8(ascii: "x"), count: 33), 0xB3FA_465F_5542_08A6, 0x9FBD_BD03_45DC_39C0),
        ]
        for (input, unseeded, seeded) in cases {
            #expect(XXHash64.hash(input) == unseeded)
            #expect(XXHash64.hash(input, seed: 7) == seeded)
        }
    }

    /// A graph with every column representation, deleted elements, relationships not yet folded
    /// into the adjacency block, removed labels and an index.
    static func awkwardGraph() -> Graph {
        var g = Graph()
        let person = g.labelID("Person"), place = g.labelID("Pl:ace; odd"), knows = g.typeID("KNOWS"), at = g.typeID("A B")
        let name = g.keyID("name"), age = g.keyID("age"), note = g.keyID("note"), serial = g.keyID("serial")
        var nodes: [NodeID] = []
        for i in 0..<300 {
            let n = g.createNode(labels: i % 3 == 0 ? [person, place] : [person])
            g.setNodeProperty(n, name, .string(i % 7 == 0 ? "" : "name \(i) é 漢字"))
            if i % 2 == 0 { g.setNodeProperty(n, age, .int(Int64(i) - 150)) }
            let mixed: [Value] = [.float(.nan), .float(-0.0), .bool(true), .list([.int(1), .string("x;y")]), .list([]),
                                  .date(DateValue(days: -719_000)), .string("s"), .int(Int64.min)]
            g.setNodeProperty(n, note, mixed[i % mixed.count])
            for (key, value) in temporalValues(i) where i % 5 != 1 { g.setNodeProperty(n, g.keyID(key), value) }
            nodes.append(n)
        }
        // Enough distinct strings that the column leaves its dictionary for the byte heap.
        for i in 0..<70_000 { g.setNodeProperty(nodes[i % nodes.count], serial, .string("s\(i)")) }
        for i in 0..<299 { _ = g.createRelationship(type: i % 2 == 0 ? knows : at, from: nodes[i], to: nodes[(i * 7) % 300]) }
        g.compact()
        for i in 0..<40 { _ = g.createRelationship(type: knows, from: nodes[i], to: nodes[i]) }
        g.setRelationshipProperty(3, g.keyID("since"), .int(2020))
        g.deleteRelationship(5)
        g.deleteRelationship(301)
        for r in g.relationships(of: nodes[10]) { g.deleteRelationship(r) }
        g.deleteNode(nodes[10])
        _ = g.removeLabel(nodes[3], place)
        _ = g.createIndex(name: nil, label: "Person", key: "age")
        return g
    }

    /// A value of each temporal type for node `i`: partial dates, date-times in two regions and
    /// at offsets, negative durations.
    static func temporalValues(_ i: Int) -> [(String, Value)] {
        let day = DateValue(days: Int64(i * 37 - 5000))
        let partial = DateValue(days: Int64(i * 400)).known(to: i % 2 == 0 ? .month : .year)
        let time = LocalTimeValue(wrapping: Int64(i) * 123_456_789_012)
        let local = LocalDateTimeValue(date: day, time: time)
        let zone = [TemporalZone(text: "Asia/Kabul"), TemporalZone(text: "Europe/Stockholm"), TemporalZone(text: "+05:45")][i % 3]!
        return [("born", .date(i % 4 == 0 ? partial : day)), ("clock", .localTime(time)), ("seen", .localDateTime(local)),
                ("opens", .time(TimeValue(time: time, offset: Int32(i % 10) * -1800))),
                ("at", .dateTime(DateTimeValue(local: local, zone: zone))),
                ("span", .duration(DurationValue(months: Int64(i) - 100, days: -Int64(i), seconds: Int64(i) * 1000, nanoseconds: Int64(i))))]
    }

    func roundTrip(_ g: Graph, _ name: String = "g.quarry") throws -> Graph {
        let path = folder.file(name)
        try GraphFileWriter.save(g, identity: .fresh(), to: path)
        return try GraphFileReader.load(path).0
    }

    /// Saves the graph to a graph file, opens it, and expects the same graph, indexes included.
    static func expectRoundTrip(_ g: Graph, _ what: String) throws {
        let folder = TemporaryFolder()
        let db = Database()
        try db.save(to: folder.file("round-trip.quarry"))
        try db.replaceGraph(g)
        db.close()
        let reopened = Database()
        _ = try reopened.open(folder.file("round-trip.quarry"), readOnly: true)
        let same = GraphDump.text(reopened.graph) == GraphDump.text(g)
        #expect(same, "\(what) changed through save and open")
        #expect(GraphIntegrity.problems(in: reopened.graph, full: true) == [], "\(what)")
    }

    @Test(arguments: ["kabul-restaurant-bombing", "uppsala-conflict-events", "world-news-events", "neo4j-movies"])
    func everyDatasetRoundTrips(_ name: String) throws {
        let sharedData = CaseTests.packageRoot + "/../shared/data"
        if name != "kabul-restaurant-bombing" && !FileManager.default.fileExists(atPath: sharedData) {
            print("everyDatasetRoundTrips: skipping \(name): \(sharedData) is absent")
            return
        }
        let graph = try Database.datasetGraph(folder: CaseTests.datasetsRoot + "/" + name, confined: false)
        #expect(graph.nodeCount > 0)
        try Self.expectRoundTrip(graph, "the dataset \(name)")
    }

    @Test func everyRepresentationRoundTrips() throws {
        let g = Self.awkwardGraph()
        #expect(g.nodeProperties[Int(g.keys.id("serial")!)].representation == .heap)
        let kinds: [String: TemporalKind] = ["born": .date, "clock": .localTime, "seen": .localDateTime, "opens": .time, "at": .dateTime, "span": .duration]
        for (key, kind) in kinds { #expect(g.nodeProperties[Int(g.keys.id(key)!)].representation == .temporal(kind), "\(key)") }
        let back = try roundTrip(g)
        #expect(GraphDump.text(back) == GraphDump.text(g))
        #expect(GraphIntegrity.problems(in: back, full: true).isEmpty)
        #expect(try roundTrip(Graph(), "empty.quarry").nodeCount == 0)
    }

    /// Relationship types are stored one byte wide up to 256 types, two bytes beyond.
    @Test func manyRelationshipTypesRoundTrip() throws {
        var g = Graph()
        let a = g.createNode(), b = g.createNode()
        for t in 0..<300 { _ = g.createRelationship(type: g.typeID("T\(t)"), from: t % 2 == 0 ? a : b, to: b) }
        g.compact()
        let back = try roundTrip(g)
        #expect(GraphDump.text(back) == GraphDump.text(g))
        #expect(back.type(of: 299) == 299)
    }

    @Test func reopeningAFileGivesTheSameGraphAndLaterWritesAgree() throws {
        let path = folder.file("case.quarry")
        let db = Database()
        _ = try db.open(path, readOnly: false)
        _ = try db.execute("CREATE (:A {x: 1})-[:R {w: 2.5}]->(:B {y: ['p', 'q']})")
        _ = try db.execute("CREATE INDEX FOR (a:A) ON (a.x)")
        _ = try db.execute("MATCH (b:B) SET b:C, b.z = date('2021-08') REMOVE b:B")
        let before = GraphDump.text(db.graph)
        db.close()
        let reopened = Database()
        _ = try reopened.open(path, readOnly: false)
        #expect(GraphDump.text(reopened.graph) == before)
        _ = try reopened.execute("CREATE (:A {x: 2})")
        #expect("\(try reopened.execute("MATCH (a:A) RETURN count(*)").rows)" == "[[QuarryEngine.Value.int(2)]]")
    }
}
