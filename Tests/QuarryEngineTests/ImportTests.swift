import Foundation
import QuarryEngine
import Testing

/// Bulk import of neo4j-admin CSV folders: layout, types, and every malformed-file error with
/// its file, line and column.
struct ImportTests {
    /// Removed after each test.
    let scratch = TemporaryFolder()

    /// A fresh folder holding the given files.
    func folder(_ files: [String: String]) throws -> String {
        let dir = try scratch.subfolder()
        for (name, text) in files { try text.write(toFile: dir + "/" + name, atomically: true, encoding: .utf8) }
        return dir
    }

    func rows(_ graph: Graph, _ query: String) throws -> [String] {
        let result = try Database(graph: graph).execute(query)
        let r = ValueRenderer(elements: result.elements)
        return result.rows.map { $0.map(r.cypher).joined(separator: " | ") }
    }

    static let valid: [String: String] = [
        "Actor.csv": "id:ID(Actor),name,founded:int,score:float,active:boolean,since:date,aliases:string[]\n1,ISIS-K,2015,0.5,true,2015-01-26,ISKP;Islamic State Khorasan Province\n2,\"Taliban, the\",1994,,false,,\n",
        "Place.csv": "id:ID(Place),name,:LABEL\n1,Kabul,City;Capital\n",
        "ATTACKED__Actor_Place.csv": ":START_ID(Actor),:END_ID(Place),deaths:int\n1,1,7\n",
        "rels.csv": ":START_ID(Actor),:END_ID(Actor),:TYPE\n1,2,OPPOSES\n",
    ]

