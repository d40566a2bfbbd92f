import Foundation
@testable import QuarryEngine
import QuarryTestSupport
import Testing

/// The journal: committed statements survive a crash, a record cut short by one is dropped with a
/// notice, damage before the last record and journals of other files are refused, and failed
/// statements write nothing.
struct JournalTests {
    let folder = TemporaryFolder()

    /// Opens `name` in a new database.
    func open(_ name: String, readOnly: Bool = false) throws(QueryError) -> (Database, [String]) {
        let db = Database()
        let notices = try db.open(folder.file(name), readOnly: readOnly)
        return (db, notices)
    }

    /// Leaves the database as a crash would: the lock released, no checkpoint.
    func crash(_ db: Database) {
        db.store?.close()
    }

    /// Where the records of the open journal end (the file goes on with zeros, room made ahead).
    func journalEnd(_ db: Database) -> Int { db.store?.journal?.size ?? 0 }

    @Test func committedStatementsSurviveACrash() throws {
        let (db, _) = try open("case.quarry")
        _ = try db.execute("CREATE (:P {n: 1}), (:P {n: 2})")
        _ = try db.execute("MATCH (p:P {n: 1}) CREATE (p)-[:R]->(:Q {s: 'x'})")
        _ = try db.execute("CREATE INDEX FOR (p:P) ON (p.n)")
        _ = try db.execute("MATCH (p:P {n: 2}) DETACH DELETE p")
        _ = try db.execute("MATCH (q:Q) SET q.s = null, q:Z REMOVE q:Q")
        let expected = GraphDump.text(db.graph)
        #expect(journalEnd(db) > Journal.headerSize)
        crash(db)
        let (reopened, notices) = try open("case.quarry")
        #expect(GraphDump.text(reopened.graph) == expected)
        #expect(notices == ["Recovered 5 statements from the journal \(folder.file("case.quarry.wal"))."])
        #expect(GraphIntegrity.problems(in: reopened.graph, full: true).isEmpty)
    }

    /// A record larger than the room made ahead (written in two parts, the room after it) between
    /// small ones: all are read back in order, and the file ends in zeros after the last.
    @Test func largeRecordsBetweenSmallOnesSurviveACrash() throws {
        let (db, _) = try open("case.quarry")
        _ = try db.execute("CREATE (:Start)")
        _ = try db.execute("UNWIND range(1, 20000) AS i CREATE (:N {i: i, s: 'node ' + toString(i)})")
        #expect(journalEnd(db) > Journal.headerSize + Journal.growth)
        _ = try db.execute("MATCH (s:Start) SET s.done = true")
        let expected = GraphDump.text(db.graph), end = journalEnd(db)
        crash(db)
        let wal = folder.bytes("case.quarry.wal")
        #expect(wal.count > end && Journal.isZero(wal[end...]))
        let (reopened, notices) = try open("case.quarry")
        #expect(GraphDump.text(reopened.graph) == expected)
        #expect(notices == ["Recovered 3 statements from the journal \(folder.file("case.quarry.wal"))."])
    }

    /// Sessions that each write a little and crash: every reopening appends after what is there.
    @Test func crashAfterCrashKeepsEveryStatement() throws {
        var expected = ""
        for round in 0..<4 {
            let (db, _) = try open("case.quarry")
            #expect(GraphDump.text(db.graph) == expected || round == 0)
            _ = try db.execute("CREATE (:N {round: \(round)})")
            _ = try db.execute("MATCH (n:N {round: \(round)}) SET n.seen = true")
            expected = GraphDump.text(db.graph)
            crash(db)
        }
        let (last, notices) = try open("case.quarry")
        #expect(GraphDump.text(last.graph) == expected)
        #expect(notices == ["Recovered 8 statements from the journal \(folder.file("case.quarry.wal"))."])
    }

    @Test func aCheckpointEmptiesTheJournalAndKeepsEverything() throws {
        let (db, _) = try open("case.quarry")
        _ = try db.execute("UNWIND range(1, 100) AS i CREATE (:N {i: i})")
        try db.save(to: nil)
        #expect(journalEnd(db) == Journal.headerSize && folder.bytes("case.quarry.wal").count == Journal.headerSize)
        _ = try db.execute("MATCH (n:N) WHERE n.i > 50 DELETE n")
        let expected = GraphDump.text(db.graph)
        crash(db)
        let (reopened, notices) = try open("case.quarry")
        #expect(GraphDump.text(reopened.graph) == expected)
        #expect(notices.count == 1)
    }

    @Test func aFailedOrCancelledStatementWritesNothing() throws {
        let (db, _) = try open("case.quarry")
        _ = try db.execute("CREATE (:N {i: 1})")
        let end = journalEnd(db), bytes = folder.bytes("case.quarry.wal")
        #expect(throws: QueryError.self) { try db.execute("CREATE (:N {i: 2}) WITH 1 AS x RETURN 1 / 0") }
        let cancelled = CancellationFlag()
        cancelled.cancel()
        #expect(throws: QueryError.self) { try db.execute("UNWIND range(1, 100000) AS i CREATE (:N {i: i})", cancellation: cancelled) }
        _ = try db.execute("MATCH (n:Nothing) SET n.x = 1")
        let unchanged = journalEnd(db) == end && folder.bytes("case.quarry.wal") == bytes
        #expect(unchanged, "the journal changed")
    }

