/// Column filters: a condition on the node a scan, seek or expansion binds that reads one of its
/// properties and otherwise only constants is judged on the stored column (each distinct string
/// once, text tests on the bytes), and its labels on the labels' member sets. Only while the
/// graph stands still: the columns are taken once per statement.
struct ColumnFilters: RewriteRule {
    let name = "column-filters"
    let applies = "a binding operator's condition on its own node's labels, or on one property against constants"
    let safeWhenWriting = false

    func rewrite(_ op: LogicalOperator, _ context: RuleContext) throws(QueryError) -> LogicalOperator? {
        switch op {
        case .nodeScan(let i, var scan):
            guard let filters = convert(scan.filters, node: scan.slot) else { return nil }
            scan.filters = filters
            return .nodeScan(i, scan)
        case .indexSeek(let i, var seek):
            guard let filters = convert(seek.filters, node: seek.slot) else { return nil }
            seek.filters = filters
            return .indexSeek(i, seek)
        case .expand(let i, var expand):
            guard let filters = convert(expand.filters, node: expand.to) else { return nil }
            expand.filters = filters
            return .expand(i, expand)
        default:
            return nil
        }
    }

    /// The filters with the eligible ones in column form; nil when none is eligible.
    func convert(_ filters: [LogicalPredicate], node slot: Int) -> [LogicalPredicate]? {
        var changed = false
        var out: [LogicalPredicate] = []
        for f in filters {
            switch f {
            case .hasLabels(slot, let labels, let variable, let range):
                out.append(.labelMembership(labels: labels, variable: variable, range: range))
                changed = true
            case .expression(let e):
                guard let name = e.bindings.scope.first(where: { $0.value == slot })?.key,
                      let key = e.expr.onlyReadsProperty(of: name) else {
                    out.append(f)
                    continue
                }
                out.append(.column(ColumnTest(slot: slot, key: key, condition: .predicate(e), byteTest: e.expr.byteTest(on: name),
                                              range: e.range, integerTest: e.expr.integerTest(on: name), text: e.text)))
                changed = true
            case .properties(slot, let map):
                guard case .map(let entries) = map.expr.kind, entries.allSatisfy({ $0.1.referencedNames.isEmpty }) else {
                    out.append(f)
                    continue
                }
                for (key, value) in entries {
                    let read = Expr(.property(Expr(.variable("\u{1}node"), map.range), key), map.range)
                    out.append(.column(ColumnTest(slot: slot, key: key, condition: .equals(BoundExpr(expr: value, bindings: map.bindings)),
                                                  byteTest: Expr(.binary(.equal, read, value), map.range).byteTest(on: "\u{1}node"),
                                                  range: map.range, text: "{\(key): \(value.canonicalText)}")))
                }
                changed = true
            default:
                out.append(f)
            }
        }
        return changed ? out : nil
    }
}
