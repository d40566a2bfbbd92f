/// Aggregating an expansion by where it starts: `MATCH (a)-[r]->(e) WITH a, f(e.k) AS d
/// [ORDER BY d] WITH a, collect(d), count(*) …`, grouped by the start node, is computed from each
/// start node's matches in turn: the group is found once per start node, the matches are judged
/// by the column filters as a batch, and each aggregate's argument (and the ORDER BY key taken
/// into the aggregation) is computed for each match, with no row handed on per relationship.
struct ExpansionAggregates: RewriteRule {
    let name = "expansion-aggregates"
    let applies = "an aggregation grouped by the node a one-hop expansion starts from, its arguments read before any projection"
    let safeWhenWriting = false

    func rewrite(_ op: LogicalOperator, _ context: RuleContext) throws(QueryError) -> LogicalOperator? {
        guard case .aggregate(let below, let a) = op, let groupSlot = a.groupNode else { return nil }
        let input: LogicalOperator, expand: Expand, projection: Computation?
        switch below {
        case .expand(let i, let e): (input, expand, projection) = (i, e, nil)
        case .project(.expand(let i, let e), let c): (input, expand, projection) = (i, e, c)
        default: return nil
        }
        guard !expand.toBound, !expand.relationshipBound, expand.excluded.isEmpty else { return nil }
        if let projection {
            guard let item = projection.items.first(where: { $0.slot == groupSlot }), copies(item.source, expand.from) else { return nil }
        } else if groupSlot != expand.from {
            return nil
        }
        /// The projection items the aggregation reads (computed for each match).
        var used: Set<Int> = [groupSlot]
        /// What the aggregation reads as `e`, over the expansion's bindings: itself without a
        /// projection, else the projection item a variable names.
        func resolved(_ e: BoundExpr) -> BoundExpr? {
            guard let projection else { return e }
            guard let item = projection.expressionItem(named: e.expr, in: e.bindings) else { return nil }
            used.insert(item.slot)
            return item.source
        }
        var arguments: [BoundExpr?] = []
        for (call, _) in a.aggregates {
            switch call.kind {
            case .countStar:
                arguments.append(nil)
            case .function(let name, false, let args):
                guard args.count == 1, AggregateFunction(name: name) != nil,
                      let argument = resolved(BoundExpr(expr: args[0], bindings: a.bindings)) else { return nil }
                arguments.append(argument)
            default:
                return nil
            }
        }
        var order: [(value: BoundExpr, descending: Bool)]?
        if let sort = a.rowOrder {
            var keys: [(value: BoundExpr, descending: Bool)] = []
            for key in sort.keys {
                guard let value = resolved(key.value) else { return nil }
                keys.append((value, key.descending))
            }
            order = keys
        }
        // An item nothing reads is not computed here.
        if let projection, !projection.leavesOnlyVariables(besides: used) { return nil }
        return .expansionAggregate(input, ExpansionAggregation(aggregation: a, expand: expand, groupSlot: groupSlot,
                                                               arguments: arguments, order: order))
    }

    /// Whether a projection item is the expansion's start node as it is.
    private func copies(_ source: Computation.Source, _ slot: Int) -> Bool {
        switch source {
        case .copy(let s): return s == slot
        case .expression(let e):
            guard case .variable(let name) = e.expr.kind else { return false }
            return e.bindings.scope[name] == slot
        default: return false
        }
    }
}