    /// Every cut inside the last record, and a flipped byte in it: the record is dropped with a
    /// notice, everything before it is restored, and the journal is cut back so later writes follow.
    @Test func aRecordCutShortByACrashIsDropped() throws {
        let (db, _) = try open("base.quarry")
        _ = try db.execute("CREATE (:N {i: 1, s: 'first'})")
        let before = GraphDump.text(db.graph)
        let sizeBefore = journalEnd(db)
        _ = try db.execute("CREATE (:N {i: 2, s: 'second'})-[:R]->(:M)")
        let sizeAfter = journalEnd(db)
        crash(db)
        let whole = folder.bytes("base.quarry.wal")
        // Cut anywhere in the last record, or that record cut short with the zeros ahead of it kept,
        // or a byte of it flipped.
        var damaged: [[UInt8]] = (sizeBefore + 1..<sizeAfter).map { Array(whole[0..<$0]) }
        damaged += stride(from: sizeBefore + 1, to: sizeAfter, by: 7).map {
            Array(whole[0..<$0]) + [UInt8](repeating: 0, count: whole.count - $0)
        }
        var flipped = whole
        flipped[sizeAfter - 3] ^= 0x40
        damaged.append(flipped)
        for (i, journal) in damaged.enumerated() {
            folder.copy("base.quarry", "cut\(i).quarry")
            folder.write("cut\(i).quarry.wal", journal)
            let (reopened, notices) = try open("cut\(i).quarry")
            #expect(GraphDump.text(reopened.graph) == before)
            #expect(notices.contains { $0.contains("did not form a whole record") && $0.contains("were dropped") })
            #expect(journalEnd(reopened) == sizeBefore)
            _ = try reopened.execute("CREATE (:Later)")
            let after = GraphDump.text(reopened.graph)
            crash(reopened)
            #expect(GraphDump.text(try open("cut\(i).quarry").0.graph) == after)
        }
    }

    @Test func damageBeforeTheLastRecordIsRefusedAndNothingChanges() throws {
        let (db, _) = try open("case.quarry")
        _ = try db.execute("CREATE (:N {i: 1})")
        _ = try db.execute("CREATE (:N {i: 2})")
        crash(db)
        var journal = folder.bytes("case.quarry.wal")
        journal[Journal.headerSize + Journal.recordHeaderSize + 2] ^= 1
        folder.write("case.quarry.wal", journal)
        let file = folder.bytes("case.quarry")
        let error = #expect(throws: QueryError.self) { try open("case.quarry") }
        #expect(error?.errorClass == .storageError && error?.message.contains("checksum does not match") == true)
        let unchanged = folder.bytes("case.quarry.wal") == journal && folder.bytes("case.quarry") == file
        #expect(unchanged, "a refused open changed the files")
    }

    @Test func aJournalOfAnotherFileIsRefused() throws {
        let (one, _) = try open("one.quarry")
        _ = try one.execute("CREATE (:N)")
        crash(one)
        let (two, _) = try open("two.quarry")
        two.close()
        folder.copy("one.quarry.wal", "two.quarry.wal")
        let error = #expect(throws: QueryError.self) { try open("two.quarry") }
        #expect(error?.message.contains("belongs to another graph file") == true)
    }

    @Test func oneWriterAtATimeAndReadersMayLook() throws {
        let (writer, _) = try open("case.quarry")
        _ = try writer.execute("CREATE (:N {i: 1})")
        let locked = #expect(throws: QueryError.self) { try open("case.quarry") }
        #expect(locked?.detail == "FileLocked" && locked?.message.contains("--read-only") == true)
        let (reader, _) = try open("case.quarry", readOnly: true)
        #expect(reader.graph.nodeCount == 1)
        let refused = #expect(throws: QueryError.self) { try reader.execute("CREATE (:M)") }
        #expect(refused?.detail == "ReadOnly")
        #expect(throws: QueryError.self) { try reader.execute("CREATE INDEX FOR (n:N) ON (n.i)") }
        #expect(try reader.execute("MATCH (n) RETURN n").rows.count == 1)
        writer.close()
        #expect(try open("case.quarry").0.graph.nodeCount == 1)
    }

    @Test func saveAsMovesTheSessionToTheNewFile() throws {
        let db = Database()
        _ = try db.execute("CREATE (:N {i: 1})")
        #expect(db.hasUnsavedChanges && db.store == nil)
        try db.save(to: folder.file("new.quarry"))
        #expect(!db.hasUnsavedChanges && db.store?.path == folder.file("new.quarry"))
        _ = try db.execute("CREATE (:N {i: 2})")
        let expected = GraphDump.text(db.graph)
        crash(db)
        #expect(GraphDump.text(try open("new.quarry").0.graph) == expected)
    }
}
