import Foundation
import QuarryEngine
import QuarrySpark

extension Session {
    /// `:engine` says where statements run; `:engine memory` and `:engine sc://HOST:PORT DIR`
    /// move them.
    func switchEngine(_ arg: String) -> String? {
        let words = arg.split(separator: " ", maxSplits: 1).map(String.init)
        switch words.first {
        case nil:
            if let spark {
                output("Statements run on Spark at \(spark.url), over \(spark.schema.folder) (\(spark.schema.nodes.count) node and \(spark.schema.relationships.count) relationship files).\n")
            } else {
                output("Statements run in memory.\n")
            }
            return nil
        case "memory"?:
            spark?.close()
            spark = nil
            output("Statements run in memory.\n")
            return nil
        case let url? where url.hasPrefix("sc://"):
            guard words.count == 2 else { return "usage: :engine sc://HOST:PORT DIR (the folder of CSV files Spark reads)" }
            do {
                let engine = try SparkEngine(url: url, graph: resolve(words[1]), cancellation: interrupt)
                spark?.close()
                spark = engine
                output("Statements run on Spark at \(url), over \(engine.schema.folder).\n")
                return nil
            } catch {
                return error.message
            }
        default:
            return "usage: :engine [memory|sc://HOST:PORT DIR]"
        }
    }

    /// `:spark` lists where each file of the graph is read from; `:spark convert` has the cluster
    /// write Parquet copies of those read as CSV, then starts a session that reads them.
    func sparkCommand(_ arg: String) -> String? {
        guard let spark else { return "statements run in memory; :engine sc://HOST:PORT DIR runs them on Spark first" }
        switch arg.lowercased() {
        case "":
            let tables = spark.schema.sources
            var text = "The files of \(spark.schema.folder), as this session reads them:\n"
            for source in tables {
                text += "  \(source.name): " + (source.copy != nil ? "its Parquet copy" : source.copyIsStale ? "CSV (changed since its Parquet copy was made)" : "CSV") + "\n"
            }
            if tables.contains(where: { $0.copy == nil }) { text += ":spark convert writes Parquet copies of the files read as CSV.\n" }
            output(text)
            return nil
        case "convert":
            let started = DispatchTime.now()
            do {
                let converted = try spark.convertToParquet(cancellation: interrupt)
                guard !converted.isEmpty else {
                    output("Every file already has a current Parquet copy.\n")
                    return nil
                }
                let engine = try SparkEngine(url: spark.url, graph: spark.schema.folder, cancellation: interrupt)
                spark.close()
                self.spark = engine
                let seconds = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9
                output("Converted \(converted.count) file\(converted.count == 1 ? "" : "s") to Parquet in \(String(format: "%.1f", seconds)) s (in \(engine.schema.copies.folder)); statements now read the copies.\n")
                return nil
            } catch {
                return error.message
            }
        default:
            return "usage: :spark [convert]"
        }
    }
}
