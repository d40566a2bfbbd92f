extension QueryPlanner {
    /// `MATCH (n:Label {…}) WHERE … WITH|RETURN n.k, count(*), sum(n.x) …`, where every filter,
    /// grouping key and aggregate reads only properties of `n`: one `ColumnAggregateOperator`
    /// instead of a scan feeding an aggregation. Nil when the clauses are not of that shape.
    func columnAggregate(_ part: PatternPart, _ predicate: Expr?, _ match: CheckedClause, _ next: CheckedClause?,
                         input: PhysicalOperator) throws(QueryError) -> PhysicalOperator? {
        guard ctx.readOnly, part.steps.isEmpty, part.pathVariable == nil, part.shortest == .none,
              let v = part.start.variable, match.before[v] == nil, let slot = match.after[v]?.slot,
              let p = next?.projection, p.isAggregating else { return nil }
        func read(_ e: Expr) -> String? {
            if case .property(let o, let k) = e.kind, case .variable(let name) = o.kind, name == v { return k }
            return nil
        }
        var keys: [Int32] = []
        for item in p.items where !item.containsAggregate {
            guard let k = read(item.expression) else { return nil }
            keys.append(ctx.graph.keyID(k))
        }
        var specs: [ColumnAggregateOperator.AggregateSpec] = []
        for a in p.aggregates {
            if case .countStar = a.expression.kind {
                specs.append(.init(function: .countStar, key: nil, slot: a.slot, range: a.expression.range))
                continue
            }
            guard case .function(let name, false, let args) = a.expression.kind, args.count == 1,
                  let f = AggregateFunction(name: name), [.count, .sum, .avg, .min, .max].contains(f) else { return nil }
            if f == .count, case .variable(let name) = args[0].kind, name == v {
                specs.append(.init(function: .countStar, key: nil, slot: a.slot, range: a.expression.range))
            } else if let k = read(args[0]) {
                specs.append(.init(function: f, key: ctx.graph.keyID(k), slot: a.slot, range: a.expression.range))
            } else {
                return nil
            }
        }
        var conjuncts = predicate?.conjuncts ?? []
        if let props = part.start.properties {
            guard case .map(let entries) = props.kind else { return nil }
            for (k, value) in entries {
                let read = Expr(.property(Expr(.variable(v), props.range), k), props.range)
                conjuncts.append(Expr(.binary(.equal, read, value), props.range))
            }
        }
        var compiler = compiler(match.after)
        compiler.entities = [v]
        var filters: [ColumnFilter] = []
        for c in conjuncts {
            guard let k = c.onlyReadsProperty(of: v) else { return nil }
            filters.append(ColumnFilter(key: ctx.graph.keyID(k), predicate: try compiler.compile(c),
                                        byteTest: c.byteTest(on: v, parameters: ctx.parameters)))
        }
        let labels = part.start.labels.map { (name: $0, id: ctx.readLabel($0, at: part.start.range)) }
        let scanned = labels.min { ctx.graph.labelCounts[Int($0.id)] < ctx.graph.labelCounts[Int($1.id)] }
        let text = "(\(v)\(scanned.map { ":" + $0.name } ?? ""))"
            + (conjuncts.isEmpty ? "" : " WHERE " + conjuncts.map(\.canonicalText).joined(separator: " AND "))
            + (keys.isEmpty ? "" : " BY " + p.items.filter { !$0.containsAggregate }.map(\.expression.canonicalText).joined(separator: ", "))
            + ": " + p.aggregates.map(\.key).joined(separator: ", ")
        return ColumnAggregateOperator(ctx, input, slot: slot, label: scanned?.id,
                                       otherLabels: labels.filter { $0.id != scanned?.id }.map(\.id), filters: filters,
                                       groupKeys: keys, specs: specs, width: query.slots.count, text: text)
    }
}
