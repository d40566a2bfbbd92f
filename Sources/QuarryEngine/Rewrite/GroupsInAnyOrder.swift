/// The groups of an expansion aggregate, read only through projections, unwinds and filters by
/// an aggregation into one group whose aggregates no order of rows changes (`count`, `sum`,
/// `min`, `max`, ...; not `collect`), may come in any order: `… WITH a, collect(d) AS ds UNWIND …
/// RETURN count(*), sum(gap)`. Each group is then handed on as soon as its matches are in, with
/// no table of groups kept and no ordering of the groups by their first sort key. (As for any
/// aggregation, a sum of floats follows the order its rows come in to the last digit, and of
/// equal values of two types, 1 and 1.0, `min` and `max` keep the first.)
struct GroupsInAnyOrder: RewriteRule {
    let name = "groups-in-any-order"
    let applies = "an aggregation with no keys and no collect() over projections, unwinds and filters of an expansion aggregate"
    let safeWhenWriting = false

    func rewrite(_ op: LogicalOperator, _ context: RuleContext) throws(QueryError) -> LogicalOperator? {
        guard case .aggregate(let below, let a) = op, a.keys.isEmpty, a.rowOrder == nil,
              a.aggregates.allSatisfy({ ignoresOrder($0.call) }), let freed = freeingGroupOrder(below) else { return nil }
        return .aggregate(freed, a)
    }

    /// `op` with the expansion aggregate it reads marked, or nil when it reads none through
    /// operators that keep each row to itself.
    private func freeingGroupOrder(_ op: LogicalOperator) -> LogicalOperator? {
        switch op {
        case .expansionAggregate(let input, var x):
            guard !x.groupsInAnyOrder else { return nil }
            x.groupsInAnyOrder = true
            return .expansionAggregate(input, x)
        case .project(let input, _), .unwind(let input, _), .filter(let input, _):
            return freeingGroupOrder(input).map { op.replacingInputs([$0]) }
        default:
            return nil
        }
    }

    /// An aggregate whose result the order of its rows does not change.
    private func ignoresOrder(_ call: Expr) -> Bool {
        switch call.kind {
        case .countStar: return true
        case .function(let name, _, _): return AggregateFunction(name: name).map { $0 != .collect } ?? false
        default: return false
        }
    }
}
