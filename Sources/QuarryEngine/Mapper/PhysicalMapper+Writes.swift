extension PhysicalMapper {
    func createSpec(_ p: CreatePattern) throws(QueryError) -> CreatePatternSpec {
        let c = compiler(p.bindings)
        let ctx = self.ctx
        return CreatePatternSpec(
            nodes: try p.nodes.map { n throws(QueryError) in
                CreateNodeSpec(slot: n.slot, bound: n.bound, labels: n.labels.map { ctx.graph.labelID($0) },
                               properties: try n.properties.map { e throws(QueryError) in try c.compile(e) })
            },
            relationships: try p.relationships.map { r throws(QueryError) in
                CreateRelationshipSpec(slot: r.slot, type: ctx.graph.typeID(r.type), from: r.from, to: r.to,
                                       properties: try r.properties.map { e throws(QueryError) in try c.compile(e) })
            },
            path: p.path.map { ($0, p.nodes.map(\.slot), p.relationships.map(\.slot)) })
    }

    func mapCreate(_ input: PhysicalOperator, _ c: Create) throws(QueryError) -> PhysicalOperator {
        CreateOperator(ctx, input, patterns: try c.patterns.map { p throws(QueryError) in try createSpec(p) },
                       text: c.patterns.map(\.text).joined(separator: ", "))
    }

    func mapMerge(_ input: PhysicalOperator, _ matcher: LogicalOperator, _ m: Merge) throws(QueryError) -> PhysicalOperator {
        let argument = ArgumentOperator(ctx, width: 0)
        let matching = try map(matcher, argument: argument)
        let c = compiler(m.pattern.bindings)
        return MergeOperator(ctx, input, argument: argument, matcher: matching, pattern: try createSpec(m.pattern),
                             onCreate: try m.onCreate.map { i throws(QueryError) in try setAction(i, c) },
                             onMatch: try m.onMatch.map { i throws(QueryError) in try setAction(i, c) },
                             requiredValues: try m.required.map { e throws(QueryError) in try c.compile(e) }, text: m.pattern.text)
    }

    func mapUpdate(_ input: PhysicalOperator, _ u: Update) throws(QueryError) -> PhysicalOperator {
        let c = compiler(u.bindings)
        let actions = try u.items.map { item throws(QueryError) -> SetAction in
            switch item {
            case .set(let s): return try setAction(s, c)
            case .remove(let r): return try removeAction(r, c)
            }
        }
        return SetOperator(ctx, input, actions: actions, text: u.text)
    }

    func setAction(_ item: SetItem, _ c: ExpressionCompiler) throws(QueryError) -> SetAction {
        let ctx = self.ctx
        switch item {
        case .property(let target, let key, let value):
            let t = try c.compile(target), v = try c.compile(value)
            let k = ctx.graph.keyID(key)
            return { (row: inout Row) throws(QueryError) in
                let element = try t(&row)
                try ctx.setProperty(of: element, k, try v(&row))
            }
        case .replaceProperties(let name, let value, _), .mergeProperties(let name, let value, _):
            guard let slot = c.scope[name] else { throw .undefinedVariable(name, at: value.range, suggestion: nil) }
            let v = try c.compile(value)
            var replace = false
            if case .replaceProperties = item { replace = true }
            let replacing = replace
            return { (row: inout Row) throws(QueryError) in
                let element = row[slot]
                if element.isNull { return }
                let newValue = try v(&row)
                if case .map(let m) = newValue {
                    if replacing {
                        for k in ctx.propertyKeys(of: element) where m[ctx.graph.keys.name(k)] == nil {
                            try ctx.setProperty(of: element, k, .null)
                        }
                    }
                    for (key, value) in m.sorted(by: { $0.key < $1.key }) { try ctx.setProperty(of: element, ctx.graph.keyID(key), value) }
                    return
                }
                let pairs = try ctx.propertyMap(newValue)
                if replacing {
                    for k in ctx.propertyKeys(of: element) where !pairs.contains(where: { $0.0 == k }) {
                        try ctx.setProperty(of: element, k, .null)
                    }
                }
                for (k, x) in pairs { try ctx.setProperty(of: element, k, x) }
            }
        case .labels(let name, let labels, let r):
            return try labelAction(name, labels, r, c, adding: true)
        }
    }

    /// SET n:A or REMOVE n:A on the node in the variable's slot (null does nothing).
    func labelAction(_ name: String, _ labels: [String], _ r: SourceRange, _ c: ExpressionCompiler, adding: Bool) throws(QueryError) -> SetAction {
        let ctx = self.ctx
        guard let slot = c.scope[name] else { throw .undefinedVariable(name, at: r, suggestion: nil) }
        let ids = labels.map { ctx.graph.labelID($0) }
        return { (row: inout Row) throws(QueryError) in
            switch row[slot] {
            case .null: return
            case .node(let n) where adding:
                for l in ids where ctx.graph.addLabel(n, l) { ctx.statistics.labelsAdded += 1 }
            case .node(let n):
                for l in ids where ctx.graph.removeLabel(n, l) { ctx.statistics.labelsRemoved += 1 }
            case let v: throw .typeMismatch(adding ? "labels can only be set on nodes" : "labels can only be removed from nodes", got: v, at: r)
            }
        }
    }

    func removeAction(_ item: RemoveItem, _ c: ExpressionCompiler) throws(QueryError) -> SetAction {
        let ctx = self.ctx
        switch item {
        case .property(let target, let key):
            let t = try c.compile(target)
            let k = ctx.graph.keyID(key)
            return { (row: inout Row) throws(QueryError) in
                let element = try t(&row)
                if element.isNull { return }
                try ctx.setProperty(of: element, k, .null)
            }
        case .labels(let name, let labels, let r):
            return try labelAction(name, labels, r, c, adding: false)
        }
    }
}