    @Test func importsTypedColumnsLabelsAndTypes() throws {
        let graph = try AdminImport.load(directory: try folder(Self.valid))
        #expect(graph.nodeCount == 3)
        #expect(graph.relationshipCount == 2)
        #expect(try rows(graph, "MATCH (a:Actor) RETURN a.id, a.name, a.founded, a.score, a.active, a.since, a.aliases ORDER BY a.id") == [
            "1 | 'ISIS-K' | 2015 | 0.5 | true | date('2015-01-26') | ['ISKP', 'Islamic State Khorasan Province']",
            "2 | 'Taliban, the' | 1994 | null | false | null | null",
        ])
        #expect(try rows(graph, "MATCH (p:City:Capital) RETURN p.name") == ["'Kabul'"])
        #expect(try rows(graph, "MATCH (:Actor)-[r:ATTACKED]->(p) RETURN r.deaths, p.name") == ["7 | 'Kabul'"])
        #expect(try rows(graph, "MATCH (a)-[:OPPOSES]->(b) RETURN a.name, b.name") == ["'ISIS-K' | 'Taliban, the'"])
    }

    /// Each malformed file stops the import with its place and reason.
    @Test(arguments: [
        ("Actor.csv", "id:ID(Actor),name\n1,a,extra\n", "Actor.csv:2:1", "3 fields but the header has 2"),
        ("Actor.csv", "id:ID(Actor),n:int\n1,seven\n", "Actor.csv:2:3", "'seven' is not an integer"),
        ("Actor.csv", "id:ID(Actor),name\n1,\"open\n", "Actor.csv:2:3", "never closed"),
        ("Actor.csv", "id:ID(Actor),name\n1,a\n1,b\n", "Actor.csv:3:1", "appears twice"),
        ("Actor.csv", "id:ID(Actor),d:date\n1,2022-13-01\n", "Actor.csv:2:3", "not a date"),
        ("Actor.csv", "id:ID(Actor),x:decimal\n1,2\n", "Actor.csv:1:14", "unknown column type"),
        ("R.csv", ":START_ID(Actor),:END_ID(Actor)\n1,99\n", "R.csv:2:3", "no node has the id 99"),
    ])
    func malformedFile(name: String, text: String, place: String, reason: String) throws {
        var files = ["Actor.csv": "id:ID(Actor),name\n1,a\n"]
        files[name] = text
        let dir = try folder(files)
        do {
            _ = try AdminImport.load(directory: dir)
            Issue.record("expected an error for \(name)")
        } catch {
            #expect(error.message.contains(place), "\(error.message)")
            #expect(error.message.contains(reason), "\(error.message)")
        }
    }

    /// Malformed graph files stop the import with their place.
    @Test(arguments: [
        ("g.jsonl", "{\"type\":\"node\",\"id\":1}\n{\"type\":\"node\",\"id\":1}\n", "g.jsonl:2:1", "appears twice"),
        ("g.jsonl", "{\"type\":\"relationship\",\"id\":1,\"label\":\"T\",\"start\":5,\"end\":6}\n", "g.jsonl:1:1", "not given before"),
        ("g.jsonl", "{\"type\": nope}\n", "g.jsonl:1:1", "not a JSON value"),
        ("g.graphml", "<graphml><graph edgedefault=\"directed\"><node id=\"a\"/>\n<edge source=\"a\" target=\"b\"/></graph></graphml>", "g.graphml:2:1", "which the file never defines"),
        ("g.graphml", "<graphml><graph>\n<node id=\"a\"></graph></graphml>", "g.graphml:2:14", "</graph> closes <node>"),
        ("g.dot", "digraph quarry {\n  n0 [quarry_properties=\"{a: }\"];\n}\n", "g.dot:2:3", "expected an expression"),
    ])
    func malformedGraphFile(name: String, text: String, place: String, reason: String) throws {
        let path = try folder([name: text]) + "/" + name
        do {
            _ = name.hasSuffix(".jsonl") ? try JSONLGraphFormat.read(path: path)
                : name.hasSuffix(".graphml") ? try GraphMLImport.read(path: path) : try DOTImport.read(path: path)
            Issue.record("expected an error for \(name)")
        } catch {
            #expect(error.message.contains(place), "\(error.message)")
            #expect(error.message.contains(reason), "\(error.message)")
        }
    }

    /// Found by fuzzing: Foundation's XML parser trapped on an element name that is not UTF-8.
    @Test func graphmlThatIsNotUTF8IsRefused() throws {
        let path = try folder(["bad.graphml": ""]) + "/bad.graphml"
        _ = FileManager.default.createFile(atPath: path, contents: Data([0x3C, 0xFF, 0x6E, 0x6F, 0x65]))
        let error = #expect(throws: QueryError.self) { try GraphMLImport.read(path: path) }
        #expect(error?.message == "\(path): is not UTF-8 text: byte 0xFF at line 1, column 2")
    }

    /// A property nested 5,000,000 deep once overflowed the stack; past 1,000 levels it is refused.
    @Test func deeplyNestedJSONIsRefused() throws {
        let deep = "{\"type\":\"node\",\"id\":1,\"labels\":[],\"properties\":{\"p\":" + String(repeating: "[", count: 5_000_000)
            + String(repeating: "]", count: 5_000_000) + "}}\n"
        let path = try folder(["deep.jsonl": deep]) + "/deep.jsonl"
        let error = #expect(throws: QueryError.self) { try JSONLGraphFormat.read(path: path) }
        #expect(error?.message.contains("nested more than 1000 deep") == true)
        #expect(throws: QueryError.self) { try JSONValueReader.parse(String(repeating: "[", count: 2_000) + String(repeating: "]", count: 2_000)) }
        #expect(throws: Never.self) { try JSONValueReader.parse(String(repeating: "[", count: 999) + String(repeating: "]", count: 999)) }
    }

    /// A missing folder, a file, and a folder of other files are errors; an empty folder is an
    /// empty graph (what `:export csv` writes of one).
    @Test func missingOrEmptyFolders() throws {
        #expect(throws: QueryError.self) { try AdminImport.load(directory: "/nonexistent/quarry") }
        #expect(try AdminImport.load(directory: try folder([:])).nodeCount == 0)
        let error = #expect(throws: QueryError.self) { try AdminImport.load(directory: try folder(["notes.txt": "not a graph\n"])) }
        #expect(error?.message.contains("holds no .csv files") == true)
        let file = try folder(["Actor.csv": "id:ID(Actor)\n1\n"]) + "/Actor.csv"
        #expect(throws: QueryError.self) { try AdminImport.load(directory: file) }
    }

    /// The benchmark generator's scale-S files load with the counts its manifest states.
    @Test func benchmarkScaleS() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let dir = scratch.file("bench-S")
        let gen = Process()
        gen.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        gen.arguments = ["python3", root.appendingPathComponent("bench/gen.py").path, "--scale", "S", "--out", dir]
        gen.standardOutput = FileHandle.nullDevice
        try gen.run()
        gen.waitUntilExit()
        try #require(gen.terminationStatus == 0)
        let graph = try AdminImport.load(directory: dir)
        let manifest = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: dir + "/manifest.json"))) as? [String: Any]
        #expect(graph.nodeCount == manifest?["nodes"] as? Int)
        #expect(graph.relationshipCount == manifest?["rels"] as? Int)
    }
}
