/// The arguments of the logical operators. Labels, types and keys are names (the physical
/// mapper looks them up in the graph it runs on); values are bound expressions.

struct PatternMatch {
    var parts: [PlannedPart]
    /// Slots bound before the MATCH.
    var bound: Set<Int>
    var scope: [String: Int]
    var predicate: Expr?
    /// When only the set of rows matters (a DISTINCT projection follows), the slots it reads.
    var setSemantics: Set<Int>?
}

struct NodeScan {
    let slot: Int
    let label: String?
    let range: SourceRange
    /// Conditions checked on each candidate before a row is made (the filter rules put them here).
    var filters: [LogicalPredicate] = []
}

struct IndexSeek {
    enum Lookup {
        case equal(BoundExpr)
        case anyOf(BoundExpr)
        case range(lower: (BoundExpr, inclusive: Bool)?, upper: (BoundExpr, inclusive: Bool)?)
    }

    let slot: Int
    let label: String
    let key: String
    let lookup: Lookup
    var filters: [LogicalPredicate] = []

    var text: String {
        if case .range = lookup { return ":\(label)(\(key)) range" }
        return ":\(label)(\(key))"
    }
}

struct Expand {
    let from: Int
    let relationship: Int
    let to: Int
    let direction: Direction
    let types: [String]
    /// The end nodes' first labels, for a "did you mean" on an unknown type.
    let fromLabel: String?
    let toLabel: String?
    let toBound: Bool
    let relationshipBound: Bool
    /// Relationships bound earlier in the same MATCH: a pattern never uses one twice.
    let excluded: [Int]
    let range: SourceRange
    let text: String
    var filters: [LogicalPredicate] = []
}

struct VarExpand {
    let from: Int
    /// Where the list of relationships goes.
    let relationships: Int
    let to: Int
    let direction: Direction
    let types: [String]
    let fromLabel: String?
    let toLabel: String?
    let minHops: Int
    let maxHops: Int?
    let toBound: Bool
    let excluded: [Int]
    /// The pattern's `{k: v}` on the relationships, which every hop must have.
    let properties: [(key: String, value: BoundExpr)]
    let range: SourceRange
    let text: String
}

/// A quantified path pattern, expanded from the bound node `from` one iteration of its chain
/// at a time (a trail: no relationship twice in the whole MATCH).
struct QuantifiedExpand {
    struct Hop {
        let relationship: Int
        /// The iteration slot of the node this hop reaches.
        let node: Int
        let direction: Direction
        let types: [String]
        /// The position in the iteration (0 the first node, `h + 1` the node hop `h` reaches)
        /// where the same node variable appeared before, which this hop must reach again.
        let sameNodeAs: Int?
    }
    /// Where each collected variable's value sits in one iteration.
    enum Element {
        case node(position: Int)
        case relationship(hop: Int)
    }

    let from: Int
    let to: Int
    /// Every relationship gone through, in pattern order.
    let relationships: Int
    /// The iteration slot of each iteration's first node (in the order of expansion).
    let entry: Int
    /// In the order of expansion, which is right to left when `reversed`.
    let hops: [Hop]
    let reversed: Bool
    /// Labels, properties and the group's WHERE, over one iteration's slots.
    let condition: BoundExpr?
    let collected: [(list: Int, element: Element)]
    let minIterations: Int
    let maxIterations: Int?
    let toBound: Bool
    let excluded: [Int]
    let range: SourceRange
    let text: String
}

struct ShortestPath {
    let from: Int
    let to: Int
    let relationships: Int
    let path: Int?
    let direction: Direction
    let types: [String]
    let minHops: Int
    let maxHops: Int?
    let all: Bool
    let range: SourceRange
    let text: String
}

struct Computation {
    enum Source {
        case expression(BoundExpr)
        /// The path through the pattern's node and relationship slots.
        case path(nodes: [Int], relationships: [Int])
        /// The list in a slot, reversed (a variable-length step planned right to left).
        case reversed(Int)
        /// Another slot's value (a UNION branch's columns moved to the first branch's).
        case copy(Int)
    }

    let items: [(slot: Int, source: Source)]
    let text: String
}

extension Computation {
    /// The item a variable names (`e`, bound by `bindings`), when an expression computes it.
    func expressionItem(named e: Expr, in bindings: Bindings) -> (slot: Int, source: BoundExpr)? {
        guard case .variable(let name) = e.kind, let slot = bindings.scope[name],
              let item = items.first(where: { $0.slot == slot }), case .expression(let source) = item.source else { return nil }
        return (slot, source)
    }

