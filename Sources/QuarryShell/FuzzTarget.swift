import Foundation
import QuarryEngine

/// What coverage-guided fuzzing (`make fuzz TARGET=NAME SECONDS=N`, `Sources/quarry-fuzz`) feeds
/// each input to, and what the tests replay every finding through (`Tests/Fuzz/findings/TARGET/`):
/// every input must end in a result or a `QueryError`, never a trap, a hang or a crash.
public enum FuzzTarget: String, CaseIterable, Sendable {
    /// Query text: parse, analyse and plan (EXPLAIN) on a small graph.
    case query
    /// Script text: split into statements and meta-commands.
    case script
    /// A CSV file, read to its end; then, split at its first NUL byte, a node file and a
    /// relationship file imported as a neo4j-admin folder (headers, typed fields, ids).
    case csv
    /// The graph exports read back by `:import`.
    case jsonl, graphml, dot
    /// A graph file and its journal, opened read-only.
    case graphfile

    /// The small graph that queries are planned against.
    nonisolated(unsafe) static let database: Database = {
        let db = Database()
        _ = try? db.execute("CREATE (:A {name: 'a', n: 1})-[:R {w: 2}]->(:B {name: 'b'}), (:A {name: 'c'})")
        return db
    }()

    /// Where file inputs are written to be read back.
    static let scratch: String = {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("quarry-fuzz-\(getpid())").path
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }()

    /// Runs one input through the target; it must come back (a result or an error).
    public func run(_ data: [UInt8]) {
        switch self {
        case .query:
            let text = String(decoding: data, as: UTF8.self)
            _ = try? FuzzTarget.database.execute("EXPLAIN " + text)
        case .script:
            _ = try? ScriptReader.items(String(decoding: data, as: UTF8.self))
        case .csv:
            var reader = CSVReader(data: data, file: "fuzz.csv")
            while case .some(.some) = try? reader.next() {}
            let folder = FuzzTarget.scratch + "/import"
            try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            let split = data.firstIndex(of: 0) ?? data.count
            _ = FileManager.default.createFile(atPath: folder + "/a_nodes.csv", contents: Data(data[..<split]))
            _ = FileManager.default.createFile(atPath: folder + "/b_rels.csv", contents: Data(data[min(split + 1, data.count)...]))
            _ = try? AdminImport.load(directory: folder)
        case .jsonl, .graphml, .dot, .graphfile:
            let path = FuzzTarget.scratch + "/input." + rawValue
            let bytes = self == .graphfile ? FuzzTarget.resealed(data) : data
            guard FileManager.default.createFile(atPath: path, contents: Data(bytes)) else { return }
            switch self {
            case .jsonl: _ = try? JSONLGraphFormat.read(path: path)
            case .graphml: _ = try? GraphMLImport.read(path: path)
            case .dot: _ = try? DOTImport.read(path: path)
            default: _ = GraphStore.check(path)
            }
        }
    }
}

extension FuzzTarget {
    /// A graph file with its checksums made right again (header, section table, each section
    /// the table names), so that mutations reach the structural checks behind them instead of
    /// all stopping at the first checksum. The layout is in docs/graph-file.md.
    public static func resealed(_ input: [UInt8]) -> [UInt8] {
        var bytes = input
        func integer(at offset: Int) -> Int? {
            guard offset >= 0, offset + 8 <= bytes.count else { return nil }
            return Int(truncatingIfNeeded: (0..<8).reduce(UInt64(0)) { $0 | UInt64(bytes[offset + $1]) << (8 * UInt64($1)) })
        }
        func store(_ value: UInt64, at offset: Int) {
            for i in 0..<8 { bytes[offset + i] = UInt8(truncatingIfNeeded: value >> (8 * UInt64(i))) }
        }
        guard bytes.count >= 64, let tableOffset = integer(at: 40), let count = integer(at: 48),
              count >= 0, count < 1 << 16, tableOffset >= 64, tableOffset <= bytes.count,
              count * 32 + 8 <= bytes.count - tableOffset else { return bytes }
        for entry in 0..<count {
            let at = tableOffset + entry * 32
            guard let offset = integer(at: at + 8), let length = integer(at: at + 16),
                  offset >= 0, length >= 0, offset <= bytes.count - length else { continue }
            store(XXHash64.hash(Array(bytes[offset..<offset + length])), at: at + 24)
        }
        let tableEnd = tableOffset + count * 32
        store(XXHash64.hash(Array(bytes[tableOffset..<tableEnd])), at: tableEnd)
        store(XXHash64.hash(Array(bytes[0..<56])), at: 56)
        return bytes
    }

}
