/// An aggregation without keys right over a projection whose items it aggregates, `WITH
/// duration.inDays(a, b).days AS gap RETURN count(*), sum(gap), max(gap)`: the aggregates read
/// the items' expressions themselves, so that no row is written with the item and read back
/// for each aggregate (`sum(duration.inDays(a, b).days)`, computed once per row for both).
struct AggregateProjections: RewriteRule {
    let name = "aggregate-projections"
    let applies = "an aggregation without keys right over a projection, each aggregate's argument one of its items"
    let safeWhenWriting = false

    func rewrite(_ op: LogicalOperator, _ context: RuleContext) throws(QueryError) -> LogicalOperator? {
        guard case .aggregate(.project(let input, let projection), let a) = op, a.keys.isEmpty, a.rowOrder == nil, a.groupNode == nil
        else { return nil }
        /// The items the aggregates read; all of them must be bound alike.
        var read = Set<Int>()
        var itemBindings: Bindings?
        func item(_ e: Expr) -> BoundExpr? {
            guard let (slot, source) = projection.expressionItem(named: e, in: a.bindings) else { return nil }
            if let itemBindings, !Self.alike(itemBindings, source.bindings) { return nil }
            itemBindings = source.bindings
            read.insert(slot)
            return source
        }
        var calls: [(call: Expr, slot: Int)] = []
        for (call, slot) in a.aggregates {
            switch call.kind {
            case .countStar:
                calls.append((call, slot))
            case .function(let name, let distinct, let args):
                guard args.count == 1, let source = item(args[0]) else { return nil }
                calls.append((Expr(.function(name: name, distinct: distinct, args: [source.expr]), call.range), slot))
            default:
                return nil
            }
        }
        // An item nothing reads is left out only when it cannot fail.
        guard let itemBindings, projection.leavesOnlyVariables(besides: read) else { return nil }
        return .aggregate(input, Aggregation(keys: [], keySlots: [], aggregates: calls, bindings: itemBindings, groupNode: nil,
                                             text: calls.map(\.call.canonicalText).joined(separator: ", ")))
    }

    /// Two bindings that bind every name to the same slot.
    private static func alike(_ a: Bindings, _ b: Bindings) -> Bool {
        a.scope == b.scope && a.aggregates == b.aggregates && a.entities == b.entities
    }
}
