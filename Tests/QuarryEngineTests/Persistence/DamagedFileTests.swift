import Foundation
@testable import QuarryEngine
import QuarryTestSupport
import Testing

/// A graph file cut short, with flipped bytes, from a future version, or not a graph file at all
/// is refused with an error naming the file and what is wrong, and nothing is overwritten.
struct DamagedFileTests {
    let folder = TemporaryFolder()

    /// A saved graph with several sections of each kind, and its section table.
    func savedFile() throws -> ([UInt8], [GraphFileFormat.Entry]) {
        let path = folder.file("good.quarry")
        try GraphFileWriter.save(GraphFileTests.awkwardGraph(), identity: .fresh(), to: path)
        let bytes = folder.bytes("good.quarry")
        var r = ByteReader(bytes, from: 40)
        let tableOffset = Int(try r.i64()), count = Int(try r.i64())
        var entries: [GraphFileFormat.Entry] = []
        var t = ByteReader(bytes, from: tableOffset)
        for _ in 0..<count {
            let kind = try t.u32(), size = Int(try t.u32()), offset = Int(try t.i64()), length = Int(try t.i64()), sum = try t.u64()
            entries.append(GraphFileFormat.Entry(section: GraphFileFormat.Section(rawValue: kind)!, elementSize: size, offset: offset, length: length, checksum: sum))
        }
        return (bytes, entries)
    }

    /// Opens `bytes` as a graph file (for writing, so the journal is involved too) and returns the
    /// error; checks that the file was left exactly as it was.
    func refusal(_ bytes: [UInt8], _ name: String = "bad.quarry") -> QueryError? {
        folder.write(name, bytes)
        defer { try? FileManager.default.removeItem(atPath: folder.file(name + ".wal")) }
        do {
            let db = Database()
            _ = try db.open(folder.file(name), readOnly: false)
            Issue.record("\(name) (\(bytes.count) bytes) opened")
            return nil
        } catch {
            let unchanged = folder.bytes(name) == bytes
            #expect(unchanged, "\(name) was changed by a failed open")
            #expect(error.errorClass == .storageError)
            #expect(error.message.hasPrefix(folder.file(name) + ":"), "the message names the file: \(error.message)")
            return error
        }
    }

    @Test func cutAtEverySectionBoundaryAndInTheHeader() throws {
        let (bytes, entries) = try savedFile()
        var cuts = Set([0, 1, 8, 40, 63, 64, bytes.count - 1, bytes.count - 8])
        for e in entries { cuts.formUnion([e.offset, e.offset + e.length / 2, e.offset + e.length]) }
        for cut in cuts.sorted() where cut < bytes.count {
            let error = refusal(Array(bytes[0..<cut]))
            #expect(error != nil, "cut at \(cut)")
        }
    }

    @Test func aFlippedByteInAnySectionIsFound() throws {
        let (bytes, entries) = try savedFile()
        var places = [9, 20, 33, 45, 50, 60, bytes.count - 3]
        for e in entries where e.length > 0 { places += [e.offset, e.offset + e.length - 1] }
        for place in places {
            var damaged = bytes
            damaged[place] ^= 0x10
            let error = refusal(damaged)
            #expect(error?.detail == "DamagedFile" || error?.detail == "UnsupportedVersion", "byte \(place): \(error?.message ?? "")")
        }
    }

    @Test func aFileFromAFutureVersion() throws {
        var (bytes, _) = try savedFile()
        bytes[8] = 2
        var header = ByteWriter()
        header.u64(XXHash64.hash(Array(bytes[0..<56])))
        bytes.replaceSubrange(56..<64, with: header.bytes)
        let error = refusal(bytes)
        #expect(error?.detail == "UnsupportedVersion" && error?.message.contains("newer Quarry") == true)
    }

    @Test func somethingElseEntirely() throws {
        for (name, bytes) in [("text.quarry", Array("MATCH (n) RETURN n;\n".utf8)), ("empty.quarry", []),
                              ("zeros.quarry", [UInt8](repeating: 0, count: 4096))] {
            let error = refusal(bytes, name)
            #expect(error?.detail == "NotAGraphFile", "\(name): \(error?.message ?? "")")
            #expect(!FileManager.default.fileExists(atPath: folder.file(name + ".wal")) || folder.bytes(name + ".wal").isEmpty)
        }
        let folderError = #expect(throws: QueryError.self) { try Database().open(folder.path, readOnly: false) }
        #expect(folderError?.message.contains("not a regular file") == true)
    }

    @Test func checkReportsSoundAndDamagedFiles() throws {
        let (bytes, entries) = try savedFile()
        let good = GraphStore.check(folder.file("good.quarry"))
        #expect(good.sound && good.lines.last == folder.file("good.quarry") + ": ok")
        var damaged = bytes
        damaged[entries[5].offset] ^= 1
        folder.write("bad.quarry", damaged)
        let bad = GraphStore.check(folder.file("bad.quarry"))
        #expect(!bad.sound && bad.lines.joined().contains("checksum does not match"))
    }
}
