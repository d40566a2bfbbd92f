extension PatternPlanner {
    /// Builds a path value from the pattern's node and relationship slots.
    func pathBuilder(_ part: PlannedPart) -> Evaluator {
        let nodeSlots = part.nodes.map(\.slot)
        let relSlots = part.relationships.map(\.slot)
        let ctx = self.ctx
        return { row in
            guard case .node(var current) = row[nodeSlots[0]] else { return .null }
            var nodes = [current]
            var rels: [RelID] = []
            for (i, s) in relSlots.enumerated() {
                let hops: [RelID]
                switch row[s] {
                case .relationship(let r): hops = [r]
                case .list(let l): hops = l.compactMap(\.relationshipID)
                default: return .null
                }
                for r in hops {
                    let a = ctx.graph.startNode(of: r), b = ctx.graph.endNode(of: r)
                    current = a == current ? b : a
                    nodes.append(current)
                    rels.append(r)
                }
                guard case .node(let expected) = row[nodeSlots[i + 1]], expected == current else { return .null }
            }
            return .path(PathValue(nodes: nodes, relationships: rels))
        }
    }

    /// Filters for a node's labels and inline properties.
    func nodeFilter(_ n: PlannedNode, _ input: PhysicalOperator, _ compiler: ExpressionCompiler, wasBound: Bool,
                    skipLabel: String? = nil) throws(QueryError) -> PhysicalOperator {
        var op = input
        let labels = n.labels.filter { $0 != skipLabel }
        if wasBound {
            op = FilterOperator(ctx, op, predicate: { row in .bool(row[n.slot].isNode) }, text: "\(n.name ?? "") IS NODE")
        }
        if !labels.isEmpty {
            let ctx = self.ctx
            let ids = labels.map { ctx.readLabel($0, at: n.range) }
            op = FilterOperator(ctx, op, predicate: { row in
                guard case .node(let id) = row[n.slot] else { return .bool(false) }
                return .bool(ids.allSatisfy { ctx.graph.hasLabel(id, $0) })
            }, text: (n.name ?? "") + labels.map { ":" + $0 }.joined())
        }
        if let props = n.properties { op = try propertyFilter(n.slot, props, op, compiler) }
        return op
    }

    /// Keeps rows whose element in `slot` has the given property values.
    func propertyFilter(_ slot: Int, _ props: Expr, _ input: PhysicalOperator, _ compiler: ExpressionCompiler) throws(QueryError) -> PhysicalOperator {
        let map = try compiler.compile(props)
        let ctx = self.ctx
        return FilterOperator(ctx, input, predicate: { (row: inout Row) throws(QueryError) in
            guard case .map(let wanted) = try map(&row) else { return .bool(false) }
            for (k, v) in wanted {
                let actual = try ctx.property(of: row[slot], ctx.graph.keys.id(k) ?? -1, k, at: props.range)
                guard Value.equals(actual, v) == true else { return .bool(false) }
            }
            return .bool(true)
        }, text: props.canonicalText)
    }
}
