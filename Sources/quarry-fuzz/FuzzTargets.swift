import Foundation
import QuarryEngine
import QuarryShell

/// Coverage-guided fuzzing with libFuzzer (`make fuzz TARGET=NAME SECONDS=N`). One binary, the
/// target chosen by `QUARRY_FUZZ_TARGET`: every input must end in a result or a `QueryError`,
/// never a trap, a hang or a crash.
enum FuzzTarget: String, CaseIterable {
    /// Query text: parse, analyse and plan (EXPLAIN) on a small graph.
    case query
    /// Script text: split into statements and meta-commands.
    case script
    /// A CSV file, read to its end.
    case csv
    /// The graph exports read back by `:import`.
    case jsonl, graphml, dot
    /// A graph file and its journal, opened read-only.
    case graphfile

    nonisolated(unsafe) static var current = FuzzTarget.query
    nonisolated(unsafe) static var database = Database()
    static let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("quarry-fuzz-\(getpid())").path

    func run(_ data: [UInt8]) {
        switch self {
        case .query:
            let text = String(decoding: data, as: UTF8.self)
            _ = try? FuzzTarget.database.execute("EXPLAIN " + text)
        case .script:
            _ = try? ScriptReader.items(String(decoding: data, as: UTF8.self))
        case .csv:
            var reader = CSVReader(data: data, file: "fuzz.csv")
            while case .some(.some) = try? reader.next() {}
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
    static func resealed(_ input: [UInt8]) -> [UInt8] {
        var bytes = input
        func integer(at offset: Int) -> Int? {
            guard offset >= 0, offset + 8 <= bytes.count else { return nil }
            return Int(truncatingIfNeeded: (0..<8).reduce(UInt64(0)) { $0 | UInt64(bytes[offset + $1]) << (8 * UInt64($1)) })
        }
        func store(_ value: UInt64, at offset: Int) {
            for i in 0..<8 { bytes[offset + i] = UInt8(truncatingIfNeeded: value >> (8 * UInt64(i))) }
        }
        guard bytes.count >= 64, let tableOffset = integer(at: 40), let count = integer(at: 48),
              count >= 0, count < 1 << 16, tableOffset >= 64, tableOffset + count * 32 + 8 <= bytes.count else { return bytes }
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

    /// Chooses the target from `QUARRY_FUZZ_TARGET` and prepares its graph and scratch folder.
    static func setUp() {
        let name = ProcessInfo.processInfo.environment["QUARRY_FUZZ_TARGET"] ?? "query"
        guard let target = FuzzTarget(rawValue: name) else {
            StandardStream.error("quarry-fuzz: QUARRY_FUZZ_TARGET must be one of \(allCases.map(\.rawValue).joined(separator: ", "))\n")
            exit(2)
        }
        current = target
        try? FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
        _ = try? database.execute("CREATE (:A {name: 'a', n: 1})-[:R {w: 2}]->(:B {name: 'b'}), (:A {name: 'c'})")
    }
}

@_cdecl("LLVMFuzzerInitialize")
public func fuzzInitialize(_ argc: UnsafeMutableRawPointer, _ argv: UnsafeMutableRawPointer) -> Int32 {
    FuzzTarget.setUp()
    return 0
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    FuzzTarget.current.run(Array(UnsafeBufferPointer(start: data, count: size)))
    return 0
}

#if FUZZING
@_silgen_name("LLVMFuzzerRunDriver")
func runFuzzerDriver(_ argc: UnsafeMutablePointer<Int32>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
                     _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> Int32) -> Int32

/// SwiftPM makes the module's entry point the program's `main`, so libFuzzer's own is not used:
/// this one hands over to libFuzzer's driver.
@main
struct Fuzz {
    static func main() {
        var argc = CommandLine.argc
        var argv = CommandLine.unsafeArgv
        exit(runFuzzerDriver(&argc, &argv, fuzzOneInput))
    }
}
#else
/// Built without libFuzzer (`swift build`), the binary replays inputs: `QUARRY_FUZZ_TARGET=csv
/// quarry-fuzz crash-123 ...` runs each file through the target once, to reproduce a finding.
@main
struct Replay {
    static func main() {
        FuzzTarget.setUp()
        for path in CommandLine.arguments.dropFirst() {
            guard let data = FileManager.default.contents(atPath: path) else {
                print("\(path): cannot be read")
                continue
            }
            FuzzTarget.current.run([UInt8](data))
            print("\(path): ok")
        }
    }
}
#endif
