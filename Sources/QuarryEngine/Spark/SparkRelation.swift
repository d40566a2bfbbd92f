/// What a slot holds in a Spark SQL relation, and so which columns stand for it. Every slot `n`
/// has a column `sn`. A node also has `sn__space` (the view it came from), `sn__labels` and
/// `sn__p_key` for each property key the statement reads; a relationship `sn__file` (its view),
/// `sn__type`, `sn__src`, `sn__dst` and its keys; a var-length relationship `sn__list`; a path `sn__path`.
enum SparkSlot {
    /// A value in `sn`, of the type when it is known.
    case value(SparkType?)
    /// A node of one of these tables: its id in `sn`.
    case node([SparkGraphSchema.NodeTable])
    /// A relationship of one of these tables: its `_rid` in `sn`.
    case relationship([SparkGraphSchema.RelationshipTable])
    /// A shortest path, or its relationships: the length found in `sn` (what `length(p)` reads).
    case hops
    /// A variable-length relationship: its number of hops in `sn`, the list in `sn__list`.
    case relationshipList
    /// A path: its length in `sn`, the path itself in `sn__path`.
    case path

    static func column(_ slot: Int) -> String { "s\(slot)" }
    static func column(_ slot: Int, _ part: String) -> String { "s\(slot)__\(part)" }

    /// The columns of slot `n`, given the property keys the statement reads.
    func columns(_ slot: Int, keys: [String]) -> [String] {
        switch self {
        case .value, .hops: return [Self.column(slot)]
        case .path: return [Self.column(slot), Self.column(slot, "path")]
        case .relationshipList: return [Self.column(slot), Self.column(slot, "list")]
        case .node: return ["", "space", "labels"].map { $0.isEmpty ? Self.column(slot) : Self.column(slot, $0) } + keys.map { Self.column(slot, "p_" + $0) }
        case .relationship:
            return ["", "file", "type", "src", "dst"].map { $0.isEmpty ? Self.column(slot) : Self.column(slot, $0) } + keys.map { Self.column(slot, "p_" + $0) }
        }
    }

    /// How many of the slot's first columns tell one value from another: a node's id and view
    /// (an id is unique within its id group; the id alone when the slot has one view), a
    /// relationship's `_rid` (unique over all files); the others follow from them.
    func identityCount(keys: [String]) -> Int {
        switch self {
        case .node(let tables): tables.count == 1 ? 1 : 2
        case .relationship: 1
        default: columns(0, keys: keys).count
        }
    }

    /// The columns of slot `n` where no row is: typed nulls, so that later steps can use them.
    func nullColumns(_ slot: Int, keys: [String]) -> [String] {
        let types: [String]
        switch self {
        case .value(let t): types = [t?.sql ?? "STRING"]
        case .hops: types = ["BIGINT"]
        case .path: types = ["BIGINT", Self.pathType]
        case .relationshipList: types = ["BIGINT", "ARRAY<\(Self.relationshipType)>"]
        case .node: types = ["STRING", "STRING", "ARRAY<STRING>"] + keys.map { propertyType($0)?.sql ?? "STRING" }
        case .relationship: types = ["STRING", "STRING", "STRING", "STRING", "STRING"] + keys.map { propertyType($0)?.sql ?? "STRING" }
        }
        return zip(columns(slot, keys: keys), types).map { "CAST(NULL AS \($1)) AS \($0)" }
    }

    static let nodeType = "STRUCT<`~node`: STRING, id: STRING, labels: ARRAY<STRING>, props: STRING>"
    static let relationshipType = "STRUCT<`~rel`: STRING, id: STRING, type: STRING, src: STRING, dst: STRING, props: STRING>"
    static let pathType = "STRUCT<`~path`: ARRAY<\(nodeType)>, rels: ARRAY<\(relationshipType)>>"

    /// Slot `n` as one value: a node or relationship as a struct that `SparkEntities` turns back
    /// into one (its view, id, labels or type and ends, and its properties as JSON, which the
    /// view's column types read back exactly); null where there is none.
    func value(_ slot: Int) throws(QueryError) -> String {
        let c = Self.column(slot)
        func properties(_ tables: [SparkGraphSchema.Column]) -> String {
            SparkEntities.json(Set(tables.map(\.name)).sorted().map { ($0, Self.column(slot, "p_" + $0)) })
        }
        switch self {
        case .value: return c
        case .path: return Self.column(slot, "path")
        case .relationshipList: return Self.column(slot, "list")
        case .hops: throw SparkCompiler.unsupported("a shortest path, or its relationships, as a value", instead: "return length(p)")
        case .node(let tables):
            let node = SparkEntities.nodeStruct(view: Self.column(slot, "space"), id: c, labels: Self.column(slot, "labels"),
                                                properties: properties(tables.flatMap(\.properties)))
            return "CASE WHEN \(c) IS NULL THEN NULL ELSE \(node) END"
        case .relationship(let tables):
            let relationship = SparkEntities.relationshipStruct(file: Self.column(slot, "file"), id: c, type: Self.column(slot, "type"),
                                                                ends: (Self.column(slot, "src"), Self.column(slot, "dst")),
                                                                properties: properties(tables.flatMap(\.properties)))
            return "CASE WHEN \(c) IS NULL THEN NULL ELSE \(relationship) END"
        }
    }

    /// The type of property `key` over the tables, or nil when none has it. Values of several
    /// types cannot be compared or computed with faithfully in one Spark column: refused.
    func propertyType(_ key: String) -> SparkType? {
        let types = columns(key).map(\.type)
        guard let first = types.first else { return nil }
        return types.allSatisfy { $0 == first } ? first : .string
    }

    /// Whether the tables hold `key` with values of more than one type.
    func mixes(_ key: String) -> Bool {
        let columns = columns(key)
        return columns.contains(where: \.mixed) || Set(columns.map(\.type)).count > 1
    }

    /// The column of `key` in each of the slot's tables that has it.
    private func columns(_ key: String) -> [SparkGraphSchema.Column] {
        switch self {
        case .node(let tables): tables.compactMap { $0.property(key) }
        case .relationship(let tables): tables.compactMap { $0.property(key) }
        default: []
        }
    }
}

/// A SQL query in the making: a SELECT whose columns stand for slots, or the unit row (one row,
/// no column) that a statement starts from.
struct SparkRelation {
    /// nil for the unit row.
    var sql: String?
    var slots: [Int: SparkSlot]
    /// ORDER BY keys over this relation's columns, kept while later steps keep them.
    var order: [(key: String, descending: Bool)] = []

    /// The ORDER BY list, with Cypher's place for nulls (after every value going up).
    var orderClause: String {
        order.map { $0.key + ($0.descending ? " DESC NULLS FIRST" : " ASC NULLS LAST") }.joined(separator: ", ")
    }

    static let unit = SparkRelation(sql: nil, slots: [:])

    func columns(keys: [String]) -> [String] {
        slots.sorted { $0.key < $1.key }.flatMap { $0.value.columns($0.key, keys: keys) }
    }

    /// The columns that tell rows apart (`SparkSlot.identityCount`): the others follow from them.
    func identityColumns(keys: [String]) -> [String] {
        slots.sorted { $0.key < $1.key }.flatMap { Array($0.value.columns($0.key, keys: keys).prefix($0.value.identityCount(keys: keys))) }
    }
}
