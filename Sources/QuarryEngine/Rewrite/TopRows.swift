/// Top-k: ORDER BY followed by a LIMIT (and SKIP) given as literals or parameters keeps only the
/// first SKIP + LIMIT rows in order instead of sorting them all.
struct TopRows: RewriteRule {
    let name = "top-k"
    let applies = "ORDER BY right under SKIP/LIMIT whose counts are literals or parameters"
    let safeWhenWriting = true

    func rewrite(_ op: LogicalOperator, _ context: RuleContext) throws(QueryError) -> LogicalOperator? {
        guard case .skipLimit(.sort(let input, let sort), let skipLimit) = op, let limit = skipLimit.limit,
              isCount(limit), skipLimit.skip.map(isCount) ?? true else { return nil }
        return .skipLimit(.top(input, sort, skip: skipLimit.skip, limit: limit), skipLimit)
    }

    func isCount(_ e: Expr) -> Bool {
        switch e.kind {
        case .literal(.int), .parameter: return true
        default: return false
        }
    }
}
