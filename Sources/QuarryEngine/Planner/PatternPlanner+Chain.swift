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
            op = filter(op, { row in .bool(row[n.slot].isNode) }, text: "\(n.name ?? "") IS NODE")
        }
        if !labels.isEmpty {
            let ctx = self.ctx
            let ids = labels.map { ctx.readLabel($0, at: n.range) }
            if let binding = op as? BindingOperator, binding.nodeSlot == n.slot, ctx.readOnly {
                binding.addLabelFilter(ids, text: (n.name ?? "") + labels.map { ":" + $0 }.joined())
                if let props = n.properties { op = try propertyFilter(n.slot, props, op, compiler) }
                return op
            }
            op = filter(op, { row in
                guard case .node(let id) = row[n.slot] else { return .bool(false) }
                return .bool(ctx.hasLabels(id, ids))
            }, text: (n.name ?? "") + labels.map { ":" + $0 }.joined())
        }
        if let props = n.properties { op = try propertyFilter(n.slot, props, op, compiler) }
        return op
    }

    /// Keeps rows whose element in `slot` has the given property values. A map literal (the
    /// usual `{name: 'x'}`) is checked key by key with the keys resolved once, not as a map
    /// built for every row.
    func propertyFilter(_ slot: Int, _ props: Expr, _ input: PhysicalOperator, _ compiler: ExpressionCompiler) throws(QueryError) -> PhysicalOperator {
        let ctx = self.ctx
        guard case .map(let entries) = props.kind else {
            let map = try compiler.compile(props)
            return filter(input, { (row: inout Row) throws(QueryError) in
                guard case .map(let wanted) = try map(&row) else { return .bool(false) }
                for (k, v) in wanted {
                    let actual = try ctx.property(of: row[slot], ctx.graph.keys.id(k) ?? -1, k, at: props.range)
                    guard Value.equals(actual, v) == true else { return .bool(false) }
                }
                return .bool(true)
            }, text: props.canonicalText)
        }
        let wanted = try entries.map { entry throws(QueryError) in
            (key: ctx.graph.keyID(entry.0), name: entry.0, value: try compiler.compile(entry.1))
        }
        if ctx.readOnly, let binding = input as? BindingOperator, binding.nodeSlot == slot,
           entries.allSatisfy({ $0.1.referencedNames.isEmpty }) {
            for (w, entry) in zip(wanted, entries) {
                let read = Expr(.property(Expr(.variable("\u{1}node"), props.range), w.name), props.range)
                let byteTest = Expr(.binary(.equal, read, entry.1), props.range).byteTest(on: "\u{1}node", parameters: ctx.parameters)
                let predicate: Evaluator = { (row: inout Row) throws(QueryError) in
                    let actual = try ctx.property(of: row[slot], w.key, w.name, at: props.range)
                    return .bool(Value.equals(actual, try w.value(&row)) == true)
                }
                binding.addColumnFilter(ColumnFilter(key: w.key, predicate: predicate, byteTest: byteTest),
                                        text: "{\(entry.0): \(entry.1.canonicalText)}")
            }
            return binding
        }
        return filter(input, { (row: inout Row) throws(QueryError) in
            for w in wanted {
                let actual = try ctx.property(of: row[slot], w.key, w.name, at: props.range)
                guard Value.equals(actual, try w.value(&row)) == true else { return .bool(false) }
            }
            return .bool(true)
        }, text: props.canonicalText)
    }

    /// A WHERE conjunct on `input`: a column filter when it reads only one property of the node
    /// `input` binds (in a statement that does not write), otherwise a compiled filter.
    func filter(_ input: PhysicalOperator, _ e: Expr, _ compiler: ExpressionCompiler) throws(QueryError) -> PhysicalOperator {
        let predicate = try compiler.compile(e)
        if ctx.readOnly, let binding = input as? BindingOperator, let slot = binding.nodeSlot,
           let name = compiler.scope.first(where: { $0.value == slot })?.key, let key = e.onlyReadsProperty(of: name) {
            let filter = ColumnFilter(key: ctx.graph.keyID(key), predicate: predicate,
                                      byteTest: e.byteTest(on: name, parameters: ctx.parameters))
            binding.addColumnFilter(filter, text: e.canonicalText)
            return binding
        }
        return filter(input, predicate, text: e.canonicalText)
    }

    /// A filter on `input`: checked inside it when it binds variables, otherwise as an operator.
    func filter(_ input: PhysicalOperator, _ predicate: @escaping Evaluator, text: String) -> PhysicalOperator {
        if let binding = input as? BindingOperator {
            binding.addFilter(predicate, text: text)
            return binding
        }
        return FilterOperator(ctx, input, predicate: predicate, text: text)
    }
}
