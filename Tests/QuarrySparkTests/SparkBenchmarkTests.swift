import Foundation
import QuarryEngine
@testable import QuarrySpark
import Testing

/// The benchmark's queries and those of `spark_queries.cypher`, at scale S on a real Spark Connect
/// server, give the rows the in-memory engine gives, from the CSV files and from their Parquet
/// copies. `make test` (and `.ci/run`) start the server and set QUARRY_SPARK_URL.
@Suite(.serialized) struct SparkBenchmarkTests {
    static let root: URL = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The scale-S workload made by bench/gen.py (deterministic) into a temporary folder.
    static func generate(_ name: String) throws -> String {
        let folder: String = FileManager.default.temporaryDirectory.appendingPathComponent("quarry-spark-\(name)-\(getpid())").path
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

    static var url: String? {
        let url = ProcessInfo.processInfo.environment["QUARRY_SPARK_URL"]
        if url == nil { print("SKIPPED: QUARRY_SPARK_URL is not set (make test starts a Spark Connect server with .ci/spark-server; it needs Java)") }
        return url
    }

    /// The queries on which `spark` and the in-memory engine over `folder` disagree, and how
    /// many were compared (those Spark refuses by name are not).
    static func differences(_ spark: SparkEngine, folder: String) throws -> (differences: [String], compared: Int) {
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
        return (differences, compared)
    }

    @Test func benchmarkQueriesGiveTheInMemoryRows() throws {
        guard let url = Self.url else { return }
        let folder = try Self.generate("S")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let spark = try SparkEngine(url: url, graph: folder)
        defer { spark.close() }
        let (differences, compared) = try Self.differences(spark, folder: folder)
        #expect(differences.isEmpty, "\(differences.joined(separator: "\n"))")
        #expect(compared >= 30)
    }

    /// `:spark convert`: every file gets a Parquet copy the next session reads, with the same
    /// rows; a file changed since its copy is read as CSV again, with its new rows.
    @Test func parquetCopiesGiveTheSameRows() throws {
        guard let url = Self.url else { return }
        let folder = try Self.generate("parquet")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let before = try SparkEngine(url: url, graph: folder)
        let converted = try before.convertToParquet(cancellation: nil)
        before.close()
        let files = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".csv") }
        #expect(Set(converted) == Set(files))
        let spark = try SparkEngine(url: url, graph: folder)
        let sources = spark.schema.sources
        #expect(sources.count == files.count && sources.allSatisfy { $0.copy != nil })
        let (differences, compared) = try Self.differences(spark, folder: folder)
        #expect(differences.isEmpty, "\(differences.joined(separator: "\n"))")
        #expect(compared >= 30)
        #expect(try spark.convertToParquet(cancellation: nil).isEmpty)
        let actors = try spark.execute("MATCH (a:Actor) RETURN count(*) AS n")
        spark.close()

        // A node file changed after its copy was made is read as CSV again.
        let file = (folder as NSString).appendingPathComponent(try #require(files.first { $0.lowercased().hasPrefix("actor") }))
        let handle = try #require(FileHandle(forUpdatingAtPath: file))
        handle.seekToEndOfFile()
        handle.write(Data("999999,Added After The Copy,state,1\n".utf8))
        handle.closeFile()
        let changed = try SparkEngine(url: url, graph: folder)
        defer { changed.close() }
        #expect(changed.schema.sources.first { $0.csv == file }?.copy == nil)
        let after = try changed.execute("MATCH (a:Actor) RETURN count(*) AS n")
        #expect(Self.lines(after, sorted: false) != Self.lines(actors, sorted: false))
        #expect(try Self.differences(changed, folder: folder).differences.isEmpty)
    }
}
