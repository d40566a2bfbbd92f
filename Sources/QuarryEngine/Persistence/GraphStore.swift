import Glibc

/// A graph file and its journal: what a file-backed session writes through. Opening replays the
/// journal; every committed write appends to it; a checkpoint writes the whole graph to the file
/// (atomically) and empties the journal.
package final class GraphStore {
    package let path: String
    package let readOnly: Bool
    private(set) var identity: GraphFileFormat.Identity
    private(set) var journal: Journal?
    /// The sequence number of the last record written or replayed.
    private(set) var sequence: UInt64
    /// A checkpoint follows a commit once the journal holds this many bytes of records.
    static let checkpointThreshold = 64 << 20

    private init(path: String, readOnly: Bool, identity: GraphFileFormat.Identity, journal: Journal?, sequence: UInt64) {
        self.path = path
        self.readOnly = readOnly
        self.identity = identity
        self.journal = journal
        self.sequence = sequence
    }

    package static func journalPath(of path: String) -> String { path + ".wal" }

    /// What opening found besides the graph (a dropped torn record, a replay).
    package struct Opening {
        package var graph: Graph
        package var store: GraphStore
        package var notices: [String]
    }

    /// Opens the graph file at `path`, creating an empty one when it does not exist (unless read-only).
    package static func open(_ path: String, readOnly: Bool) throws(QueryError) -> Opening {
        let journalPath = journalPath(of: path)
        var st = stat()
        if stat(path, &st) != 0 {
            guard errno == ENOENT else { throw .storage(path, "cannot open", errno: errno) }
            guard !readOnly else { throw .storage(path, "cannot open", errno: ENOENT) }
            if access(journalPath, F_OK) == 0, (try? FileDescriptor.open(journalPath, flags: O_RDONLY, action: "").size()) ?? 0 > Journal.headerSize {
                throw .damagedFile(journalPath, "holds changes for \(path), which is missing; move the journal away to start a new graph there")
            }
            let identity = GraphFileFormat.Identity.fresh()
            let (journal, _) = try Journal.openForWriting(journalPath, fileID: identity.fileID, graphPath: path)
            try GraphFileWriter.save(Graph(), identity: identity, to: path)
            var graph = Graph()
            graph.changes = ChangeLog()
            return Opening(graph: graph, store: GraphStore(path: path, readOnly: false, identity: identity, journal: journal, sequence: 0),
                           notices: [])
        }
        guard (st.st_mode & S_IFMT) == S_IFREG else { throw .storage(path, "cannot open", reason: "not a regular file") }
        // Check the header before creating a journal beside something that is not a graph file.
        let headerIdentity = try GraphFileReader.identity(of: path)
        let contents: Journal.Contents
        var journal: Journal?
        if readOnly {
            contents = try Journal.readOnly(journalPath, fileID: headerIdentity.fileID)
        } else {
            let opened = try Journal.openForWriting(journalPath, fileID: headerIdentity.fileID, graphPath: path)
            journal = opened.0
            contents = opened.1
        }
        var (graph, identity) = try GraphFileReader.load(path)
        guard identity.fileID == headerIdentity.fileID else { throw .damagedFile(path, "the file was replaced while it was opened; open it again") }
        var notices: [String] = []
        if contents.tornBytes > 0 {
            notices.append("\(journalPath): the last \(contents.tornBytes) bytes did not form a whole record (a write cut short by a crash or power loss) and were dropped; every statement whose result was shown is restored")
        }
        var sequence = identity.sequence
        var replayed = 0
        graph.changes = ChangeLog()
        for record in contents.records where record.sequence > identity.sequence {
            guard record.sequence == sequence + 1 else {
                throw .damagedFile(journalPath, "records \(sequence + 1)..<\(record.sequence) are missing (the graph file is at \(identity.sequence))")
            }
            do throws(ByteReader.Malformed) {
                try graph.replay(record.changes)
            } catch {
                throw .damagedFile(journalPath, "record \(record.sequence) does not fit the graph file: \(error.what)")
            }
            sequence = record.sequence
            replayed += 1
        }
        graph.changes = readOnly ? nil : ChangeLog()
        graph.compactIfNeeded()
        if replayed > 0 {
            notices.append("Recovered \(replayed) statement\(replayed == 1 ? "" : "s") from the journal \(journalPath).")
        }
        let store = GraphStore(path: path, readOnly: readOnly, identity: identity, journal: journal, sequence: sequence)
        return Opening(graph: graph, store: store, notices: notices)
    }

    /// Writes `graph` to `path` as a new graph file and opens it for writing ("save as").
    package static func create(_ path: String, with graph: Graph) throws(QueryError) -> GraphStore {
        let identity = GraphFileFormat.Identity.fresh()
        let journalPath = journalPath(of: path)
        let file = try Journal.lockForWriting(journalPath, graphPath: path)
        // An old journal here belonged to the file being replaced; empty it first so that a crash
        // in between leaves either file with a journal that fits it.
        try file.truncate(to: 0)
        try file.sync()
        var saved = graph
        saved.changes = nil
        try GraphFileWriter.save(saved, identity: identity, to: path)
        let (journal, _) = try Journal.adopt(file, fileID: identity.fileID)
        return GraphStore(path: path, readOnly: false, identity: identity, journal: journal, sequence: 0)
    }

    /// Journals one statement's changes; returns once they are on the disk, or with `durable`
    /// false once they are written (`sync` puts them on the disk).
    func append(_ changes: UnsafeRawBufferPointer, durable: Bool = true) throws(QueryError) {
        guard let journal else { throw .readOnlyGraph(path) }
        try journal.append(changes, sequence: sequence + 1, durable: durable)
        sequence += 1
    }

    /// Whether statements were journaled without being synced yet.
    var hasUnsyncedChanges: Bool { journal.map { $0.size > $0.syncedSize } ?? false }

    func sync() throws(QueryError) {
        try journal?.sync()
    }

    var needsCheckpoint: Bool { (journal?.recordBytes ?? 0) >= Self.checkpointThreshold }

    /// Whether the journal holds records not yet folded into the file.
    package var hasJournaledChanges: Bool { (journal?.recordBytes ?? 0) > 0 }

    /// Folds the journal into the file: the whole graph is written (atomically), then the journal emptied.
    func checkpoint(_ graph: Graph, cancellation: CancellationFlag? = nil) throws(QueryError) {
        guard let journal else { throw .readOnlyGraph(path) }
        identity.sequence = sequence
        try GraphFileWriter.save(graph, identity: identity, to: path, cancellation: cancellation)
        try journal.clear()
    }

    /// Releases the lock; the store cannot be used afterwards.
    func close() {
        journal?.file.close()
        journal = nil
    }
}

extension GraphStore {
    /// What `quarry --check` prints, and whether the file is sound.
    package struct CheckReport: Sendable {
        package var lines: [String]
        package var sound: Bool
    }

    /// Reads the file and its journal without changing either, and checks every invariant.
    package static func check(_ path: String) -> CheckReport {
        do throws(QueryError) {
            let opening = try open(path, readOnly: true)
            let g = opening.graph
            let problems = GraphIntegrity.problems(in: g, full: true)
            var lines = opening.notices.map { "\(path): \($0)" }
            lines.append("\(path): \(g.nodeCount) nodes, \(g.relationshipCount) relationships, \(g.labels.names.count) labels, "
                         + "\(g.types.names.count) relationship types, \(g.keys.names.count) property keys, \(g.indexes.count) indexes; "
                         + "journal: \(opening.store.sequence - opening.store.identity.sequence) statements after the last checkpoint")
            lines += problems.map { "\(path): \($0)" }
            lines.append(problems.isEmpty ? "\(path): ok" : "\(path): \(problems.count) problem\(problems.count == 1 ? "" : "s") found")
            return CheckReport(lines: lines, sound: problems.isEmpty)
        } catch {
            return CheckReport(lines: ["\(error.message)"], sound: false)
        }
    }
}
