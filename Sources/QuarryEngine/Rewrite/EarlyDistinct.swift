/// Early DISTINCT: before a DISTINCT projection whose items read only a few variables, the rows
/// that repeat those variables are dropped (cheap to hash), so the items are computed once per
/// combination.
struct EarlyDistinct: RewriteRule {
    let name = "early-distinct"
    let applies = "DISTINCT over a projection (without aggregates) whose items read fewer than two more variables than there are items"
    let safeWhenWriting = true

    func rewrite(_ op: LogicalOperator, _ context: RuleContext) throws(QueryError) -> LogicalOperator? {
        guard case .distinct(.project(let input, let computation), let slots) = op else { return nil }
        var names: Set<String> = []
        var scope: [String: Int] = [:]
        for item in computation.items {
            guard case .expression(let e) = item.source, e.bindings.aggregates.isEmpty else { return nil }
            names.formUnion(e.expr.referencedNames)
            scope.merge(e.bindings.scope) { a, _ in a }
        }
        let read = names.compactMap { scope[$0] }.sorted()
        guard read.count == names.count, !read.isEmpty, read.count < computation.items.count + 2 else { return nil }
        return .distinct(.project(.distinct(input, slots: read), computation), slots: slots)
    }
}
