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
