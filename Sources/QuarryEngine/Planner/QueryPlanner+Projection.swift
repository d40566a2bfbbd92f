extension QueryPlanner {
    /// WITH and RETURN: aggregate (unless `aggregated`: a column aggregate did it) or project, then DISTINCT, ORDER BY, SKIP/LIMIT and WITH's WHERE.
    func planProjection(_ p: CheckedProjection, _ syntax: Projection, before: Scope, after: Scope,
                        input: PhysicalOperator, aggregated: Bool = false) throws(QueryError) -> PhysicalOperator {
        var op = input
        var aggregateSlots: [String: Int] = [:]
        if aggregated {
            for a in p.aggregates { aggregateSlots[a.key] = a.slot }
        } else if p.isAggregating {
            let c = compiler(before)
            let keys = try p.items.filter { !$0.containsAggregate }.map { i throws(QueryError) in try c.compile(i.expression) }
            var specs: [AggregateOperator.Spec] = []
            for a in p.aggregates {
                aggregateSlots[a.key] = a.slot
                specs.append(try aggregateSpec(a, c))
            }
            let aggregate = AggregateOperator(ctx, op, keys: keys, groupNodeSlot: groupNode(p, before), specs: specs,
                                              width: query.slots.count, text: p.aggregates.map(\.key).joined(separator: ", "))
            if let expansion = op as? ExpandOperator, onlyCounts(expansion, p, before) { aggregate.countedExpansion = expansion }
            let keyItems = p.items.filter { !$0.containsAggregate }
            aggregate.keySlots = keyItems.map(\.slot)
            for item in keyItems { aggregateSlots[item.expression.canonicalText] = item.slot }
            op = aggregate
        }
        if p.distinct && !p.isAggregating {
            // DISTINCT over values computed from a few variables: first drop the rows that repeat
            // those variables (cheap to hash), so the items are computed once per combination.
            let names = p.items.reduce(into: Set<String>()) { $0.formUnion($1.expression.referencedNames) }
            let slots = names.compactMap { before[$0]?.slot }.sorted()
            if slots.count == names.count, !slots.isEmpty, slots.count < p.items.count + 2 {
                op = DistinctOperator(ctx, op, slots: slots)
            }
        }
        let itemCompiler = compiler(before, aggregates: aggregateSlots)
        let items = try p.items.map { i throws(QueryError) in (slot: i.slot, value: try itemCompiler.compile(i.expression)) }
        op = ProjectOperator(ctx, op, items: items, text: p.items.map(\.name).joined(separator: ", "))
        if p.distinct { op = DistinctOperator(ctx, op, slots: p.items.map(\.slot)) }
        if !p.orderBy.isEmpty {
            let c = compiler(p.orderScope, aggregates: aggregateSlots)
            let keys = try p.orderBy.map { s throws(QueryError) in (value: try c.compile(s.expression), descending: s.descending) }
            let sort = SortOperator(ctx, op, keys: keys, text: p.orderBy.map { $0.expression.canonicalText + ($0.descending ? " DESC" : "") }.joined(separator: ", "))
            sort.keep = rowsWanted(p)
            op = sort
        }
        if p.skip != nil || p.limit != nil {
            let c = compiler([:])
            let skipLimit = SkipLimitOperator(ctx, op, skip: try p.skip.map { e throws(QueryError) in (try c.compile(e), e.range) },
                                              limit: try p.limit.map { e throws(QueryError) in (try c.compile(e), e.range) })
            skipLimit.drainsInput = query.isUpdating
            op = skipLimit
        }
        if let w = p.predicate {
            let c = compiler(p.orderScope.merging(after) { _, new in new }, aggregates: aggregateSlots)
            op = FilterOperator(ctx, op, predicate: try c.compile(w), text: w.canonicalText)
        }
        return op
    }

    /// The slot of the one variable every grouping key reads (as itself or as `v.key`), in a
    /// statement that does not write.
    func groupNode(_ p: CheckedProjection, _ before: Scope) -> Int? {
        guard ctx.readOnly else { return nil }
        var variable: String?
        for item in p.items where !item.containsAggregate {
            let v: String
            switch item.expression.kind {
            case .variable(let name): v = name
            case .property(let o, _):
                guard case .variable(let name) = o.kind else { return nil }
                v = name
            default: return nil
            }
            if variable == nil { variable = v } else if variable != v { return nil }
        }
        return variable.flatMap { before[$0]?.slot }
    }

    /// SKIP + LIMIT when both are constants the planner can read (a literal or a parameter);
    /// nil when there is no LIMIT or it is not a valid count (the run reports that).
    func rowsWanted(_ p: CheckedProjection) -> Int? {
        func constant(_ e: Expr?) -> Int? {
            switch e?.kind {
            case .literal(.int(let n))?: return n >= 0 && n < Int64(Int32.max) ? Int(n) : nil
            case .parameter(let name)?:
                if case .int(let n)? = ctx.parameters[name], n >= 0, n < Int64(Int32.max) { return Int(n) }
                return nil
            default: return nil
            }
        }
        guard let limit = constant(p.limit) else { return nil }
        if p.skip == nil { return limit }
        return constant(p.skip).map { $0 + limit }
    }

    /// True when the aggregation only counts the rows `expansion` makes: every aggregate is
    /// `count(*)` or `count(x)` of what it binds (never null), and no grouping key reads that.
    func onlyCounts(_ expansion: ExpandOperator, _ p: CheckedProjection, _ before: Scope) -> Bool {
        let made: Set<Int> = [expansion.to, expansion.relationshipSlot]
        for item in p.items where !item.containsAggregate {
            if item.expression.referencedNames.contains(where: { before[$0].map { made.contains($0.slot) } ?? true }) { return false }
        }
        return p.aggregates.allSatisfy { a in
            switch a.expression.kind {
            case .countStar: return true
            case .function(let name, false, let args):
                guard name.lowercased() == "count", args.count == 1, case .variable(let v) = args[0].kind,
                      let slot = before[v]?.slot else { return false }
                return made.contains(slot)
            default: return false
            }
        }
    }

    func aggregateSpec(_ a: CheckedProjection.Aggregate, _ c: ExpressionCompiler) throws(QueryError) -> AggregateOperator.Spec {
        switch a.expression.kind {
        case .countStar:
            return .init(function: .countStar, distinct: false, argument: nil, percentile: nil, slot: a.slot, range: a.expression.range)
        case .function(let name, let distinct, let args):
            guard let f = AggregateFunction(name: name) else { throw .unknownFunction(name, at: a.expression.range, suggestion: nil) }
            return .init(function: f, distinct: distinct, argument: try c.compile(args[0]),
                         percentile: args.count > 1 ? try c.compile(args[1]) : nil, slot: a.slot, range: a.expression.range)
        default:
            throw .invalidAggregation("here", at: a.expression.range)
        }
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
                    for key in m.keys.sorted() { try ctx.setProperty(of: element, ctx.graph.keyID(key), m[key]!) }
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
            guard let slot = c.scope[name] else { throw .undefinedVariable(name, at: r, suggestion: nil) }
            let ids = labels.map { ctx.graph.labelID($0) }
            return { (row: inout Row) throws(QueryError) in
                switch row[slot] {
                case .null: return
                case .node(let n):
                    for l in ids where ctx.graph.addLabel(n, l) { ctx.statistics.labelsAdded += 1 }
                case let v: throw .typeMismatch("labels can only be set on nodes", got: v, at: r)
                }
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
            guard let slot = c.scope[name] else { throw .undefinedVariable(name, at: r, suggestion: nil) }
            let ids = labels.map { ctx.graph.labelID($0) }
            return { (row: inout Row) throws(QueryError) in
                switch row[slot] {
                case .null: return
                case .node(let n):
                    for l in ids where ctx.graph.removeLabel(n, l) { ctx.statistics.labelsRemoved += 1 }
                case let v: throw .typeMismatch("labels can only be removed from nodes", got: v, at: r)
                }
            }
        }
    }
}
