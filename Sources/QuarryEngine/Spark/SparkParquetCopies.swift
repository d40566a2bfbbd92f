import Foundation

/// Parquet copies of a graph folder's CSV files, which the cluster writes (`:spark convert`) into
/// the folder's `.quarry-parquet/`: typed, compressed and in parts Spark reads in parallel, where
/// a CSV file (read with quoted line breaks allowed) is one partition parsed anew each session.
/// `manifest.json` says which copy is of which file, and the file's size and modification time
/// when it was copied: a file changed since is read as CSV again until converted anew.
public struct SparkParquetCopies: Sendable {
    public struct Copy: Codable, Sendable, Equatable {
        /// The copy's folder, in `.quarry-parquet/`.
        let directory: String
        let size: Int64
        let modified: Double
        /// For a node file: whether every id is an integer (so that the file need not be read
        /// at the start of a session to know).
        let integerIDs: Bool
    }

    static let folderName = ".quarry-parquet"

    /// The folder of the copies.
    public let folder: String
    /// By CSV file name.
    public private(set) var copies: [String: Copy]

    /// The copies recorded for the graph folder; none when there is no manifest, or one Quarry
    /// cannot read (the files are then read as CSV, which is always right).
    static func read(graph: String) -> SparkParquetCopies {
        let folder = (graph as NSString).appendingPathComponent(folderName)
        let manifest = (folder as NSString).appendingPathComponent("manifest.json")
        guard let data = FileManager.default.contents(atPath: manifest),
              let copies = try? JSONDecoder().decode([String: Copy].self, from: data) else { return SparkParquetCopies(folder: folder, copies: [:]) }
        return SparkParquetCopies(folder: folder, copies: copies)
    }

    /// Runs `body` with the copies as recorded now, holding the folder's lock
    /// (`.quarry-parquet/lock`): a second quarry converting the same folder at once would record
    /// over the first's manifest and remove the copy it is writing.
    public static func converting<T>(graph: String, _ body: (inout SparkParquetCopies) throws(QueryError) -> T) throws(QueryError) -> T {
        let folder = (graph as NSString).appendingPathComponent(folderName)
        guard mkdir(folder, 0o755) == 0 || errno == EEXIST else { throw .storage(folder, "cannot make the folder", errno: errno) }
        let lockPath = (folder as NSString).appendingPathComponent("lock")
        let lock = open(lockPath, O_CREAT | O_RDWR | O_CLOEXEC, 0o644)
        guard lock >= 0 else { throw .storage(lockPath, "cannot open", errno: errno) }
        defer { close(lock) }
        guard flock(lock, LOCK_EX | LOCK_NB) == 0 else {
            throw QueryError(.runtimeError, "ParquetBusy", "another quarry is converting the files of \(graph) (it holds \(lockPath))")
        }
        var copies = read(graph: graph)
        return try body(&copies)
    }

    /// Where the copy of the file whose view is `view` goes: a folder of its own each time, so
    /// that a conversion cut short leaves the copy before it whole.
    func newDirectory(view: String) -> String {
        (folder as NSString).appendingPathComponent(view + "-" + UUID().uuidString.prefix(8).lowercased())
    }

    /// Records that `file` (as `source` found it) has its copy in `directory`, then removes the
    /// copies no longer recorded. The manifest is replaced whole (written aside, synced, renamed).
    public mutating func record(_ source: SparkFileSource, directory: String, integerIDs: Bool) throws(QueryError) {
        copies[source.name] = Copy(directory: (directory as NSString).lastPathComponent, size: source.size, modified: source.modified, integerIDs: integerIDs)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        guard let data = try? encoder.encode(copies) else { throw QueryError(.runtimeError, "ParquetManifest", "the manifest of the Parquet copies cannot be encoded") }
        try AtomicFile.write((folder as NSString).appendingPathComponent("manifest.json"), bytes: Array(data))
        removeUnrecorded()
    }

    /// Removes the folders of `.quarry-parquet/` no copy is recorded in (replaced copies, and
    /// conversions cut short). Best effort: what cannot be removed is left for the next time.
    func removeUnrecorded() {
        let kept = Set(copies.values.map(\.directory) + ["manifest.json", "lock"])
        for entry in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] where !kept.contains(entry) {
            try? FileManager.default.removeItem(atPath: (folder as NSString).appendingPathComponent(entry))
        }
    }
}

