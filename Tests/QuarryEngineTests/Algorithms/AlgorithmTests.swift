import Foundation
import QuarryEngine
import QuarryTestSupport
import Testing

/// The algorithms against networkx on the same graphs (random ones with loops and parallel
/// relationships, and the default dataset): degrees and components exactly, PageRank within 1e-6
/// relative. Skipped, saying so, when python3 or networkx is missing.
struct AlgorithmTests {
    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("networkx_check.py").path

    static func networkx(nodes: [Int], edges: [(Int, Int)]) throws -> [String: [String: Double]]? {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("quarry-algo-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try nodes.map(String.init).joined(separator: "\n").write(to: dir.appendingPathComponent("nodes"), atomically: true, encoding: .utf8)
        try edges.map { "\($0.0) \($0.1)" }.joined(separator: "\n").write(to: dir.appendingPathComponent("edges"), atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script, dir.appendingPathComponent("nodes").path, dir.appendingPathComponent("edges").path]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = Pipe()
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            print("AlgorithmTests: skipping the networkx comparison: python3 with networkx is not available")
            return nil
        }
        let json = try JSONSerialization.jsonObject(with: data) as? [String: [String: Double]]
        return json
    }

    /// `id(node) -> value` for an algorithm's output column.
    static func quarry(_ db: Database, _ call: String, _ column: String) throws -> [String: Double] {
        let result = try db.execute("CALL \(call) YIELD node, \(column) RETURN id(node) AS id, \(column) AS v")
        var out: [String: Double] = [:]
        for row in result.rows {
            guard case .int(let id) = row[0] else { continue }
            switch row[1] {
            case .int(let i): out[String(id)] = Double(i)
            case .float(let d): out[String(id)] = d
            default: break
            }
        }
        return out
    }

