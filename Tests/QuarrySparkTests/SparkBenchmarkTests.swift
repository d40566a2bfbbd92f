import Foundation
import QuarryEngine
@testable import QuarrySpark
import Testing

/// The benchmark's queries and those of `spark_queries.cypher`, at scale S on a real Spark Connect
/// server, give the rows the in-memory engine gives. `make test` (and `.ci/run`) start the server and set QUARRY_SPARK_URL.
struct SparkBenchmarkTests {
    static let root: URL = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The scale-S workload made by bench/gen.py (deterministic) into a temporary folder.
    static func generate() throws -> String {
        let folder: String = FileManager.default.temporaryDirectory.appendingPathComponent("quarry-spark-S-\(getpid())").path
        let gen = Process()
        gen.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        gen.arguments = ["python3", root.appendingPathComponent("bench/gen.py").path, "--scale", "S", "--out", folder]
        gen.standardOutput = FileHandle.nullDevice
        try gen.run()
        gen.waitUntilExit()
        return folder
    }

    /// A result's rows as text, one line each.
    static func lines(_ result: QueryResult, sorted: Bool) -> [String] {
        var out: [String] = []
        for row in result.rows {
            var cells: [String] = []
            for v in row { cells.append(v.literalText) }
            out.append(cells.joined(separator: " | "))
        }
        return sorted ? out.sorted() : out
    }

    @Test func benchmarkQueriesGiveTheInMemoryRows() throws {
        guard let url = ProcessInfo.processInfo.environment["QUARRY_SPARK_URL"] else {
            print("SKIPPED: QUARRY_SPARK_URL is not set (make test starts a Spark Connect server with .ci/spark-server; it needs Java)")
            return
        }
        let folder = try Self.generate()
        let spark = try SparkEngine(url: url, graph: folder)
        defer { spark.close() }
        let memory = Database(graph: try AdminImport.load(directory: folder))
        let bench = try String(contentsOf: Self.root.appendingPathComponent("bench/queries.cypher"), encoding: .utf8)
        let more = try String(contentsOf: URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("spark_queries.cypher"), encoding: .utf8)
        var differences: [String] = []
        var compared = 0
        for (name, query) in BenchmarkWorkload.queries(in: bench) + BenchmarkWorkload.queries(in: more) {
            let expected = try memory.execute(query)
            let got: QueryResult
            do {
                got = try spark.execute(query)
            } catch {
                if error.detail == "NotOnSpark" {
                    print("\(name): \(error.message)")
                    continue
                }
                throw error
            }
            compared += 1
            let ordered = query.contains("ORDER BY")
            if got.columns != expected.columns || Self.lines(got, sorted: !ordered) != Self.lines(expected, sorted: !ordered) {
                differences.append("\(name): Spark gave \(Self.lines(got, sorted: !ordered).prefix(5)), in memory \(Self.lines(expected, sorted: !ordered).prefix(5))")
            }
        }
        #expect(differences.isEmpty, "\(differences.joined(separator: "\n"))")
        #expect(compared >= 30)
    }
}
