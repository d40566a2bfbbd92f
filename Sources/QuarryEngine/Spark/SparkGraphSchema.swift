import Foundation

/// A graph folder in the neo4j-admin layout (the one `AdminImport` reads) as Spark sees it: one
/// view per file, named after it. A node file's view has `_id` (its id column) and its typed
/// properties; a relationship file's view `_rid` (a number unique in the session), `_src`, `_dst`
/// and its properties. Read from the headers alone; `registration` holds the SQL that makes the
/// views in a Spark session. A file's labels (type) come from its name, or per row from its
/// `:LABEL` (`:TYPE`) column, which the view then has as `_labels` (`_type`).
public struct SparkGraphSchema: Sendable {
    public struct Column: Sendable {
        /// The property name (`deaths`), or `id` for a named id column.
        public let name: String
        /// The raw text column (`c3` for the file's fourth column).
        let raw: String
        let type: SparkType
        /// The header's type, which reads the column's values back.
        let importType: ImportType
        /// In a group's union view: the files hold the key with values of several types, here as text.
        var mixed = false
    }

    public struct NodeTable: Sendable {
        public let view: String
        /// The label of every node of the file (its name), or nil when a `:LABEL` column gives each row's.
        public let label: String?
        let labelRaw: String?
        /// The id space relationships name (`:START_ID(Actor)`), or nil for the default one.
        let group: String?
        let idRaw: String
        public let properties: [Column]
        /// Where the rows are read from (nil for a union view).
        let source: SparkFileSource?
        /// Every id in the file is an integer (read as `BIGINT`, as the importer reads it).
        let integerIDs: Bool
        /// For a group's union view (`g_...`), the views of its files; empty for a file's view.
        var members: [String] = []

        /// The views whose rows this table's rows are (`sn__space` says which).
        var spaces: [String] { members.isEmpty ? [view] : members }

        /// The file view of the row `alias` names.
        func space(_ alias: String) -> String { members.isEmpty ? SparkSQL.string(view) : "\(alias)._space" }

        func property(_ key: String) -> Column? { properties.first { $0.name == key } }

        /// Whether a node of the file can have all of `labels`.
        func mayHave(_ labels: [String]) -> Bool { label.map { l in labels.allSatisfy { $0 == l } } ?? true }

        /// The labels of the row `alias` names, as an array.
        func labels(_ alias: String) -> String { label.map { "array(\(SparkSQL.string($0)))" } ?? "\(alias)._labels" }
    }

    public struct RelationshipTable: Sendable {
        public let view: String
        /// The type of every relationship of the file (its name), or nil when a `:TYPE` column gives each row's.
        public let type: String?
        let typeRaw: String?
        let startGroup: String?
        let endGroup: String?
        let startRaw: String
        let endRaw: String
        public let properties: [Column]
        /// Where the rows are read from (nil for a union view).
        let source: SparkFileSource?
        /// For the union view of several files between the same id groups, their views.
        var members: [String] = []

        /// The files whose rows this table's rows are (`sn__file` says which).
        var files: [String] { members.isEmpty ? [view] : members }

        /// The file view of the row `alias` names.
        func file(_ alias: String) -> String { members.isEmpty ? SparkSQL.string(view) : "\(alias)._file" }

        func property(_ key: String) -> Column? { properties.first { $0.name == key } }

        /// Whether a relationship of the file can have one of `types` (any, when empty).
        func mayHave(_ types: [String]) -> Bool { types.isEmpty || type.map(types.contains) ?? true }

        /// The type of the row `alias` names.
        func type(_ alias: String) -> String { type.map(SparkSQL.string) ?? "\(alias)._type" }
    }

    public let folder: String
    /// One per node file.
    public let nodes: [NodeTable]
    public let relationships: [RelationshipTable]
    /// Per id group of several node files, one view of them all: a node of the pattern that
    /// several files could hold is matched once over it rather than once per file (a branch per
    /// file and pattern node would multiply).
    let unions: [NodeTable]
    /// Per pair of id groups that several relationship files join, one view of them all: a hop
    /// that several of them could take reads it once.
    let relationshipUnions: [RelationshipTable]
    /// The Parquet copies of the files (`:spark convert`), current or not.
    public let copies: SparkParquetCopies

    /// Each file of the folder and where this session reads it from.
    public var sources: [SparkFileSource] { nodes.compactMap(\.source) + relationships.compactMap(\.source) }

    /// The tables a hop of one of `types` (any, when empty) may read: per pair of id groups, its
    /// one file or the pair's union view.
    func relationshipTables(types: [String]) -> [RelationshipTable] {
        Self.distinct(relationships.filter { $0.mayHave(types) }) { [$0.startGroup, $0.endGroup] }.compactMap { files in
            files.count > 1 ? relationshipUnions.first { [$0.startGroup, $0.endGroup] == [files[0].startGroup, files[0].endGroup] } : files.first
        }
    }

    /// Where a node of `group` that may have `labels` is: its one file, the group's union view,
    /// or nowhere.
    func nodeTable(inGroup group: String?, labels: [String]) -> NodeTable? {
        let files = nodes(inGroup: group).filter { $0.mayHave(labels) }
        return files.count > 1 ? unions.first { $0.group == group } : files.first
    }

    /// The tables a node that may have `labels` is in: one per id group.
    func nodeTables(labels: [String]) -> [NodeTable] {
        Self.distinct(nodes) { [$0.group] }.compactMap { nodeTable(inGroup: $0[0].group, labels: labels) }
    }

    /// The node file or union view named `view`.
    func nodeTable(view: String) -> NodeTable? { nodes.first { $0.view == view } ?? unions.first { $0.view == view } }