/// Where a file's rows are read from: the CSV file, or its Parquet copy when the file has not
/// changed since it was copied.
public struct SparkFileSource: Sendable {
    /// The CSV file's name and absolute path.
    public let name: String
    public let csv: String
    let size: Int64
    let modified: Double
    /// The current copy, if any, and its absolute path.
    public let copy: SparkParquetCopies.Copy?
    let copyPath: String?
    /// A copy was made, but of the file as it was before its last change.
    public let copyIsStale: Bool
    /// How many columns the file has.
    private(set) var columns = 0

    init(_ name: String, in folder: String, copies: SparkParquetCopies) throws(QueryError) {
        self.name = name
        csv = (folder as NSString).appendingPathComponent(name)
        let attributes: [FileAttributeKey: Any]
        do {
            attributes = try FileManager.default.attributesOfItem(atPath: csv)
        } catch {
            throw .file("cannot be read", path: csv)
        }
        let size = (attributes[.size] as? NSNumber)?.int64Value ?? -1
        let modified = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
        self.size = size
        self.modified = modified
        let current = copies.copies[name].flatMap { $0.size == size && $0.modified == modified ? $0 : nil }
        copy = current
        copyIsStale = current == nil && copies.copies[name] != nil
        copyPath = current.map { (copies.folder as NSString).appendingPathComponent($0.directory) }
    }

    func withColumns(_ n: Int) -> SparkFileSource {
        var s = self
        s.columns = n
        return s
    }

    /// The hint that spreads the file's rows over up to `partitions` parts, one per 4 MB of the
    /// file (none for a smaller file).
    func spread(_ partitions: Int) -> String {
        let parts = min(partitions, Int(size / (4 << 20)))
        return parts > 1 ? "/*+ REPARTITION(\(parts)) */ " : ""
    }

    /// The view of the file's rows as stored: text columns `c0..` of the CSV, or the copy's.
    func rawViewName(_ view: String) -> String { view + (copy == nil ? "_csv" : "_parquet") }

    /// The statement that makes the raw view, its columns given so that Spark reads neither the
    /// CSV's header nor the copy's footers to learn them. In the CSV, an empty cell is null and a
    /// quoted empty one (`""`) the empty string, as the importer reads them: no cell is the NUL
    /// character, so nothing else reads as null.
    func rawView(_ view: String, stored: [SparkGraphSchema.StoredColumn]) -> String {
        if let copyPath {
            let columns = stored.map { "\(SparkSQL.name($0.raw)) \($0.type)" }.joined(separator: ", ")
            return "CREATE OR REPLACE TEMPORARY VIEW \(SparkSQL.name(rawViewName(view))) (\(columns)) USING parquet OPTIONS (path \(SparkSQL.string(copyPath)))"
        }
        return "CREATE OR REPLACE TEMPORARY VIEW \(SparkSQL.name(rawViewName(view))) (\((0..<columns).map { "c\($0) STRING" }.joined(separator: ", "))) USING csv OPTIONS (path \(SparkSQL.string(csv)), header 'true', inferSchema 'false', multiLine 'true', escape '\"', nullValue '\\u0000', mode 'FAILFAST')"
    }

    /// The column `c` as its type: cast from the CSV's text, or as the copy holds it (typed,
    /// except ids, which it keeps as text).
    func typed(_ c: SparkGraphSchema.Column) -> String {
        copy != nil && !c.importType.isIDValue ? SparkSQL.name(c.raw) : c.type.cast(SparkSQL.name(c.raw))
    }

    /// A `:LABEL` column as an array: `;` separates a row's labels, an empty cell is a node
    /// without labels; the copy holds the array.
    func labels(_ raw: String) -> String { copy != nil ? SparkSQL.name(raw) : Self.csvLabels(raw) }

    static func csvLabels(_ raw: String) -> String { "filter(split(coalesce(\(SparkSQL.name(raw)), ''), ';'), l -> l <> '')" }
}
