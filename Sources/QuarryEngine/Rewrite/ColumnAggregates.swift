/// Column aggregates: `MATCH (n:Label {…}) WHERE … WITH|RETURN n.k, count(*), sum(n.x) …`, where
/// every filter, grouping key and aggregate reads only properties of `n`, becomes one pass over
/// the label's members and the columns, without a row per node. A key may be computed from one
/// property (`date.truncate('month', date(n.date))`): then once per distinct stored value.
struct ColumnAggregates: RewriteRule {
    let name = "column-aggregates"
    let applies = "an aggregation right over a MATCH of one new node whose filters, keys and aggregates read only its properties"
    let safeWhenWriting = false

    func rewrite(_ op: LogicalOperator, _ context: RuleContext) throws(QueryError) -> LogicalOperator? {
        guard case .aggregate(.match(let input, let match), let aggregation) = op, match.parts.count == 1,
              let part = match.parts.first, part.relationships.isEmpty, part.pathSlot == nil, part.shortest == .none,
              let node = part.nodes.first, let v = node.name, !match.bound.contains(node.slot) else { return nil }
        func read(_ e: Expr) -> String? {
            if case .property(let o, let k) = e.kind, case .variable(let name) = o.kind, name == v { return k }
            return nil
        }
        var keys: [String] = []
        var derived: [BoundExpr?] = []
        for key in aggregation.keys {
            if let k = read(key.expr) {
                keys.append(k)
                derived.append(nil)
            } else if let k = key.expr.onlyReadsProperty(of: v) {
                keys.append(k)
                derived.append(key)
            } else {
                return nil
            }
        }
        var aggregates: [ColumnAggregation.Aggregate] = []
        for (call, slot) in aggregation.aggregates {
            if case .countStar = call.kind {
                aggregates.append(.init(function: .countStar, key: nil, derived: nil, slot: slot, range: call.range))
                continue
            }
            guard case .function(let name, false, let args) = call.kind, args.count == 1,
                  let f = AggregateFunction(name: name), [.count, .sum, .avg, .min, .max].contains(f) else { return nil }
            if f == .count, case .variable(let name) = args[0].kind, name == v {
                aggregates.append(.init(function: .countStar, key: nil, derived: nil, slot: slot, range: call.range))
            } else if let k = read(args[0]) {
                aggregates.append(.init(function: f, key: k, derived: nil, slot: slot, range: call.range))
            } else if let k = args[0].onlyReadsProperty(of: v) {
                aggregates.append(.init(function: f, key: k, derived: BoundExpr(expr: args[0], bindings: Bindings(scope: match.scope, entities: [v])),
                                        slot: slot, range: call.range))
            } else {
                return nil
            }
        }
        var conjuncts = match.predicate?.conjuncts ?? []
        if let props = node.properties {
            guard case .map(let entries) = props.kind else { return nil }
            for (k, value) in entries {
                let read = Expr(.property(Expr(.variable(v), props.range), k), props.range)
                conjuncts.append(Expr(.binary(.equal, read, value), props.range))
            }
        }
        let bindings = Bindings(scope: match.scope, entities: [v])
        var filters: [ColumnTest] = []
        for c in conjuncts {
            guard let k = c.onlyReadsProperty(of: v) else { return nil }
            filters.append(ColumnTest(slot: node.slot, key: k, condition: .predicate(BoundExpr(expr: c, bindings: bindings)),
                                      byteTest: c.byteTest(on: v), range: c.range, text: c.canonicalText))
        }
        let graph = context.graph
        let scanned = node.labels.min { a, b in
            (graph.labels.id(a).map { graph.labelCounts[Int($0)] } ?? 0) < (graph.labels.id(b).map { graph.labelCounts[Int($0)] } ?? 0)
        }
        let text = "(\(v)\(scanned.map { ":" + $0 } ?? ""))"
            + (conjuncts.isEmpty ? "" : " WHERE " + conjuncts.map(\.canonicalText).joined(separator: " AND "))
            + (keys.isEmpty ? "" : " BY " + aggregation.keys.map(\.text).joined(separator: ", "))
            + ": " + aggregation.text
        var others = node.labels
        if let scanned, let i = others.firstIndex(of: scanned) { others.remove(at: i) }
        return .columnAggregate(input, ColumnAggregation(slot: node.slot, label: scanned, otherLabels: others, range: node.range,
                                                         filters: filters, groupKeys: keys, derivedKeys: derived, keySlots: aggregation.keySlots,
                                                         aggregates: aggregates, text: text))
    }
}
