/// What a rule may consult: the graph's statistics (label and type counts, indexes, the names it
/// knows), the slots (to give new variables one) and whether the statement writes.
final class RuleContext {
    /// Where the graph is read: a statement's own copy while it is planned, or the execution
    /// context of a statement running (a pattern inside an expression planned as it is mapped).
    /// The latter keeps no second reference to the graph, which a writing statement would
    /// otherwise copy column by column on its first write.
    private enum Source {
        case graph(Graph)
        case running(ExecutionContext)
    }

    private let source: Source
    let writes: Bool
    let slots: SlotAllocator
    var notices: [Notice] = []

    init(graph: Graph, writes: Bool, slots: SlotAllocator) {
        source = .graph(graph)
        self.writes = writes
        self.slots = slots
    }

    init(running ctx: ExecutionContext, slots: SlotAllocator) {
        source = .running(ctx)
        writes = !ctx.readOnly
        self.slots = slots
    }

    var graph: Graph {
        switch source {
        case .graph(let g): g
        case .running(let ctx): ctx.graph
        }
    }
}

/// One rewrite of the logical plan, in its own file: a name, when it applies, and the rewrite of
/// one operator (whose inputs are already rewritten).
protocol RewriteRule: Sendable {
    /// Shown by EXPLAIN when the rule changed the plan.
    var name: String { get }
    /// When it applies, in one line (for `docs/` and `:help`).
    var applies: String { get }
    /// True when the rewrite stays correct while the statement changes the graph; the rules
    /// that assume a graph that stands still while it is read are skipped for writing statements.
    var safeWhenWriting: Bool { get }
    /// The rewritten operator, or nil when the rule does not apply to it.
    func rewrite(_ op: LogicalOperator, _ context: RuleContext) throws(QueryError) -> LogicalOperator?
}

/// Runs the rules, in order, each over the whole plan from the leaves up.
enum Rewriter {
    static let rules: [RewriteRule] = [
        ColumnAggregates(),
        ProcedureAggregates(),
        PlanPatterns(),
        FoldFiltersIntoBindings(),
        ColumnFilters(),
        CountExpansions(),
        GroupByNode(),
        OrderedCollect(),
        ExpansionAggregates(),
        GroupsInAnyOrder(),
        AggregateProjections(),
        EarlyDistinct(),
        TopRows(),
        BidirectionalShortestPath(),
    ]

    /// A statement's plan and its subqueries' plans, with the rules that changed any of them.
    static func rewrite(_ plan: inout LogicalPlan, _ context: RuleContext) throws(QueryError) {
        let keys = plan.subqueries.keys.sorted()
        var roots = [plan.root] + keys.compactMap { plan.subqueries[$0]?.root }
        plan.rulesApplied += try rewrite(&roots, context)
        plan.root = roots[0]
        for (key, root) in zip(keys, roots.dropFirst()) { plan.subqueries[key]?.root = root }
        plan.notices += context.notices
        plan.slotCount = context.slots.count
    }

    /// A pattern inside an expression: planned with the same rules.
    static func rewrite(_ op: LogicalOperator, _ context: RuleContext) throws(QueryError) -> LogicalOperator {
        var roots = [op]
        _ = try rewrite(&roots, context)
        return roots[0]
    }

    /// Each rule in turn over all the roots; the names of those that changed something.
    private static func rewrite(_ roots: inout [LogicalOperator], _ context: RuleContext) throws(QueryError) -> [String] {
        var applied: [String] = []
        for rule in rules where rule.safeWhenWriting || !context.writes {
            var fired = false
            for i in roots.indices { roots[i] = try apply(rule, roots[i], context, &fired) }
            if fired { applied.append(rule.name) }
        }
        return applied
    }

    private static func apply(_ rule: RewriteRule, _ op: LogicalOperator, _ context: RuleContext,
                              _ fired: inout Bool) throws(QueryError) -> LogicalOperator {
        var inputs: [LogicalOperator] = []
        for input in op.inputs { inputs.append(try apply(rule, input, context, &fired)) }
        let rebuilt = inputs.isEmpty ? op : op.replacingInputs(inputs)
        guard let rewritten = try rule.rewrite(rebuilt, context) else { return rebuilt }
        fired = true
        return rewritten
    }
}
