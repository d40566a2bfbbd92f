import Foundation

/// A graph folder in the neo4j-admin layout (the one `AdminImport` reads) as Spark sees it: one
/// view per file, named after it. A node file's view has `_id` (its id column) and its typed
/// properties; a relationship file's view `_rid` (a number unique in the session), `_src`, `_dst`
/// and its properties. Read from the headers alone; `registration` holds the SQL that makes the
/// views in a Spark session.
public struct SparkGraphSchema: Sendable {
    public struct Column: Sendable {
        /// The property name (`deaths`), or `id` for a named id column.
        public let name: String
        /// The header cell as Spark names the raw column (`deaths:int`).
        let raw: String
        let type: SparkType
    }

    public struct NodeTable: Sendable {
        public let view: String
        public let label: String
        /// The id space relationships name (`:START_ID(Actor)`), or nil for the default one.
        let group: String?
        let idRaw: String
        public let properties: [Column]
        let path: String
        /// Every id in the file is an integer (read as `BIGINT`, as the importer reads it).
        let integerIDs: Bool

        func property(_ key: String) -> Column? { properties.first { $0.name == key } }
    }

    public struct RelationshipTable: Sendable {
        public let view: String
        public let type: String
        let startGroup: String?
        let endGroup: String?
        let startRaw: String
        let endRaw: String
        public let properties: [Column]
        let path: String

        func property(_ key: String) -> Column? { properties.first { $0.name == key } }
    }

    public let folder: String
    public let nodes: [NodeTable]
    public let relationships: [RelationshipTable]

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
            var (reader, header, cells) = try AdminImport.openFile(name, in: absolute)
            if header.labelColumn != nil || header.typeColumn != nil {
                throw .file("has a :LABEL or :TYPE column, which the Spark back end does not read yet (one label or type per file, from its name)", path: path)
            }
            if header.isNodeFile {
                guard let id = header.idColumn else { throw .file("a node file needs an :ID column", path: path) }
                let integerIDs = try allIntegers(&reader, column: id)
                let properties = header.properties.map { p in
                    Column(name: p.name, raw: cells[p.column], type: p.type.isIDValue ? (integerIDs ? .bigint : .string) : SparkType(p.type))
                }
                nodes.append(NodeTable(view: "n_" + header.stem, label: header.stem, group: header.idGroup, idRaw: cells[id],
                                       properties: properties, path: path, integerIDs: integerIDs))
            } else if let start = header.startColumn, let end = header.endColumn {
                let properties = header.properties.map { Column(name: $0.name, raw: cells[$0.column], type: SparkType($0.type)) }
                relationships.append(RelationshipTable(view: "r_" + header.stem, type: header.relationshipStem, startGroup: header.startGroup,
                                                       endGroup: header.endGroup, startRaw: cells[start], endRaw: cells[end],
                                                       properties: properties, path: path))
            }
        }
        return SparkGraphSchema(folder: absolute, nodes: nodes, relationships: relationships)
    }

    /// Reads the rest of a node file: whether every id is an integer.
    private static func allIntegers(_ reader: inout CSVReader, column: Int) throws(QueryError) -> Bool {
        while let record = try reader.next() {
            guard column < record.fields.count, let text = record.fields[column], Int64(text) != nil else { return false }
        }
        return true
    }

    /// The statements that make the views, in order: each file read as CSV with its header, then
    /// typed and cached in the cluster's memory (so that a query does not parse the text again, and
    /// so that a relationship's `_rid` stays the same within the session).
    public var registration: [String] {
        var out: [String] = []
        func raw(_ view: String, _ path: String) -> String {
            "CREATE OR REPLACE TEMPORARY VIEW \(SparkSQL.name(view + "_csv")) USING csv OPTIONS (path \(SparkSQL.string(path)), header 'true', inferSchema 'false', multiLine 'true', escape '\"', mode 'FAILFAST')"
        }
        func typed(_ c: Column) -> String { "\(c.type.cast(SparkSQL.name(c.raw))) AS \(SparkSQL.name(c.name))" }
        for n in nodes {
            out.append(raw(n.view, n.path))
            let columns = ["\(idType(n.group).cast(SparkSQL.name(n.idRaw))) AS _id"] + n.properties.map(typed)
            out.append("CACHE TABLE \(SparkSQL.name(n.view)) AS SELECT \(columns.joined(separator: ", ")) FROM \(SparkSQL.name(n.view + "_csv"))")
        }
        for r in relationships {
            out.append(raw(r.view, r.path))
            let columns = ["monotonically_increasing_id() AS _rid", "\(idType(r.startGroup).cast(SparkSQL.name(r.startRaw))) AS _src",
                           "\(idType(r.endGroup).cast(SparkSQL.name(r.endRaw))) AS _dst"]
                + r.properties.map(typed)
            out.append("CACHE TABLE \(SparkSQL.name(r.view)) AS SELECT \(columns.joined(separator: ", ")) FROM \(SparkSQL.name(r.view + "_csv"))")
        }
        return out
    }
}

/// The Spark SQL type of a column, from its neo4j-admin type.
enum SparkType: Sendable, Hashable {
    case string, bigint, double, boolean, date
    indirect case array(SparkType)

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