    /// The relationship file named `view`.
    func relationshipTable(view: String) -> RelationshipTable? { relationships.first { $0.view == view } }

    /// The type of the ids of a group: integers when every file of the group has only integers.
    func idType(_ group: String?) -> SparkType {
        let tables = nodes(inGroup: group)
        return !tables.isEmpty && tables.allSatisfy(\.integerIDs) ? .bigint : .string
    }

    /// The node tables a relationship end may be in: those of its id group.
    func nodes(inGroup group: String?) -> [NodeTable] { nodes.filter { $0.group == group } }

    /// `tables` grouped by `key`, in the order keys first appear.
    static func distinct<T>(_ tables: [T], by key: (T) -> [String?]) -> [[T]] {
        var keys: [[String?]] = []
        var groups: [[T]] = []
        for t in tables {
            let k = key(t)
            if let i = keys.firstIndex(of: k) { groups[i].append(t) } else { keys.append(k); groups.append([t]) }
        }
        return groups
    }

    public static func read(folder: String) throws(QueryError) -> SparkGraphSchema {
        let names = try AdminImport.csvFiles(in: folder, reader: "--graph names a folder of CSV files in the neo4j-admin layout")
        let absolute = URL(fileURLWithPath: folder).standardizedFileURL.path
        let copies = SparkParquetCopies.read(graph: absolute)
        var nodes: [NodeTable] = []
        var relationships: [RelationshipTable] = []
        for name in names {
            let source = try SparkFileSource(name, in: absolute, copies: copies)
            var (reader, header, _) = try AdminImport.openFile(name, in: absolute)
            // The raw view names the file's columns by position (`c0`, `c1`, ...): header cells
            // may repeat (`:IGNORE`) or hold characters Spark's CSV reader would mangle.
            let cells = (0..<header.width).map { "c\($0)" }
            if header.isNodeFile {
                guard let id = header.idColumn else { throw .file("a node file needs an :ID column", path: source.csv) }
                // A current copy says whether the ids are integers; else the file is read to know.
                let integerIDs = if let copy = source.copy { copy.integerIDs } else { try allIntegers(&reader, column: id) }
                let properties = header.properties.map { p in
                    Column(name: p.name, raw: cells[p.column], type: p.type.isIDValue ? (integerIDs ? .bigint : .string) : SparkType(p.type),
                           importType: p.type.isIDValue && !integerIDs ? .string : p.type)
                }
                nodes.append(NodeTable(view: "n_" + header.stem, label: header.labelColumn == nil ? header.stem : nil,
                                       labelRaw: header.labelColumn.map { cells[$0] }, group: header.idGroup, idRaw: cells[id],
                                       properties: properties, source: source.withColumns(header.width), integerIDs: integerIDs))
            } else if let start = header.startColumn, let end = header.endColumn {
                let properties = header.properties.map { Column(name: $0.name, raw: cells[$0.column], type: SparkType($0.type), importType: $0.type) }
                relationships.append(RelationshipTable(view: "r_" + header.stem, type: header.typeColumn == nil ? header.relationshipStem : nil,
                                                       typeRaw: header.typeColumn.map { cells[$0] }, startGroup: header.startGroup,
                                                       endGroup: header.endGroup, startRaw: cells[start], endRaw: cells[end],
                                                       properties: properties, source: source.withColumns(header.width)))
            }
        }
        return SparkGraphSchema(folder: absolute, nodes: nodes, relationships: relationships, unions: groupUnions(nodes),
                                relationshipUnions: relationshipUnions(relationships), copies: copies)
    }

    /// The columns of a union of tables: every key, as text where the tables' types differ.
    private static func unionColumns(_ all: [Column]) -> [Column] {
        var columns: [Column] = []
        for c in all {
            if let i = columns.firstIndex(where: { $0.name == c.name }) {
                if columns[i].type != c.type { columns[i] = Column(name: c.name, raw: c.name, type: .string, importType: .string, mixed: true) }
            } else {
                columns.append(Column(name: c.name, raw: c.name, type: c.type, importType: c.importType, mixed: c.mixed))
            }
        }
        return columns
    }

    private static func relationshipUnions(_ relationships: [RelationshipTable]) -> [RelationshipTable] {
        distinct(relationships) { [$0.startGroup, $0.endGroup] }.compactMap { files in
            guard files.count > 1 else { return nil }
            let (start, end) = (files[0].startGroup, files[0].endGroup)
            return RelationshipTable(view: "u_" + (start ?? "") + "_" + (end ?? "") + "_rels", type: nil, typeRaw: nil, startGroup: start, endGroup: end,
                                     startRaw: "_src", endRaw: "_dst", properties: unionColumns(files.flatMap(\.properties)), source: nil, members: files.map(\.view))
        }
    }

    /// A union table for each id group of several files, its columns all the files' keys (as
    /// text where the files' types differ).
    private static func groupUnions(_ nodes: [NodeTable]) -> [NodeTable] {
        distinct(nodes) { [$0.group] }.compactMap { files in
            guard files.count > 1 else { return nil }
            let group = files[0].group
            return NodeTable(view: "g_" + (group ?? "") + "_nodes", label: nil, labelRaw: nil, group: group, idRaw: "_id",
                             properties: unionColumns(files.flatMap(\.properties)), source: nil,
                             integerIDs: files.allSatisfy(\.integerIDs), members: files.map(\.view))
        }
    }

    /// Reads the rest of a node file: whether every id is an integer.
    private static func allIntegers(_ reader: inout CSVReader, column: Int) throws(QueryError) -> Bool {
        while let record = try reader.next() {
            guard column < record.fields.count, let text = record.fields[column], Int64(text) != nil else { return false }
        }
        return true
    }
}
