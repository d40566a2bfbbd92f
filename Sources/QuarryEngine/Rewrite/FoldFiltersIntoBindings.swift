/// Filters checked where variables are bound: conditions right above a scan, an index seek or an
/// expansion are checked by it on each candidate, before a row is handed on.
struct FoldFiltersIntoBindings: RewriteRule {
    let name = "fold-filters"
    let applies = "a filter directly above a node scan, an index seek or a one-hop expansion"
    let safeWhenWriting = true

    func rewrite(_ op: LogicalOperator, _ context: RuleContext) throws(QueryError) -> LogicalOperator? {
        guard case .filter(let input, let predicates) = op else { return nil }
        switch input {
        case .nodeScan(let i, var scan):
            scan.filters += predicates
            return .nodeScan(i, scan)
        case .indexSeek(let i, var seek):
            seek.filters += predicates
            return .indexSeek(i, seek)
        case .expand(let i, var expand):
            expand.filters += predicates
            return .expand(i, expand)
        default:
            return nil
        }
    }
}
