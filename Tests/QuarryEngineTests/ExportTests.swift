import Foundation
@testable import QuarryEngine
import Testing

/// Every export format read back gives the same graph (labels, types, properties and structure).
struct ExportTests {
    /// The default dataset plus values that are awkward to write: quotes, newlines, commas, empty
    /// strings, floats, every temporal type (zones by offset and by region), lists, backquoted names.
    static func sampleGraph() throws -> Graph {
        let db = Database(graph: try Database.datasetGraph(folder: CaseTests.datasetsRoot + "/kabul-restaurant-bombing", confined: false))
        _ = try db.execute("""
            CREATE (:Odd:`Two words` {quote: 'it\\'s "so"', lines: 'a\\nb', comma: 'x,y', empty: '', f: 1.5, big: 1e+20,
                    d: date('2021-08-15'), tags: ['a', 'b'], nums: [1, 2]})-[:`ODD TYPE` {w: 0.25}]->(:Odd {n: -7})
            CREATE (:When {lt: localtime('17:50:01.5'), t: time('17:50+04:30'), ldt: localdatetime('2021-08-26T17:50'),
                    dt: datetime('2021-08-26T17:50[Asia/Kabul]'), utc: datetime('2021-08-26T13:20Z'), dur: duration('P1Y2DT3.5S'),
                    times: [time('09:00Z'), time('10:00-01:00')], moments: [datetime('2017-10-29T02:30+01:00[Europe/Stockholm]')],
                    month: date.partial('2021-08'), year: date.partial('2021'), at: point({latitude: 34.53, longitude: 69.17}), xyz: point({x: 1, y: -2.5, z: 1e-3})})
            """)
        return db.graph
    }

    /// A multiset of node and relationship descriptions, independent of ids.
    static func fingerprint(_ graph: Graph) throws -> [String] {
        let db = Database(graph: graph)
        let nodes = try db.execute("MATCH (n) RETURN n")
        let rels = try db.execute("MATCH (a)-[r]->(b) RETURN a, r, b")
        let r = ValueRenderer(elements: ResultElements(of: (nodes.rows + rels.rows).flatMap { $0 }, in: graph))
        func canonicalNode(_ v: Value) -> String {
            guard case .node(let n) = v else { return r.cypher(v) }
            let labels = graph.labels(of: n).map { graph.labels.name($0) }.sorted().map { ":" + $0 }.joined()
            return "(" + labels + " " + r.cypher(v).drop { $0 != "{" && $0 != ")" } + ")"
        }
        return (nodes.rows.map { canonicalNode($0[0]) } + rels.rows.map { canonicalNode($0[0]) + r.cypher($0[1]) + canonicalNode($0[2]) }).sorted()
    }

    /// Removed after each test.
    let scratch = TemporaryFolder()

    func temporary(_ name: String) -> String { scratch.file("\(UUID().uuidString)-\(name)") }

    @Test func cypherRoundTrip() throws {
        let graph = try Self.sampleGraph()
        let script = CypherExport.write(Subgraph.whole(graph), of: graph)
        let db = Database()
        try db.runScript(script, name: "export.cypher")
        #expect(try Self.fingerprint(db.graph) == Self.fingerprint(graph))
        #expect(db.graph.indexes.isEmpty)
    }

    @Test func jsonlRoundTrip() throws {
        let graph = try Self.sampleGraph()
        let path = temporary("g.jsonl")
        try JSONLGraphFormat.write(Subgraph.whole(graph), of: graph).write(toFile: path, atomically: true, encoding: .utf8)
        #expect(try Self.fingerprint(JSONLGraphFormat.read(path: path)) == Self.fingerprint(graph))
    }

    @Test func csvRoundTrip() throws {
        let graph = try Self.sampleGraph()
        let folder = temporary("csv")
        try CSVExport.write(Subgraph.whole(graph), of: graph, to: folder)
        #expect(try Self.fingerprint(AdminImport.load(directory: folder)) == Self.fingerprint(graph))
    }

    @Test func graphmlRoundTrip() throws {
        let graph = try Self.sampleGraph()
        let path = temporary("g.graphml")
        try GraphMLExport.write(Subgraph.whole(graph), of: graph).write(toFile: path, atomically: true, encoding: .utf8)
        #expect(try Self.fingerprint(GraphMLImport.read(path: path)) == Self.fingerprint(graph))
    }

    @Test func dotRoundTrip() throws {
        let graph = try Self.sampleGraph()
        let path = temporary("g.dot")
        try DOTExport.write(Subgraph.whole(graph), of: graph).write(toFile: path, atomically: true, encoding: .utf8)
        #expect(try Self.fingerprint(DOTImport.read(path: path)) == Self.fingerprint(graph))
    }

    /// A query's nodes, relationships and paths, with the end nodes of its relationships.
    @Test func subgraphOfAQuery() throws {
        let db = Database(graph: try Self.sampleGraph())
        let result = try db.execute("MATCH p = (:Actor {name: 'ISIS-K'})-[:MADE]->(c:Claim) RETURN p")
        let sub = Subgraph.of(result, in: db.graph)
        #expect(sub.relationships.count == result.rows.count)
        #expect(sub.nodes.count == result.rows.count + 1)
    }

    /// The GraphML export validates against the GraphML structure schema (`Schemas/graphml.xsd`)
    /// with xmllint (Debian's libxml2-utils, which `make test` installs), and a broken file does not.
    @Test func graphmlValidatesAgainstTheSchema() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/xmllint") else {
            print("skipping the GraphML schema check: xmllint is missing (apt-get install libxml2-utils)")
            return
        }
        let graph = try Self.sampleGraph()
        let schema = CaseTests.packageRoot + "/Tests/QuarryEngineTests/Schemas/graphml.xsd"
        func validates(_ text: String) throws -> Bool {
            let path = temporary("g.graphml")
            try text.write(toFile: path, atomically: true, encoding: .utf8)
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/xmllint")
            process.arguments = ["--noout", "--schema", schema, path]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            process.waitUntilExit()
            return process.terminationStatus == 0
        }
        let text = GraphMLExport.write(Subgraph.whole(graph), of: graph)
        #expect(try validates(text))
        #expect(try !validates(text.replacingOccurrences(of: "edgedefault=\"directed\"", with: "")))
    }

    /// GraphML and DOT read back with networkx (from the machine's Python) to the same counts and
    /// attributes; skipped where networkx is missing.
    @Test(arguments: ["graphml", "dot"])
    func readableByNetworkx(format: String) throws {
        let graph = try Self.sampleGraph()
        let sub = Subgraph.whole(graph)
        let path = temporary("g." + format)
        let text = format == "graphml" ? GraphMLExport.write(sub, of: graph) : DOTExport.write(sub, of: graph)
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let reader = format == "graphml"
            ? "g = networkx.read_graphml(sys.argv[1]); print(g.number_of_nodes(), g.number_of_edges(), g.nodes['n0']['name'], g.nodes['n0']['labels'])"
            : "import networkx.drawing.nx_pydot as p; g = p.read_dot(sys.argv[1]); print(g.number_of_nodes(), g.number_of_edges())"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", "import sys, networkx; " + reader, path]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        let out = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        guard process.terminationStatus == 0 else {
            print("skipping the \(format) check: python3 with networkx\(format == "dot" ? " and pydot" : "") is not available")
            return
        }
        let expected = "\(sub.nodes.count) \(sub.relationships.count)"
        #expect(out.hasPrefix(expected), "\(out)")
        if format == "graphml" { #expect(out.contains("Afghanistan :Place"), "\(out)") }
    }
}
