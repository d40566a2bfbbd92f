/// `WITH ... ORDER BY k WITH g, collect(x)`: the aggregation takes the rows in the order of `k`
/// itself (it sorts the keys it reads, with the values it collects, and hands its groups out in
/// the order of their first row) instead of a sort of whole rows before it. The result is the
/// same: each list in the order of `k`, ties in input order, the groups as the sorted rows
/// first reach them.
struct OrderedCollect: RewriteRule {
    let name = "ordered-collect"
    let applies = "an ORDER BY right under an aggregation whose aggregates are collect() (not DISTINCT) and counts"
    let safeWhenWriting = true

    func rewrite(_ op: LogicalOperator, _ context: RuleContext) throws(QueryError) -> LogicalOperator? {
        guard case .aggregate(.sort(let input, let sort), var a) = op, a.rowOrder == nil else { return nil }
        var collects = false
        for aggregate in a.aggregates {
            // Counts do not depend on the order; collect() is what the order is for. Sums of
            // floats, min/max among equal values and the others may, so they keep the sort.
            switch aggregate.call.kind {
            case .countStar: continue
            case .function(let name, let distinct, _):
                switch AggregateFunction(name: name) {
                case .count?: continue
                case .collect? where !distinct: collects = true
                default: return nil
                }
            default: return nil
            }
        }
        guard collects else { return nil }
        a.rowOrder = sort
        return .aggregate(input, a)
    }
}
