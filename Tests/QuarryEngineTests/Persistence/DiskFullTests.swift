import Foundation
@testable import QuarryEngine
import QuarryTestSupport
import Testing

/// Saving, journaling and exporting into a small file system that fills up: each fails with
/// "disk full", names the file, and leaves every earlier file as it was.
@Suite(.serialized)
struct DiskFullTests {
    let folder = TemporaryFolder()

    /// A 256 KiB tmpfs at `folder/small`, unmounted afterwards. Mounting needs root, which the
    /// test machines and CI have.
    func withSmallDisk(_ body: (String) throws -> Void) throws {
        let mountPoint = folder.file("small")
        try FileManager.default.createDirectory(atPath: mountPoint, withIntermediateDirectories: true)
        let mounted = Self.shell("mount", "-t", "tmpfs", "-o", "size=256k", "tmpfs", mountPoint)
        guard mounted == 0 else {
            Issue.record("cannot mount a small tmpfs at \(mountPoint) (status \(mounted)): these tests need root")
            return
        }
        defer { _ = Self.shell("umount", mountPoint) }
        try body(mountPoint)
    }

    static func shell(_ arguments: String...) -> Int32 {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = arguments
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        guard (try? p.run()) != nil else { return -1 }
        p.waitUntilExit()
        return p.terminationStatus
    }

    func files(in path: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted()
    }

    @Test func journalingOnAFullDiskFailsTheStatementAndKeepsTheGraph() throws {
        try withSmallDisk { disk in
            let path = disk + "/case.quarry"
            let db = Database()
            _ = try db.open(path, readOnly: false)
            var committed = GraphDump.text(db.graph)
            var failure: QueryError?
            for i in 0..<100 {
                do {
                    _ = try db.execute("CREATE (:Note {i: \(i), text: '\(String(repeating: "x", count: 8_000))'})")
                    committed = GraphDump.text(db.graph)
                } catch {
                    failure = error as? QueryError
                    break
                }
            }
            #expect(failure?.errorClass == .storageError)
            #expect(failure?.message.contains("disk full") == true && failure?.message.contains("not applied") == true)
            #expect(failure?.message.hasPrefix(path + ".wal") == true)
            #expect(GraphDump.text(db.graph) == committed, "the failed statement changed the graph")
            // A checkpoint on the full disk fails too, and the file stays as it was.
            let before = FileManager.default.contents(atPath: path)
            let save = #expect(throws: QueryError.self) { try db.save(to: nil) }
            #expect(save?.message.contains("disk full") == true)
            let unchanged = FileManager.default.contents(atPath: path) == before
            #expect(unchanged, "the graph file changed")
            #expect(files(in: disk) == ["case.quarry", "case.quarry.wal"], "no temporary file is left behind")
            db.store?.close()
            let reopened = Database()
            _ = try reopened.open(path, readOnly: false)
            #expect(GraphDump.text(reopened.graph) == committed)
            reopened.store?.close()
        }
    }

    @Test func savingAndExportingOnAFullDiskKeepTheOldFiles() throws {
        try withSmallDisk { disk in
            let small = Database()
            _ = try small.execute("CREATE (:N {i: 1})")
            try small.save(to: disk + "/old.quarry")
            small.close()
            try AtomicFile.write(disk + "/old.jsonl", text: "{}\n")
            let oldGraph = FileManager.default.contents(atPath: disk + "/old.quarry")

            let big = Database()
            _ = try big.execute("UNWIND range(1, 20000) AS i CREATE (:N {i: i, s: 'a string of some length ' + toString(i)})")
            let saved = #expect(throws: QueryError.self) { try big.save(to: disk + "/old.quarry") }
            #expect(saved?.message.contains("disk full") == true)
            let unchanged = FileManager.default.contents(atPath: disk + "/old.quarry") == oldGraph
            #expect(unchanged, "the old graph file changed")
            #expect(big.store == nil, "a failed save-as leaves the session where it was")

            let text = String(repeating: "line of an export\n", count: 30_000)
            let exported = #expect(throws: QueryError.self) { try AtomicFile.write(disk + "/old.jsonl", text: text) }
            #expect(exported?.message == disk + "/old.jsonl: cannot write: disk full")
            #expect(FileManager.default.contents(atPath: disk + "/old.jsonl") == Data("{}\n".utf8))
            #expect(files(in: disk).allSatisfy { !$0.contains(".tmp-") }, "no temporary file is left behind: \(files(in: disk))")
        }
    }

    /// A CSV export that fills the disk leaves the earlier export as it was (not a partial folder
    /// that would import as if it were whole) and no staging folder behind.
    @Test func aCSVExportOnAFullDiskKeepsTheOldFolder() throws {
        try withSmallDisk { disk in
            let small = Database()
            _ = try small.execute("CREATE (:N {i: 1})")
            try CSVExport.write(Subgraph.whole(small.graph), of: small.graph, to: disk + "/export")
            let before = files(in: disk + "/export").map { FileManager.default.contents(atPath: disk + "/export/" + $0) }

            let big = Database()
            _ = try big.execute("UNWIND range(1, 20000) AS i CREATE (:N {i: i, s: 'a string of some length ' + toString(i)})-[:R]->(:M)")
            let failed = #expect(throws: QueryError.self) { try CSVExport.write(Subgraph.whole(big.graph), of: big.graph, to: disk + "/export") }
            #expect(failed?.message.contains("disk full") == true, "\(failed?.message ?? "")")
            #expect(files(in: disk + "/export").map { FileManager.default.contents(atPath: disk + "/export/" + $0) } == before)
            #expect(files(in: disk) == ["export"], "only the old export is left: \(files(in: disk))")
        }
    }
}