    static func compare(_ db: Database, name: String) throws {
        let nodes = try db.execute("MATCH (n) RETURN id(n)").rows.compactMap { row -> Int? in
            if case .int(let i) = row[0] { return Int(i) }
            return nil
        }
        let edges = try db.execute("MATCH (a)-[r]->(b) RETURN id(a), id(b)").rows.compactMap { row -> (Int, Int)? in
            guard case .int(let a) = row[0], case .int(let b) = row[1] else { return nil }
            return (Int(a), Int(b))
        }
        guard let expected = try networkx(nodes: nodes, edges: edges) else { return }
        #expect(try quarry(db, "algo.degree({})", "score") == expected["out"], "\(name): out-degree")
        #expect(try quarry(db, "algo.degree({direction: 'IN'})", "score") == expected["in"], "\(name): in-degree")
        #expect(try quarry(db, "algo.degree({direction: 'BOTH'})", "score") == expected["both"], "\(name): degree")
        #expect(try quarry(db, "algo.wcc({})", "componentId") == expected["wcc"], "\(name): weakly connected components")
        #expect(try quarry(db, "algo.scc({})", "componentId") == expected["scc"], "\(name): strongly connected components")
        #expect(try quarry(db, "algo.triangleCount({})", "triangles") == expected["triangles"], "\(name): triangles")
        #expect(try quarry(db, "algo.kCore({})", "coreness") == expected["core"], "\(name): core numbers")
        let clustering = try quarry(db, "algo.triangleCount({})", "coefficient")
        for (id, w) in expected["clustering"] ?? [:] {
            #expect(abs((clustering[id] ?? .nan) - w) <= 1e-12, "\(name): clustering of \(id)")
        }
        if let source = nodes.min() {
            let result = try db.execute("MATCH (s) WHERE id(s) = $source CALL algo.khop({sourceNode: s, maxHops: 2}) YIELD node, distance RETURN id(node), distance",
                                        parameters: ["source": .int(Int64(source))])
            var hops: [String: Double] = [:]
            for row in result.rows {
                if case .int(let id) = row[0], case .int(let d) = row[1] { hops[String(id)] = Double(d) }
            }
            #expect(hops == expected["khop"], "\(name): nodes within two hops")
            let costs = try db.execute("""
                MATCH (s) WHERE id(s) = $source MATCH (t) CALL algo.dijkstra({sourceNode: s, targetNode: t}) YIELD path, cost
                RETURN id(t), cost, length(path)
                """, parameters: ["source": .int(Int64(source))])
            var dijkstra: [String: Double] = [:]
            for row in costs.rows {
                if case .int(let id) = row[0], case .float(let c) = row[1], case .int(let hops) = row[2] {
                    dijkstra[String(id)] = c
                    #expect(Double(hops) == c, "\(name): unweighted, the cost is the path's length")
                }
            }
            #expect(dijkstra == expected["dijkstra"], "\(name): Dijkstra from \(source)")
            let all = try db.execute("""
                MATCH (s) WHERE id(s) = $source MATCH (t) CALL algo.allShortestPaths({sourceNode: s, targetNode: t}) YIELD path
                WITH t, [n IN nodes(path) | id(n)] AS route RETURN id(t), count(DISTINCT route)
                """, parameters: ["source": .int(Int64(source))])
            var counts: [String: Double] = [:]
            for row in all.rows { if case .int(let id) = row[0], case .int(let c) = row[1] { counts[String(id)] = Double(c) } }
            #expect(counts == expected["all_shortest"], "\(name): the number of shortest routes from \(source)")
        }
        for (call, key) in [("algo.betweenness({})", "betweenness"), ("algo.betweenness({direction: 'BOTH'})", "betweenness_both"),
                            ("algo.closeness({})", "closeness")] {
            let got = try quarry(db, call, "score")
            for (id, w) in expected[key] ?? [:] {
                #expect(abs((got[id] ?? .nan) - w) <= 1e-9 * max(1, abs(w)), "\(name): \(call) of \(id): \(got[id] ?? .nan) against networkx's \(w)")
            }
        }
        let similar = try db.execute("CALL algo.similarity({direction: 'BOTH', topK: 100000}) YIELD node1, node2, similarity RETURN id(node1), id(node2), similarity")
        var jaccard: [String: Double] = [:]
        for row in similar.rows {
            if case .int(let a) = row[0], case .int(let b) = row[1], case .float(let j) = row[2] { jaccard["\(a) \(b)"] = j }
        }
        let wantedJaccard = expected["jaccard"] ?? [:]
        #expect(Set(jaccard.keys) == Set(wantedJaccard.keys), "\(name): the pairs sharing a neighbour")
        for (pair, j) in wantedJaccard { #expect(abs((jaccard[pair] ?? .nan) - j) <= 1e-12, "\(name): Jaccard of \(pair)") }
        let louvain = try db.execute("CALL algo.louvain({}) YIELD modularity RETURN max(modularity)").rows.first?.first
        if case .float(let q)? = louvain, let nx = expected["louvain"] {
            print("\(name): Louvain modularity \(q); networkx's over seeds 0-4: \(nx["min"] ?? 0) to \(nx["max"] ?? 0)")
            #expect(q >= (nx["min"] ?? 0) - 1e-9, "\(name): Louvain's modularity \(q) below networkx's lowest \(nx["min"] ?? 0)")
        }
        let ranks = try quarry(db, "algo.pageRank({iterations: 100, tolerance: 1e-6})", "score")
        let wanted = expected["pagerank"] ?? [:]
        #expect(ranks.count == wanted.count, "\(name): PageRank covers every node")
        for (id, w) in wanted {
            let got = ranks[id] ?? .nan
            #expect(abs(got - w) <= 1e-6 * abs(w), "\(name): PageRank of \(id): \(got) against networkx's \(w)")
        }
    }

    @Test(arguments: [1, 2, 3])
    func randomGraphsAgreeWithNetworkx(seed: UInt64) throws {
        var random = SplitMix64(seed: seed)
        let db = Database()
        let n = 200 + Int(random.next() % 200)
        _ = try db.execute("UNWIND range(1, \(n)) AS i CREATE (:N {i: i})")
        var pairs: [[Int]] = []
        for _ in 0..<(n * 3) {
            // A few hubs, some loops and parallel relationships, some nodes left alone.
            let a = Int(random.next() % UInt64(n)) + 1
            let b = random.next() % 5 == 0 ? Int(random.next() % 10) + 1 : Int(random.next() % UInt64(n - 20)) + 1
            pairs.append([a, b])
        }
        _ = try db.execute("UNWIND $pairs AS p MATCH (a:N {i: p[0]}), (b:N {i: p[1]}) CREATE (a)-[:R]->(b)",
                           parameters: ["pairs": .list(pairs.map { .list($0.map { .int(Int64($0)) }) })])
        try Self.compare(db, name: "random graph \(seed)")
    }

    /// The datasets: the default one always, the Neo4j movies graph and the UCDP graph when
    /// `../shared/data` is there.
    @Test(arguments: ["kabul-restaurant-bombing", "neo4j-movies", "uppsala-conflict-events"])
    func datasetsAgreeWithNetworkx(_ name: String) throws {
        let sharedData = CaseTests.packageRoot + "/../shared/data"
        if name != "kabul-restaurant-bombing" && !FileManager.default.fileExists(atPath: sharedData) {
            print("AlgorithmTests: skipping \(name): \(sharedData) is absent")
            return
        }
        let db = Database(graph: try Database.datasetGraph(folder: CaseTests.datasetsRoot + "/" + name, confined: false))
        try Self.compare(db, name: name)
    }
}
