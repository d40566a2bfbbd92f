/// Grouping by one node: when every grouping key reads one node (as itself or as `n.key`), each
/// node's group is remembered, so its keys are computed once per node, not once per row.
struct GroupByNode: RewriteRule {
    let name = "group-by-node"
    let applies = "an aggregation whose every key is `n` or `n.key` of one node n"
    let safeWhenWriting = false

    func rewrite(_ op: LogicalOperator, _ context: RuleContext) throws(QueryError) -> LogicalOperator? {
        switch op {
        case .aggregate(let input, var a):
            guard a.groupNode == nil, let node = groupNode(a) else { return nil }
            a.groupNode = node
            return .aggregate(input, a)
        case .countExpansions(let input, var a, let expand):
            guard a.groupNode == nil, let node = groupNode(a) else { return nil }
            a.groupNode = node
            return .countExpansions(input, a, expand)
        default:
            return nil
        }
    }

    func groupNode(_ a: Aggregation) -> Int? {
        var variable: String?
        for key in a.keys {
            let v: String
            switch key.expr.kind {
            case .variable(let name): v = name
            case .property(let o, _):
                guard case .variable(let name) = o.kind else { return nil }
                v = name
            default: return nil
            }
            if variable == nil { variable = v } else if variable != v { return nil }
        }
        return variable.flatMap { a.bindings.scope[$0] }
    }
}
