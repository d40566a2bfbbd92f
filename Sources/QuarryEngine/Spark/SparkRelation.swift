/// What a slot holds in a Spark SQL relation, and so which columns stand for it. Every slot `n`
/// has a column `sn`; a node also `sn__space` (the view it came from) and `sn__key` for each
/// property key the statement reads, a relationship `sn__type` and its keys.
enum SparkSlot {
    /// A value in `sn`, of the type when it is known.
    case value(SparkType?)
    /// A node of one of these tables: its id in `sn`.
    case node([SparkGraphSchema.NodeTable])
    /// A relationship of one of these tables: its `_rid` in `sn`.
    case relationship([SparkGraphSchema.RelationshipTable])
    /// A variable-length relationship: its number of hops in `sn` (what `length(p)` reads).
    case hops

    static func column(_ slot: Int) -> String { "s\(slot)" }
    static func column(_ slot: Int, _ part: String) -> String { "s\(slot)__\(part)" }

    /// The columns of slot `n`, given the property keys the statement reads.
    func columns(_ slot: Int, keys: [String]) -> [String] {
        switch self {
        case .value, .hops: return [Self.column(slot)]
        case .node, .relationship:
            let tag = if case .node = self { "space" } else { "type" }
            return [Self.column(slot), Self.column(slot, tag)] + keys.map { Self.column(slot, "p_" + $0) }
        }
    }

    /// The type of property `key` over the tables (text when they disagree), or nil when none has it.
    func propertyType(_ key: String) -> SparkType? {
        let types: [SparkType]
        switch self {
        case .node(let tables): types = tables.compactMap { $0.property(key)?.type }
        case .relationship(let tables): types = tables.compactMap { $0.property(key)?.type }
        default: return nil
        }
        guard let first = types.first else { return nil }
        return types.allSatisfy { $0 == first } ? first : .string
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
}
