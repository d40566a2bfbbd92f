import Foundation
import QuarryEngine
import QuarrySpark

/// The Quarry side of the event-graph benchmark: loads a CSV folder through the library, runs
/// each query of `queries.cypher` (warm-ups, then timed runs) and writes one JSON report with the
/// median times and the rows, in the format of `bench/kuzu_run.py`. With `--engine sc://HOST:PORT`
/// the queries run on that Spark Connect server over the folder instead (`bench/spark_compare.py`);
/// a query the Spark back end refuses is left out of the report; with `--parquet` as well, the
/// folder's files get Parquet copies first (`:spark convert`), which the measured session reads.
/// `first_query_s` is from the start of the session to the end of its first query's first run.
@main
struct QuarryBench {
    /// The work runs on a thread with a large stack, as in `quarry`, so that no query pays for
    /// the engine's hand-over to one.
    static func main() {
        let done = DispatchSemaphore(value: 0)
        let worker = Thread {
            runBenchmark()
            done.signal()
        }
        worker.stackSize = 1 << 29
        worker.start()
        done.wait()
    }

    static func runBenchmark() {
        let args = CommandLine.arguments
        func option(_ name: String, _ fallback: String? = nil) -> String? {
            guard let i = args.firstIndex(of: name), i + 1 < args.count else { return fallback }
            return args[i + 1]
        }
        guard let data = option("--data"), let queriesPath = option("--queries"), let out = option("--out") else {
            try? FileHandle.standardError.write(contentsOf: Data("usage: quarry-bench --data DIR --queries FILE --out FILE.json [--warmup 3] [--runs 20] [--index Label.key]... [--only Q01,Q02] [--engine sc://HOST:PORT [--parquet]]\n".utf8))
            exit(2)
        }
        let warmup = Int(option("--warmup", "3")!) ?? 3
        let runs = Int(option("--runs", "20")!) ?? 20
        let indexes = args.indices.filter { args[$0] == "--index" && $0 + 1 < args.count }.map { args[$0 + 1] }
        let only = option("--only").map { Set($0.split(separator: ",").map(String.init)) }
        do {
            let text = try String(contentsOfFile: queriesPath, encoding: .utf8)
            if let url = option("--engine"), args.contains("--parquet") {
                let converting = try SparkEngine(url: url, graph: data)
                defer { converting.close() }
                _ = try converting.convertToParquet(cancellation: nil)
            }
            let started = DispatchTime.now().uptimeNanoseconds
            var firstQuerySeconds: Double?
            let runner: Runner
            if let url = option("--engine") {
                runner = .spark(try SparkEngine(url: url, graph: data))
            } else {
                let database = Database(graph: try AdminImport.load(directory: data))
                for spec in indexes {
                    let parts = spec.split(separator: ".")
                    _ = try database.execute("CREATE INDEX FOR (n:`\(parts[0])`) ON (n.`\(parts[1])`)")
                }
                runner = .memory(database)
            }
            let loadSeconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
            var report: [String] = []
            for (name, query) in BenchmarkWorkload.queries(in: text) where only?.contains(name) ?? true {
                var times: [Double] = []
                var last: QueryResult?
                for i in 0..<(warmup + runs) {
                    let t0 = DispatchTime.now().uptimeNanoseconds
                    guard let result = try runner.run(query) else { break }
                    let ms = Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e6
                    if i >= warmup { times.append(ms) }
                    if firstQuerySeconds == nil { firstQuerySeconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9 }
                    last = result
                }
                times.sort()
                let median = times.isEmpty ? 0 : times[times.count / 2]
                guard let last else { continue }
                let r = ValueRenderer(elements: last.elements)
                let rows = last.rows.map { "[" + $0.map { r.json($0) }.joined(separator: ",") + "]" }.joined(separator: ",")
                let columns = last.columns.map(ValueRenderer.jsonString).joined(separator: ",")
                report.append("\(ValueRenderer.jsonString(name)):{\"ms\":\(median),\"columns\":[\(columns)],\"rows\":[\(rows)]}")
            }
            let json = "{\"engine\":\"quarry\",\"load_s\":\(loadSeconds),\"first_query_s\":\(firstQuerySeconds ?? 0),\"peak_rss_mb\":\(peakResidentMB()),\"queries\":{\(report.joined(separator: ","))}}\n"
            try json.write(toFile: out, atomically: true, encoding: .utf8)
        } catch let error as QueryError {
            try? FileHandle.standardError.write(contentsOf: Data("quarry-bench: \(error)\n".utf8))
            exit(1)
        } catch {
            try? FileHandle.standardError.write(contentsOf: Data("quarry-bench: \(error)\n".utf8))
            exit(2)
        }
    }

    /// Where the queries run.
    enum Runner {
        case memory(Database)
        case spark(SparkEngine)

        /// The result, or nil when the Spark back end refuses the query.
        func run(_ query: String) throws -> QueryResult? {
            switch self {
            case .memory(let database): return try database.execute(query)
            case .spark(let engine):
                do {
                    return try engine.execute(query)
                } catch {
                    if error.detail == "NotOnSpark" { return nil }
                    throw error
                }
            }
        }
    }

    static func peakResidentMB() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_maxrss) / 1024
    }
}
