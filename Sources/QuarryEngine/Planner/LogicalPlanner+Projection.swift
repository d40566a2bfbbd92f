extension LogicalPlanner {
    /// WITH and RETURN: aggregate or project, then DISTINCT, ORDER BY, SKIP/LIMIT and WITH's WHERE.
    func planProjection(_ p: CheckedProjection, before: Scope, after: Scope, input: LogicalOperator) -> LogicalOperator {
        var op = input
        var aggregateSlots: [String: Int] = [:]
        if p.isAggregating {
            let keyItems = p.items.filter { !$0.containsAggregate }
            for a in p.aggregates { aggregateSlots[a.key] = a.slot }
            op = .aggregate(op, Aggregation(keys: keyItems.map { bound($0.expression, before) }, keySlots: keyItems.map(\.slot),
                                            aggregates: p.aggregates.map { ($0.expression, $0.slot) }, bindings: bindings(before),
                                            groupNode: nil, text: p.aggregates.map(\.key).joined(separator: ", ")))
            for item in keyItems { aggregateSlots[item.expression.canonicalText] = item.slot }
        }
        let items = p.items.map { (slot: $0.slot, source: Computation.Source.expression(bound($0.expression, before, aggregates: aggregateSlots))) }
        op = .project(op, Computation(items: items, text: p.items.map(\.name).joined(separator: ", ")))
        if p.distinct { op = .distinct(op, slots: p.items.map(\.slot)) }
        if !p.orderBy.isEmpty {
            let keys = p.orderBy.map { (value: bound($0.expression, p.orderScope, aggregates: aggregateSlots), descending: $0.descending) }
            op = .sort(op, Sort(keys: keys, text: p.orderBy.map { $0.expression.canonicalText + ($0.descending ? " DESC" : "") }.joined(separator: ", ")))
        }
        if p.skip != nil || p.limit != nil {
            op = .skipLimit(op, SkipLimit(skip: p.skip, limit: p.limit, drainsInput: query.isUpdating))
        }
        if let w = p.predicate {
            op = .filter(op, [.expression(bound(w, p.orderScope.merging(after) { _, new in new }, aggregates: aggregateSlots))])
        }
        return op
    }
}