    /// Every item but those in `read` may be left uncomputed without hiding an error: each is a
    /// copy of a slot or a variable as it is (anything else might fail on some row).
    func leavesOnlyVariables(besides read: Set<Int>) -> Bool {
        items.allSatisfy { item in
            if read.contains(item.slot) { return true }
            switch item.source {
            case .copy: return true
            case .expression(let e):
                if case .variable = e.expr.kind { return true }
                return false
            default: return false
            }
        }
    }
}

struct Aggregation {
    let keys: [BoundExpr]
    /// Where each key's value goes in the output rows.
    let keySlots: [Int]
    /// The aggregate calls (`count(*)`, `sum(x)`, ...) and their result slots.
    let aggregates: [(call: Expr, slot: Int)]
    /// The bindings the keys and aggregate arguments read.
    let bindings: Bindings
    /// Set by a rule when every key reads one node: its group is remembered per node.
    var groupNode: Int?
    /// Set by a rule that takes away the ORDER BY right below: the order in which the rows reach
    /// the aggregates (and the groups come out), kept without sorting the rows themselves.
    var rowOrder: Sort?
    let text: String
}

/// An aggregation grouped by the node a one-hop expansion starts from, whose arguments (and the
/// ORDER BY taken into it) are computed on the expansion's rows, before any projection (made by
/// a rule).
struct ExpansionAggregation {
    /// The keys (each reads the start node only) and the aggregates' result slots; its
    /// `rowOrder` is `order` below, over the expansion's bindings.
    let aggregation: Aggregation
    let expand: Expand
    /// Where the keys read the start node (a projection's copy of it, or the expansion's own slot).
    let groupSlot: Int
    /// Each aggregate's argument over the expansion's bindings (nil for `count(*)`).
    let arguments: [BoundExpr?]
    let order: [(value: BoundExpr, descending: Bool)]?
    /// Nothing that reads the groups depends on their order (rule `groups-in-any-order`): each
    /// may be handed on as soon as its matches are in.
    var groupsInAnyOrder = false
}

struct ColumnAggregation {
    struct Aggregate {
        let function: AggregateFunction
        /// The property read; nil for `count(*)` and `count(n)`.
        let key: String?
        /// The argument computed from that property (`max(date(n.date))`), or nil for the property itself.
        var derived: BoundExpr?
        let slot: Int
        let range: SourceRange
    }

    let slot: Int
    /// The label scanned (the smallest) and the others the node must have.
    let label: String?
    let otherLabels: [String]
    let range: SourceRange
    let filters: [ColumnTest]
    let groupKeys: [String]
    /// For each key, the expression computed from its property (`date.truncate('month', date(n.date))`),
    /// or nil when the key is the property itself.
    let derivedKeys: [BoundExpr?]
    /// Where each key's value goes in the output rows.
    let keySlots: [Int]
    let aggregates: [Aggregate]
    let text: String
}

struct Sort {
    let keys: [(value: BoundExpr, descending: Bool)]
    let text: String
}

struct SkipLimit {
    let skip: Expr?
    let limit: Expr?
    /// Updating clauses feed it: rows past the limit are still made (their writes happen).
    let drainsInput: Bool
}

struct Unwind {
    let list: BoundExpr
    let slot: Int
}

struct LoadCSV {
    let source: BoundExpr
    let slot: Int
    let withHeaders: Bool
    let fieldTerminator: String?
}

struct ProcedureAggregation {
    struct Aggregate {
        let function: AggregateFunction
        let distinct: Bool
        /// The procedure output it reads; nil for `count(*)`.
        let output: Int?
        let slot: Int
        let range: SourceRange
    }

    let aggregates: [Aggregate]
    let text: String
}

struct ProcedureCall {
    let name: String
    let arguments: [BoundExpr]
    /// Which output goes to which slot.
    let outputs: [(index: Int, slot: Int)]
    let range: SourceRange
    let text: String
}

/// One pattern of CREATE or MERGE, with every element's slot.
struct CreatePattern {
    struct Node {
        let slot: Int
        /// Bound before the clause: used, not created.
        let bound: Bool
        let labels: [String]
        let properties: Expr?
    }

    struct Relationship {
        let slot: Int
        let type: String
        let from: Int
        let to: Int
        let properties: Expr?
    }

    let nodes: [Node]
    let relationships: [Relationship]
    let path: Int?
    let bindings: Bindings
    let text: String
}

struct Create {
    let patterns: [CreatePattern]
}

struct Merge {
    let pattern: CreatePattern
    let onCreate: [SetItem]
    let onMatch: [SetItem]
    /// The pattern's property values (MERGE cannot match or create a null).
    let required: [Expr]
}

struct Update {
    enum Item {
        case set(SetItem)
        case remove(RemoveItem)
    }

    let items: [Item]
    let bindings: Bindings
    let text: String
}

struct Delete {
    let targets: [BoundExpr]
    let detach: Bool
}
