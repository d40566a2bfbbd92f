/// What a variable holds, as far as the analyzer can tell.
enum VariableKind: Sendable, Equatable {
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
struct Variable: Sendable, Equatable {
    let slot: Int
    let kind: VariableKind
}

typealias Scope = [String: Variable]

/// Hands out row slots; rows are created with `count` slots once a query is compiled.
final class SlotAllocator {
    private(set) var count = 0

    init() {}

    init(startingAt count: Int) {
        self.count = count
    }

    func next() -> Int {
        count += 1
        return count - 1
    }
}

/// The projection of a WITH or RETURN after analysis.
struct CheckedProjection: Sendable {
    struct Item: Sendable {
        let name: String
        let expression: Expr
        let slot: Int
        let containsAggregate: Bool
    }

    struct Aggregate: Sendable {
        let key: String
        let expression: Expr
        let slot: Int
    }

    var items: [Item]
    var aggregates: [Aggregate]
    var distinct: Bool
    var orderBy: [SortItem]
    var skip: Expr?
    var limit: Expr?
    var predicate: Expr?
    /// Names visible to ORDER BY: the projected names, plus the earlier ones unless the projection
    /// aggregates or is DISTINCT.
    var orderScope: Scope
    var isAggregating: Bool { !aggregates.isEmpty }
}

/// A clause with the scopes it sees.
struct CheckedClause: Sendable {
    let clause: Clause
    /// Variables bound before the clause.
    let before: Scope
    /// Variables bound after it (for MATCH this is the scope of its WHERE).
    let after: Scope
    let projection: CheckedProjection?
    /// For `CALL { ... }`: the checked subquery.
    var subquery: CheckedSubqueryCall? = nil
    /// For `FOREACH`: its clauses, checked with the element's variable, and that variable's slot.
    var foreach: (body: CheckedSingleQuery, slot: Int)? = nil
}

/// A `CALL { ... }` subquery after analysis.
struct CheckedSubqueryCall: Sendable {
    var parts: [CheckedSingleQuery]
    var unionAll: Bool
    /// The slots of the columns it returns (empty for a unit subquery, which returns nothing).
    var returnSlots: [Int]
    var isUpdating: Bool
}

/// An `EXISTS`, `COUNT` or `COLLECT` subquery after analysis: one part, or the parts of a UNION
/// (each seeing the outer row), all returning the same columns.
struct CheckedExpressionSubquery: Sendable {
    var parts: [CheckedSingleQuery]
    var unionAll: Bool
    /// The slots of the columns it returns: the first part's, where the planner puts every part's.
    var columnSlots: [Int] { parts[0].columnSlots }
}

struct CheckedSingleQuery: Sendable {
    var clauses: [CheckedClause]
    var columns: [String]
    var columnSlots: [Int]
}

/// The output of semantic analysis: the query with every name resolved to a slot.
struct CheckedQuery {
    var parts: [CheckedSingleQuery]
    var unionAll: [Bool]
    var slots: SlotAllocator
    var isUpdating: Bool
    /// `EXISTS`, `COUNT` and `COLLECT` subqueries, by the offset where their expression starts.
    var subqueries: [Int: CheckedExpressionSubquery] = [:]
    var columns: [String] { parts.first?.columns ?? [] }
}
