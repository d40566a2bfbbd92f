/// What a variable holds, as far as the analyzer can tell.
public enum VariableKind: Sendable, Equatable {
    case node, relationship, relationshipList, path, value
    /// Known not to be a graph element: a number, string, boolean or map literal; or a list.
    case scalar, list

    var noun: String {
        switch self {
        case .node: return "node"
        case .relationship: return "relationship"
        case .relationshipList: return "list of relationships"
        case .path: return "path"
        case .value: return "value"
        case .scalar: return "scalar value"
        case .list: return "list"
        }
    }
}

/// A variable bound to a slot of the row.
public struct Variable: Sendable, Equatable {
    public let slot: Int
    public let kind: VariableKind
}

public typealias Scope = [String: Variable]

/// Hands out row slots; rows are created with `count` slots once a query is compiled.
public final class SlotAllocator {
    public private(set) var count = 0

    public init() {}

    init(startingAt count: Int) {
        self.count = count
    }

    public func next() -> Int {
        count += 1
        return count - 1
    }
}

/// The projection of a WITH or RETURN after analysis.
public struct CheckedProjection: Sendable {
    public struct Item: Sendable {
        public let name: String
        public let expression: Expr
        public let slot: Int
        public let containsAggregate: Bool
    }

    public struct Aggregate: Sendable {
        public let key: String
        public let expression: Expr
        public let slot: Int
    }

    public var items: [Item]
    public var aggregates: [Aggregate]
    public var distinct: Bool
    public var orderBy: [SortItem]
    public var skip: Expr?
    public var limit: Expr?
    public var predicate: Expr?
    /// Names visible to ORDER BY: the projected names, plus the earlier ones unless the projection
    /// aggregates or is DISTINCT.
    public var orderScope: Scope
    public var isAggregating: Bool { !aggregates.isEmpty }
}

/// A clause with the scopes it sees.
public struct CheckedClause: Sendable {
    public let clause: Clause
    /// Variables bound before the clause.
    public let before: Scope
    /// Variables bound after it (for MATCH this is the scope of its WHERE).
    public let after: Scope
    public let projection: CheckedProjection?
}

public struct CheckedSingleQuery: Sendable {
    public var clauses: [CheckedClause]
    public var columns: [String]
    public var columnSlots: [Int]
}

/// The output of semantic analysis: the query with every name resolved to a slot.
public struct CheckedQuery {
    public var parts: [CheckedSingleQuery]
    public var unionAll: [Bool]
    public var slots: SlotAllocator
    public var isUpdating: Bool
    public var columns: [String] { parts.first?.columns ?? [] }
}
