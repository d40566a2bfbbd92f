/// An operator that binds new variables (a scan, a seek, an expansion) and checks the WHERE
/// conjuncts and pattern filters that become decidable once they are bound, before it hands a
/// row on: a rejected candidate costs no row copy and no call through the operator above.
class BindingOperator: PipelineOperator {
    /// The slot of the node it binds, which column filters judge.
    let nodeSlot: Int?
    @exclusivity(unchecked) private var columnFilters: [ColumnFilter] = []
    /// Labels the bound node must have.
    @exclusivity(unchecked) private var requiredLabels: [Int32] = []
    @exclusivity(unchecked) private var labelMembers: [Bitset] = []
    @exclusivity(unchecked) private var filters: [DirectEvaluator] = []
    /// `EXISTS { }` conditions on the bound node answered from sets of nodes (batch-friendly).
    @exclusivity(unchecked) private var existenceFilters: [ExistenceSet] = []
    @exclusivity(unchecked) private var filterTexts: [String] = []

    init(_ ctx: ExecutionContext, _ input: PhysicalOperator, nodeSlot: Int?) {
        self.nodeSlot = nodeSlot
        super.init(ctx, input)
    }

    func addFilter(_ predicate: @escaping Evaluator, text: String) {
        filters.append(DirectEvaluator(evaluate: predicate))
        filterTexts.append(text)
    }

    func addLabelFilter(_ labels: [Int32], text: String) {
        requiredLabels += labels
        filterTexts.append(text)
    }

    func addExistenceFilter(_ filter: ExistenceSet, text: String) {
        existenceFilters.append(filter)
        filterTexts.append(text)
    }

    func addColumnFilter(_ filter: ColumnFilter, text: String) {
        columnFilters.append(filter)
        filterTexts.append(text)
    }

    /// True when the row, with `node` just bound in it, satisfies every filter.
    @inline(__always)
    final func accepts(_ row: inout Row, node: NodeID) throws(QueryError) -> Bool {
        if !requiredLabels.isEmpty, !ctx.hasLabels(node, requiredLabels) { return false }
        // Each list looked at only when it holds something: a loop over an array retains and
        // releases it, empty or not, once per candidate.
        if !columnFilters.isEmpty {
            for i in columnFilters.indices {
                guard try columnFilters[i].accepts(Int(node), &row, slot: nodeSlot!, ctx) else { return false }
            }
        }
        if !existenceFilters.isEmpty {
            for i in existenceFilters.indices {
                guard try existenceFilters[i].holds(Int(node), &row) else { return false }
            }
        }
        return try acceptsRow(&row)
    }

    /// Whether the nodes it judges come in id order, each once (a scan), or as a join finds
    /// them (an expansion).
    var candidatesInOrder: Bool { true }

    var hasRowFilters: Bool { !filters.isEmpty }

    var hasColumnFilters: Bool { !columnFilters.isEmpty || !requiredLabels.isEmpty || !existenceFilters.isEmpty }

    /// Keeps the candidate nodes every column filter accepts (the batch form, for scans).
    final func selectByColumns(_ candidates: inout NodeBatch, _ row: inout Row) throws(QueryError) {
        if !requiredLabels.isEmpty {
            // Label checks are only planned for statements that do not write: the members of
            // each label are taken once.
            if labelMembers.isEmpty { labelMembers = requiredLabels.map { ctx.snapshot.members(label: $0) } }
            let members = labelMembers
            candidates.keep { c in
                var kept = 0
                if members.count == 1 {
                    for j in c.indices where members[0].contains(c[j]) {
                        c[kept] = c[j]
                        kept += 1
                    }
                } else {
                    for j in c.indices where members.allSatisfy({ $0.contains(c[j]) }) {
                        c[kept] = c[j]
                        kept += 1
                    }
                }
                return kept
            }
        }
        for i in columnFilters.indices where !candidates.isEmpty {
            try columnFilters[i].select(&candidates, &row, slot: nodeSlot!, inOrder: candidatesInOrder, ctx)
        }
        for f in existenceFilters where !candidates.isEmpty { try f.select(&candidates, &row) }
    }

    /// True when the row satisfies the filters that are not column filters.
    @inline(__always)
    final func acceptsRow(_ row: inout Row) throws(QueryError) -> Bool {
        if filters.isEmpty { return true }
        for i in filters.indices {
            guard case .bool(true) = try filters[i].evaluate(&row) else { return false }
        }
        return true
    }

    /// What the operator binds, for EXPLAIN; its filters are appended after it.
    var bindingText: String { String(describing: type(of: self)) }

    override final var explanation: String {
        filterTexts.isEmpty ? bindingText : bindingText + " WHERE " + filterTexts.joined(separator: " AND ")
    }
}

/// An evaluator in a struct, so an array of them calls each closure directly (an array of bare
/// closures stores them in a generic form that needs a conversion thunk on every call).
struct DirectEvaluator {
    let evaluate: Evaluator
}
