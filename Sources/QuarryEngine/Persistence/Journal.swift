import Glibc

/// The write-ahead journal beside a graph file (`case.quarry.wal`): a 40-byte header naming the
/// graph file it belongs to, then one record per committed write statement (length, sequence
/// number, XXH64 checksum, the statement's `ChangeLog`), synced before the statement's result is
/// shown. The journal is never replaced, only appended to and cut back, so the advisory lock that
/// keeps a second writer away is taken on it. Room is made 64 KiB of zeros at a time ahead of
/// the records, so that syncing a record does not also have to sync the file's new size (a zero
/// record header marks the end of the records).
final class Journal {
    static let magic: [UInt8] = Array("QRYJRNL1".utf8)
    static let version: UInt32 = 1
    static let headerSize = 40
    static let recordHeaderSize = 24
    /// No single statement's changes may pass this (a sanity bound for reading damaged lengths).
    static let maximumRecord = 1 << 31

    static let growth = 1 << 16

    let file: FileDescriptor
    /// Where the records end.
    private(set) var size: Int
    /// How long the file is: the records, then zeros.
    private var allocated: Int
    /// Where the records known to be on the disk end (`sync`); `size` when every append synced.
    private(set) var syncedSize: Int

    private init(file: FileDescriptor, size: Int, allocated: Int) {
        self.file = file
        self.size = size
        self.allocated = allocated
        syncedSize = size
    }

    var path: String { file.path }
    /// Bytes of records waiting to be folded into the graph file.
    var recordBytes: Int { size - Self.headerSize }

    /// A record read back: its sequence number and the changes.
    struct Record {
        var sequence: UInt64
        var changes: [UInt8]
    }

    /// What reading the journal found.
    struct Contents {
        var records: [Record] = []
        /// Bytes at the end that do not form a whole record (a write cut short by a crash).
        var tornBytes = 0
        /// Where the last whole record ends.
        var validEnd = Journal.headerSize
    }

    static func header(fileID: [UInt8]) -> [UInt8] {
        var w = ByteWriter()
        w.raw(magic)
        w.u32(version)
        w.u32(0)
        w.raw(fileID)
        w.u64(w.withBytes { XXHash64.hash($0) })
        return w.bytes
    }

    /// Opens (creating when absent) the journal of the graph file with `fileID`, locked for
    /// writing, and reads its records. A journal with no records that names another file (left
    /// by a "save as" cut short) is started afresh.
    static func openForWriting(_ path: String, fileID: [UInt8], graphPath: String) throws(QueryError) -> (Journal, Contents) {
        try adopt(try lockForWriting(path, graphPath: graphPath), fileID: fileID)
    }

    /// Opens (creating when absent) the journal file and takes the writer's lock on it. A lock
    /// found taken is asked for again for a moment before giving up: a process being started by
    /// this one (or by the quarry that just let the graph go) holds copies of its files, the lock's
    /// too, until it runs its program.
    static func lockForWriting(_ path: String, graphPath: String) throws(QueryError) -> FileDescriptor {
        let file = try FileDescriptor.open(path, flags: O_RDWR | O_CREAT, mode: 0o644, action: "cannot open")
        for attempt in 0... {
            if try file.lock(exclusive: true) { return file }
            guard attempt < lockAttempts else { break }
            usleep(10_000)
        }
        file.close()
        throw .fileLocked(graphPath)
    }

    /// How many more times a taken lock is asked for, 10 ms apart.
    static let lockAttempts = 20

    /// Reads the records of a journal whose lock the caller holds.
    static func adopt(_ file: FileDescriptor, fileID: [UInt8]) throws(QueryError) -> (Journal, Contents) {
        let path = file.path
        let bytes = try file.readAll()
        let journal = Journal(file: file, size: bytes.count, allocated: bytes.count)
        if bytes.count < headerSize || (isZero(bytes[headerSize...]) && headerFileID(bytes) != fileID) {
            // New, or its creation was cut short, or empty and left by another file: no records to lose.
            try journal.reset(fileID: fileID)
            return (journal, Contents())
        }
        let contents = try read(bytes, path: path, fileID: fileID)
        if contents.tornBytes > 0 { try journal.cut(to: contents.validEnd) }
        journal.size = contents.validEnd
        return (journal, contents)
    }

    /// The records of a journal opened only to read (no lock: a writer may hold it).
    static func readOnly(_ path: String, fileID: [UInt8]) throws(QueryError) -> Contents {
        guard access(path, F_OK) == 0 else { return Contents() }
        let file = try FileDescriptor.open(path, flags: O_RDONLY, action: "cannot open")
        let bytes = try file.readAll()
        guard bytes.count > headerSize else { return Contents() }
        return try read(bytes, path: path, fileID: fileID)
    }

    private static func headerFileID(_ bytes: [UInt8]) -> [UInt8]? {
        guard bytes.count >= headerSize, Array(bytes[0..<8]) == magic,
              XXHash64.hash(Array(bytes[0..<32])) == ByteReader(bytes, from: 32).peekU64() else { return nil }
        return Array(bytes[16..<32])
    }

