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
}
