/// Counting expansions: an aggregation over a one-hop expansion whose rows it only counts
/// (every aggregate is `count(*)` or counts what the expansion binds, and no key reads that) adds
/// each input row's number of matches, found without making the rows.
struct CountExpansions: RewriteRule {
    let name = "count-expansions"
    let applies = "count(*) (or a count of what a one-hop expansion binds) right over that expansion"
    let safeWhenWriting = true

    func rewrite(_ op: LogicalOperator, _ context: RuleContext) throws(QueryError) -> LogicalOperator? {
        guard case .aggregate(.expand(let input, let expand), let aggregation) = op, onlyCounts(expand, aggregation) else { return nil }
        return .countExpansions(input, aggregation, expand)
    }

    func onlyCounts(_ expand: Expand, _ a: Aggregation) -> Bool {
        let made: Set<Int> = [expand.to, expand.relationship]
        let scope = a.bindings.scope
        for key in a.keys where key.expr.referencedNames.contains(where: { scope[$0].map { made.contains($0) } ?? true }) {
            return false
        }
        return a.aggregates.allSatisfy { call, _ in
            switch call.kind {
            case .countStar: return true
            case .function(let name, false, let args):
                guard name.lowercased() == "count", args.count == 1, case .variable(let v) = args[0].kind,
                      let slot = scope[v] else { return false }
                return made.contains(slot)
            default: return false
            }
        }
    }
}