    static func read(_ bytes: [UInt8], path: String, fileID: [UInt8]) throws(QueryError) -> Contents {
        guard Array(bytes[0..<8]) == magic else { throw .damagedFile(path, "not a Quarry journal") }
        guard let owner = headerFileID(bytes) else { throw .damagedFile(path, "the journal's header is damaged") }
        guard owner == fileID else {
            throw .damagedFile(path, "this journal belongs to another graph file (it was copied or replaced); move it away to open the graph file as it was last saved")
        }
        var contents = Contents()
        var at = headerSize
        /// What is left from `from` on is a write cut short: count the bytes that are not zero.
        func torn(from: Int) {
            let last = bytes.lastIndex { $0 != 0 } ?? from
            contents.tornBytes = max(0, last + 1 - from)
        }
        while at < bytes.count {
            // Zeros ahead of the records: the end.
            if isZero(bytes[at..<min(at + recordHeaderSize, bytes.count)]) {
                torn(from: at)
                break
            }
            let r = ByteReader(bytes, from: at)
            guard r.remaining >= recordHeaderSize, let length = r.peekU32().map(Int.init), length <= maximumRecord,
                  length <= r.remaining - recordHeaderSize else {
                torn(from: at)
                break
            }
            let sequence = ByteReader(bytes, from: at + 8).peekU64() ?? 0
            let checksum = ByteReader(bytes, from: at + 16).peekU64() ?? 0
            let start = at + recordHeaderSize, end = start + length
            let actual = bytes.withUnsafeBytes { XXHash64.hash(UnsafeRawBufferPointer(rebasing: $0[start..<end]), seed: sequence &+ UInt64(length)) }
            guard actual == checksum else {
                // Only the last record can be cut short by a crash; damage before it is corruption.
                guard isZero(bytes[end...]) else {
                    throw .damagedFile(path, "record \(contents.records.count + 1) (bytes \(at)..<\(end)): its checksum does not match, and later records follow it")
                }
                torn(from: at)
                break
            }
            if let last = contents.records.last, sequence != last.sequence + 1 {
                throw .damagedFile(path, "record \(contents.records.count + 1) has sequence number \(sequence) after \(last.sequence)")
            }
            contents.records.append(Record(sequence: sequence, changes: Array(bytes[start..<end])))
            at = end
            contents.validEnd = end
        }
        return contents
    }

    /// Appends one statement's changes as a record; with `durable`, returns once it is on the disk,
    /// otherwise a later `sync` puts it there (a script's statements synced in groups). On failure
    /// the journal is cut back to where it was, so it never holds a partial record that later ones follow.
    func append(_ changes: UnsafeRawBufferPointer, sequence: UInt64, durable: Bool = true) throws(QueryError) {
        var header = ByteWriter(capacity: Self.recordHeaderSize)
        header.u32(UInt32(changes.count))
        header.u32(0)
        header.u64(sequence)
        header.u64(XXHash64.hash(changes, seed: sequence &+ UInt64(changes.count)))
        let end = size + Self.recordHeaderSize + changes.count
        do throws(QueryError) {
            if changes.count < Self.growth {
                // One write for a small record (most statements).
                header.raw(changes)
                try header.withBytes { (raw) throws(QueryError) in try file.write(raw, at: size) }
            } else {
                try header.withBytes { (raw) throws(QueryError) in try file.write(raw, at: size) }
                try file.write(changes, at: size + Self.recordHeaderSize)
            }
            if end > allocated {
                // Zeros ahead of the record, so that syncing the next ones need not also sync a new
                // size; a disk too full for them keeps the record alone.
                let zeros = [UInt8](repeating: 0, count: Self.growth)
                do throws(QueryError) {
                    try withBytes(of: zeros) { (raw) throws(QueryError) in try file.write(raw, at: end) }
                    allocated = end + Self.growth
                } catch {
                    try file.truncate(to: end)
                    allocated = end
                }
            }
            if durable { try file.sync() }
            size = end
            if durable { syncedSize = size }
        } catch {
            try? file.truncate(to: size)
            allocated = size
            throw error
        }
    }

    /// Puts the records appended without `durable` on the disk. If that fails they are cut off,
    /// so that the journal ends with the last record known to be there.
    func sync() throws(QueryError) {
        guard size > syncedSize else { return }
        do throws(QueryError) {
            try file.sync()
            syncedSize = size
        } catch {
            try? cut(to: syncedSize)
            throw error
        }
    }

    static func isZero(_ bytes: ArraySlice<UInt8>) -> Bool { !bytes.contains { $0 != 0 } }

    /// Drops every record (after a checkpoint has folded them into the graph file).
    func clear() throws(QueryError) {
        try cut(to: Self.headerSize)
    }

    func reset(fileID: [UInt8]) throws(QueryError) {
        try file.truncate(to: 0)
        try file.write(Self.header(fileID: fileID))
        try file.sync()
        size = Self.headerSize
        allocated = size
        syncedSize = size
        AtomicFile.syncFolder(AtomicFile.directory(of: path))
    }

    private func cut(to length: Int) throws(QueryError) {
        try file.truncate(to: length)
        try file.sync()
        size = length
        allocated = length
        syncedSize = length
    }
}

extension ByteReader {
    func peekU32() -> UInt32? {
        var copy = self
        return try? copy.u32()
    }

    func peekU64() -> UInt64? {
        var copy = self
        return try? copy.u64()
    }
}
