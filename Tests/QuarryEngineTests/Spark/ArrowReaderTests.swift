import Foundation
@testable import QuarryEngine
import Testing

/// Arrow IPC streams as a Spark Connect 4.3 server sent them (`ArrowSamples/`, one file per
/// `ArrowBatch`), decoded into Quarry values; damaged streams are errors, never traps.
struct ArrowReaderTests {
    static let samples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("ArrowSamples")

    static func sample(_ name: String) throws -> [UInt8] {
        Array(try Data(contentsOf: samples.appendingPathComponent(name + ".arrows")))
    }

    @Test func scalarsAndANullColumn() throws {
        let (columns, rows) = try ArrowStreamReader.read(Self.sample("select1-000"))
        #expect(columns == ["a", "b", "c"])
        #expect(rows.map { $0.map(\.literalText) } == [["1", "'x'", "null"]])
    }

    @Test func decimalsListsAndStructs() throws {
        var rows: [[Value]] = []
        for part in ["types5-000", "types5-001"] {
            let (columns, batch) = try ArrowStreamReader.read(Self.sample(part))
            #expect(columns == ["id", "f", "s", "b", "l", "st"])
            rows += batch
        }
        let expected = (0..<5).map { i in
            ["\(i)", Value.float(Double(i) * 1.5).literalText, "'\(i)'", i % 2 == 0 ? "true" : "false", "[\(i), \(i + 1)]", "{k: \(i)}"]
        }
        #expect(rows.map { $0.map(\.literalText) } == expected)
    }

    @Test func everyOtherColumnType() throws {
        let (columns, first) = try ArrowStreamReader.read(Self.sample("more-types-000"))
        #expect(columns == ["d", "r", "i", "h", "t", "dt", "ts", "m", "bin", "n", "s_nullable", "l_nullable"])
        #expect(first.map { $0.map(\.literalText) } == [["0.0", "0.0", "0", "0", "0", "date('2024-02-29')", "datetime('2024-02-29T12:34:56.789Z')",
                                                          "{k: 0}", "'6162'", "null", "'0'", "[0]"]])
        let (_, rest) = try ArrowStreamReader.read(Self.sample("more-types-001"))
        #expect(rest.map { Array($0.suffix(2)).map(\.literalText) } == [["null", "null"], ["'2'", "[2]"]])
        #expect(rest.map { $0[5].literalText } == ["date('2024-03-01')", "date('2024-03-02')"])
    }

    @Test func aLargeBatch() throws {
        let (columns, rows) = try ArrowStreamReader.read(Self.sample("range100k-009"))
        #expect(columns == ["id"])
        #expect(rows.count == 10_000)
        #expect(rows.first?.first?.literalText == "90000" && rows.last?.first?.literalText == "99999")
    }

    /// Every truncation and many single-byte changes of each sample: a value or an error.
    @Test func damagedStreamsAreErrors() throws {
        var rng = SystemRandomNumberGenerator()
        for name in ["select1-000", "types5-000", "more-types-000"] {
            let bytes = try Self.sample(name)
            for cut in stride(from: 0, to: bytes.count, by: 7) { _ = try? ArrowStreamReader.read(Array(bytes[..<cut])) }
            for _ in 0..<2_000 {
                var damaged = bytes
                damaged[Int.random(in: 0..<damaged.count, using: &rng)] = UInt8.random(in: 0...255, using: &rng)
                _ = try? ArrowStreamReader.read(damaged)
            }
        }
    }
}
