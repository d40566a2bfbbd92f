/// The subqueries checked while analysing a statement (filled through copies of the analyzer,
/// so a class).
final class SubqueryTable {
    var checked: [Int: CheckedSingleQuery] = [:]
}

extension Analyzer {
    /// `EXISTS { }`, `COUNT { }`, `COLLECT { }`: the body is a read-only query that sees the
    /// variables in scope where it stands (not those of an enclosing comprehension); its own
    /// variables stay inside. `COLLECT` returns exactly one column.
    func checkSubquery(_ kind: SubqueryKind, _ query: Query, _ range: SourceRange, _ ctx: ExpressionContext) throws(QueryError) {
        guard query.parts.count == 1, let part = query.parts.first else {
            throw .unsupported("UNION inside a subquery", at: range)
        }
        for clause in part.clauses {
            switch clause.kind {
            case .create, .merge, .set, .remove, .delete:
                throw .subqueryWrites(kind.rawValue, at: clause.range)
            default: break
            }
        }
        var inner = self
        let checked = try inner.analyze(part, outer: ctx.scope, subquery: true)
        if kind == .collect, checked.columns.count != 1 {
            throw .collectNeedsOneColumn(got: checked.columns.count, at: range)
        }
        subqueries.checked[range.start] = checked
    }
}
