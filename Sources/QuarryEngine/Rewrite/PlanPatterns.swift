/// Start-point choice and filter placement: each chain of a MATCH starts where the estimated
/// rows are fewest (a bound node, an index seek, the smallest label, from the graph's counts and
/// indexes), expands from there, and each WHERE conjunct is checked as soon as its variables are
/// bound.
struct PlanPatterns: RewriteRule {
    let name = "plan-patterns"
    let applies = "always: every MATCH pattern (and every pattern in an expression) becomes scans, seeks and expansions"
    let safeWhenWriting = true

    func rewrite(_ op: LogicalOperator, _ context: RuleContext) throws(QueryError) -> LogicalOperator? {
        guard case .match(let input, let match) = op else { return nil }
        return try PatternPlanner(context: context).plan(input, match)
    }
}
