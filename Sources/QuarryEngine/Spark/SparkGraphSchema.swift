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
        let path: String
        /// How many columns the file has.
        var width = 0
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
        let path: String
        /// How many columns the file has.
        var width = 0
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

    /// The tables a hop of one of `types` (any, when empty) may read: per pair of id groups, its
    /// one file or the pair's union view.
    func relationshipTables(types: [String]) -> [RelationshipTable] {
        var pairs: [[String?]] = []
        for r in relationships where r.mayHave(types) && !pairs.contains([r.startGroup, r.endGroup]) { pairs.append([r.startGroup, r.endGroup]) }
        return pairs.compactMap { pair in
            let files = relationships.filter { [$0.startGroup, $0.endGroup] == pair && $0.mayHave(types) }
            return files.count > 1 ? relationshipUnions.first { [$0.startGroup, $0.endGroup] == pair } : files.first
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
        var groups: [String?] = []
        for n in nodes where !groups.contains(n.group) { groups.append(n.group) }
        return groups.compactMap { nodeTable(inGroup: $0, labels: labels) }
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

    public static func read(folder: String) throws(QueryError) -> SparkGraphSchema {
        let names = try AdminImport.csvFiles(in: folder, reader: "--graph names a folder of CSV files in the neo4j-admin layout")
        let absolute = URL(fileURLWithPath: folder).standardizedFileURL.path
        var nodes: [NodeTable] = []
        var relationships: [RelationshipTable] = []
        for name in names {
            let path = (absolute as NSString).appendingPathComponent(name)
            var (reader, header, _) = try AdminImport.openFile(name, in: absolute)
            // The raw view names the file's columns by position (`c0`, `c1`, ...): header cells
            // may repeat (`:IGNORE`) or hold characters Spark's CSV reader would mangle.
            let cells = (0..<header.width).map { "c\($0)" }
            if header.isNodeFile {
                guard let id = header.idColumn else { throw .file("a node file needs an :ID column", path: path) }
                let integerIDs = try allIntegers(&reader, column: id)
                let properties = header.properties.map { p in
                    Column(name: p.name, raw: cells[p.column], type: p.type.isIDValue ? (integerIDs ? .bigint : .string) : SparkType(p.type),
                           importType: p.type.isIDValue && !integerIDs ? .string : p.type)
                }
                nodes.append(NodeTable(view: "n_" + header.stem, label: header.labelColumn == nil ? header.stem : nil,
                                       labelRaw: header.labelColumn.map { cells[$0] }, group: header.idGroup, idRaw: cells[id],
                                       properties: properties, path: path, width: header.width, integerIDs: integerIDs))
            } else if let start = header.startColumn, let end = header.endColumn {
                let properties = header.properties.map { Column(name: $0.name, raw: cells[$0.column], type: SparkType($0.type), importType: $0.type) }
                relationships.append(RelationshipTable(view: "r_" + header.stem, type: header.typeColumn == nil ? header.relationshipStem : nil,
                                                       typeRaw: header.typeColumn.map { cells[$0] }, startGroup: header.startGroup,
                                                       endGroup: header.endGroup, startRaw: cells[start], endRaw: cells[end],
                                                       properties: properties, path: path, width: header.width))
            }
        }
        return SparkGraphSchema(folder: absolute, nodes: nodes, relationships: relationships, unions: groupUnions(nodes),
                                relationshipUnions: relationshipUnions(relationships))
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

    /// The column `c` of a union, from a member table that has it as `own` (or not at all).
    private static func unionColumn(_ c: Column, _ own: Column?) -> String {
        guard let own else { return "CAST(NULL AS \(c.type.sql)) AS \(SparkSQL.name(c.name))" }
        let value = "t.\(SparkSQL.name(c.name))"
        return "\(c.mixed ? own.type.text(value) : value) AS \(SparkSQL.name(c.name))"
    }

    private static func relationshipUnions(_ relationships: [RelationshipTable]) -> [RelationshipTable] {
        var pairs: [[String?]] = []
        for r in relationships where !pairs.contains([r.startGroup, r.endGroup]) { pairs.append([r.startGroup, r.endGroup]) }
        return pairs.compactMap { pair in
            let files = relationships.filter { [$0.startGroup, $0.endGroup] == pair }
            guard files.count > 1 else { return nil }
            return RelationshipTable(view: "u_" + (pair[0] ?? "") + "_" + (pair[1] ?? "") + "_rels", type: nil, typeRaw: nil, startGroup: pair[0], endGroup: pair[1],
                                     startRaw: "_src", endRaw: "_dst", properties: unionColumns(files.flatMap(\.properties)), path: "", members: files.map(\.view))
        }
    }

    /// A union table for each id group of several files, its columns all the files' keys (as
    /// text where the files' types differ).
    private static func groupUnions(_ nodes: [NodeTable]) -> [NodeTable] {
        var groups: [String?] = []
        for n in nodes where !groups.contains(n.group) { groups.append(n.group) }
        return groups.compactMap { group in
            let files = nodes.filter { $0.group == group }
            guard files.count > 1 else { return nil }
            let columns = unionColumns(files.flatMap(\.properties))
            let view = "g_" + (group ?? "") + "_nodes"
            return NodeTable(view: view, label: nil, labelRaw: nil, group: group, idRaw: "_id", properties: columns, path: "",
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

    /// The statements that free the cached views (at the end of a session).
    public var release: [String] {
        (nodes.map(\.view) + relationships.map(\.view)).map { "UNCACHE TABLE IF EXISTS \(SparkSQL.name($0))" }
    }

    /// The statements that make the views, in order: each file read as CSV with its header, then
    /// typed and cached in the cluster's memory when a query first reads it (so that later ones do
    /// not parse the text again, and so that a relationship's `_rid` stays the same within the
    /// session; lazily, so that a session starts without reading every file).
    public var registration: [String] {
        var out: [String] = []
        // The columns are given, so that Spark need not read the header to learn them. An empty
        // cell is null and a quoted empty one (`""`) the empty string, as the importer reads them:
        // no cell is the NUL character, so nothing else reads as null.
        func raw(_ view: String, _ path: String, _ width: Int) -> String {
            "CREATE OR REPLACE TEMPORARY VIEW \(SparkSQL.name(view + "_csv")) (\((0..<width).map { "c\($0) STRING" }.joined(separator: ", "))) USING csv OPTIONS (path \(SparkSQL.string(path)), header 'true', inferSchema 'false', multiLine 'true', escape '\"', nullValue '\\u0000', mode 'FAILFAST')"
        }
        func typed(_ c: Column) -> String { "\(c.type.cast(SparkSQL.name(c.raw))) AS \(SparkSQL.name(c.name))" }
        for n in nodes {
            out.append(raw(n.view, n.path, n.width))
            // `;` separates a row's labels; an empty cell is a node without labels.
            let labels = n.labelRaw.map { ["filter(split(coalesce(\(SparkSQL.name($0)), ''), ';'), l -> l <> '') AS _labels"] } ?? []
            let columns = ["\(idType(n.group).cast(SparkSQL.name(n.idRaw))) AS _id"] + labels + n.properties.map(typed)
            out.append("CACHE LAZY TABLE \(SparkSQL.name(n.view)) AS SELECT \(columns.joined(separator: ", ")) FROM \(SparkSQL.name(n.view + "_csv"))")
        }
        for u in unions {
            let parts = u.members.compactMap { view in nodes.first { $0.view == view } }.map { n in
                let columns = ["_id", "\(SparkSQL.string(n.view)) AS _space", "\(n.labels("t")) AS _labels"] + u.properties.map { Self.unionColumn($0, n.property($0.name)) }
                return "SELECT \(columns.joined(separator: ", ")) FROM \(SparkSQL.name(n.view)) t"
            }
            out.append("CREATE OR REPLACE TEMPORARY VIEW \(SparkSQL.name(u.view)) AS \(parts.joined(separator: " UNION ALL "))")
        }
        for (index, r) in relationships.enumerated() {
            out.append(raw(r.view, r.path, r.width))
            // Unique over all files: the file's number above the bits monotonically_increasing_id uses.
            let columns = ["monotonically_increasing_id() + \(Int64(index) << 54) AS _rid", "\(idType(r.startGroup).cast(SparkSQL.name(r.startRaw))) AS _src",
                           "\(idType(r.endGroup).cast(SparkSQL.name(r.endRaw))) AS _dst"]
                + (r.typeRaw.map { ["\(SparkSQL.name($0)) AS _type"] } ?? []) + r.properties.map(typed)
            out.append("CACHE LAZY TABLE \(SparkSQL.name(r.view)) AS SELECT \(columns.joined(separator: ", ")) FROM \(SparkSQL.name(r.view + "_csv"))")
        }
        for u in relationshipUnions {
            let parts = u.members.compactMap { view in relationships.first { $0.view == view } }.map { r in
                let columns = ["_rid", "_src", "_dst", "\(SparkSQL.string(r.view)) AS _file", "\(r.type("t")) AS _type"] + u.properties.map { Self.unionColumn($0, r.property($0.name)) }
                return "SELECT \(columns.joined(separator: ", ")) FROM \(SparkSQL.name(r.view)) t"
            }
            out.append("CREATE OR REPLACE TEMPORARY VIEW \(SparkSQL.name(u.view)) AS \(parts.joined(separator: " UNION ALL "))")
        }
        return out
    }
}

/// The Spark SQL type of a column, from its neo4j-admin type.
enum SparkType: Sendable, Hashable {
    case string, bigint, double, boolean, date
    indirect case array(SparkType)
    /// A Cypher map as a struct: its keys and, where known, their types.
    indirect case map([String: SparkType?])
    /// The null literal (Spark's VOID).
    case null
    /// A node, relationship or path as a value (`SparkSlot.value`).
    case node, relationship, path

    /// The type of a list holding values of both types (null fits any), or nil when Spark
    /// cannot hold both in one array faithfully.
    static func unified(_ a: SparkType, _ b: SparkType) -> SparkType? {
        if a == b || b == .null { return a }
        if a == .null { return b }
        switch (a, b) {
        case (.array(let i), .array(let j)): return unified(i, j).map { .array($0) }
        case (.map(let f), .map(let g)) where Set(f.keys) == Set(g.keys):
            var fields: [String: SparkType?] = [:]
            for (k, t) in f {
                guard let t, let u = g[k] ?? nil, let both = unified(t, u) else { return nil }
                fields[k] = both
            }
            return .map(fields)
        default: return nil
        }
    }

    /// Which values compare with which: numbers with numbers, else each kind with itself.
    var kind: String {
        switch self {
        case .bigint, .double: return "number"
        case .string: return "string"
        case .boolean: return "boolean"
        case .date: return "date"
        case .array: return "list"
        case .map: return "map"
        case .null: return "null"
        case .node: return "node"
        case .relationship: return "relationship"
        case .path: return "path"
        }
    }

    init(_ t: ImportType) {
        switch t {
        case .integer: self = .bigint
        case .float: self = .double
        case .boolean: self = .boolean
        case .date: self = .date
        case .array(let item): self = .array(SparkType(item))
        // Ids stay text (the id column and relationship ends compare as read); times, durations
        // and points have no Spark type here yet and stay text.
        default: self = .string
        }
    }

    var sql: String {
        switch self {
        case .string: return "STRING"
        case .bigint: return "BIGINT"
        case .double: return "DOUBLE"
        case .boolean: return "BOOLEAN"
        case .date: return "DATE"
        case .array(let t): return "ARRAY<\(t.sql)>"
        case .map(let fields):
            return fields.isEmpty ? "MAP<STRING, STRING>" : "STRUCT<" + fields.sorted { $0.key < $1.key }.map { "\(SparkSQL.name($0.key)): \($0.value?.sql ?? "STRING")" }.joined(separator: ", ") + ">"
        case .null: return "STRING"
        case .node: return SparkSlot.nodeType
        case .relationship: return SparkSlot.relationshipType
        case .path: return SparkSlot.pathType
        }
    }

    /// A value of this type as the text the importer reads back (`;` between list items).
    func text(_ value: String) -> String {
        switch self {
        case .array: return "array_join(transform(\(value), v -> CAST(v AS STRING)), ';')"
        default: return "CAST(\(value) AS STRING)"
        }
    }

    /// The raw text column as this type (arrays are `;`-separated, as the importer reads them).
    func cast(_ column: String) -> String {
        switch self {
        case .string: return column
        case .date: return "to_date(\(column))"
        case .array(let t): return "transform(split(\(column), ';'), x -> \(t.cast("x")))"
        default: return "CAST(\(column) AS \(sql))"
        }
    }
}

/// Spelling SQL: quoted names and literals.
enum SparkSQL {
    static func name(_ s: String) -> String { "`" + s.replacingOccurrences(of: "`", with: "``") + "`" }

    static func string(_ s: String) -> String {
        "'" + s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "'", with: "\\'") + "'"
    }
}

extension ImportType {
    var isIDValue: Bool { if case .idValue = self { true } else { false } }
}
