/// Plans graph patterns: where to start (a bound node, an index seek, the smallest label),
/// which way to expand, and where each filter goes (as soon as its variables are bound). Reads
/// the graph's counts and indexes only.
struct PatternPlanner {
    let context: RuleContext
    var graph: Graph { context.graph }

    /// Plans the parts of one MATCH on top of its input.
    func plan(_ input: LogicalOperator, _ match: PatternMatch) throws(QueryError) -> LogicalOperator {
        var scope = match.scope
        var predicate = match.predicate
        let parts = match.parts.map { separateDependentProperties($0, &scope, &predicate) }
        let builder = MatchBuilder(planner: self, input: input, parts: parts, bound: match.bound, scope: scope, predicate: predicate)
        if parts.count == 1 { builder.setSemantics = match.setSemantics }
        builder.applyReadyFilters()
        var remaining = parts
        while !remaining.isEmpty {
            let pick = remaining.firstIndex { $0.nodes.contains { builder.bound.contains($0.slot) } }
                ?? cheapestPart(remaining, builder.bound, builder.pending, scope)
            let part = remaining.remove(at: pick)
            if part.shortest != .none {
                try builder.planShortest(part)
            } else {
                builder.planChain(part)
            }
            builder.applyReadyFilters()
        }
        builder.applyRemainingFilters()
        return builder.op
    }

    /// Inline properties whose values read other variables (`(b {k: a.k})`) become WHERE
    /// conjuncts, so they are checked once those variables are bound, wherever the plan starts.
    func separateDependentProperties(_ part: PlannedPart, _ scope: inout [String: Int], _ predicate: inout Expr?) -> PlannedPart {
        func split(_ props: Expr?, slot: Int, name: String?) -> Expr? {
            guard let props, case .map(let entries) = props.kind else { return props }
            let dependent = entries.filter { !$0.1.referencedNames.isEmpty }
            guard !dependent.isEmpty else { return props }
            let variable = name ?? Expr.elementName(slot)
            scope[variable] = slot
            for (key, value) in dependent {
                let conjunct = Expr.propertyEquality(variable, key, value)
                predicate = predicate.map { Expr(.binary(.and, $0, conjunct), $0.range) } ?? conjunct
            }
            let constant = entries.filter { $0.1.referencedNames.isEmpty }
            return constant.isEmpty ? nil : Expr(.map(constant), props.range)
        }
        var part = part
        part.nodes = part.nodes.map { n in
            PlannedNode(slot: n.slot, name: n.name, labels: n.labels, properties: split(n.properties, slot: n.slot, name: n.name), range: n.range)
        }
        part.relationships = part.relationships.map { r in
            guard r.length == nil, r.group == nil else { return r }
            return PlannedRelationship(slot: r.slot, name: r.name, types: r.types, direction: r.direction, length: r.length,
                                       properties: split(r.properties, slot: r.slot, name: r.name), range: r.range)
        }
        return part
    }

    func cheapestPart(_ parts: [PlannedPart], _ bound: Set<Int>, _ pending: [(Expr, Set<Int>)], _ scope: [String: Int]) -> Int {
        let costs = parts.map { bestStart($0, bound, pending, scope).cost }
        return costs.indices.min { costs[$0] < costs[$1] } ?? 0
    }

    enum StartChoice {
        case bound
        case seek(label: String, key: String, value: Expr, anyOf: Bool)
        case rangeSeek(label: String, key: String, lower: (Expr, Bool)?, upper: (Expr, Bool)?)
        case scan(label: String?)
    }

    /// The node of the chain to start from, and how, with the estimated rows of the whole chain.
    func bestStart(_ part: PlannedPart, _ bound: Set<Int>, _ pending: [(Expr, Set<Int>)], _ scope: [String: Int])
        -> (index: Int, choice: StartChoice, cost: Double) {
        let estimator = CardinalityEstimator(graph: graph, pending: pending, scope: scope)
        var best: (index: Int, choice: StartChoice, cost: Double) = (0, .scan(label: nil), .infinity)
        for (i, n) in part.nodes.enumerated() {
            let (choice, rows) = startChoice(n, bound, pending, scope, estimator)
            let cost = estimator.chainCost(part, start: i, startRows: rows, bound: bound)
            if i == 0 || cost < best.cost { best = (i, choice, cost) }
        }
        return best
    }

    /// How to start at a node, with an estimate of the rows it yields.
    func startChoice(_ n: PlannedNode, _ bound: Set<Int>, _ pending: [(Expr, Set<Int>)], _ scope: [String: Int],
                     _ estimator: CardinalityEstimator) -> (choice: StartChoice, rows: Double) {
        if bound.contains(n.slot) { return (.bound, 1) }
        let g = graph
        for label in n.labels {
            guard let l = g.labels.id(label) else { return (.scan(label: label), 0) }
            for (key, value, anyOf) in equalities(for: n, pending, bound, scope) {
                if let k = g.keys.id(key), let index = g.index(label: l, key: k) {
                    let perValue = Double(index.entryCount) / Double(max(1, index.distinctValues))
                    return (.seek(label: label, key: key, value: value, anyOf: anyOf), perValue)
                }
            }
            for (key, bounds) in ranges(for: n, pending, bound, scope) {
                if let k = g.keys.id(key), let index = g.index(label: l, key: k) {
                    return (.rangeSeek(label: label, key: key, lower: bounds.lower, upper: bounds.upper),
                            Double(index.entryCount) * 0.3)
                }
            }
        }
        let counted = n.labels.map { (label: $0, count: g.labels.id($0).map { g.labelCounts[Int($0)] } ?? 0) }
        let rows = estimator.labelled(n) * estimator.selectivity(n)
        // A scan costs the nodes it reads, not only those its filters keep.
        let scanned = estimator.labelled(n) * 0.05
        if let smallest = counted.min(by: { $0.count < $1.count }) {
            return (.scan(label: smallest.label), rows + scanned)
        }
        return (.scan(label: nil), rows + scanned * 2)
    }

    /// `n.key > value` (and `>=`, `<`, `<=`, either way round) constraints on the node, by key.
    func ranges(for n: PlannedNode, _ pending: [(Expr, Set<Int>)], _ bound: Set<Int>, _ scope: [String: Int])
        -> [(String, (lower: (Expr, Bool)?, upper: (Expr, Bool)?))] {
        guard let name = n.name else { return [] }
        var byKey: [String: (lower: (Expr, Bool)?, upper: (Expr, Bool)?)] = [:]
        for (e, _) in pending {
            guard case .binary(let op, let a, let b) = e.kind else { continue }
            let flipped: [BinaryOperator: BinaryOperator] = [.less: .greater, .greater: .less, .lessEqual: .greaterEqual, .greaterEqual: .lessEqual]
            guard let reversed = flipped[op] else { continue }
            for (lhs, rhs, relation) in [(a, b, op), (b, a, reversed)] {
                guard case .property(let o, let key) = lhs.kind, case .variable(let v) = o.kind, v == name,
                      Set(rhs.referencedNames.compactMap { scope[$0] }).isSubset(of: bound), !rhs.referencedNames.contains(name) else { continue }
                var bounds = byKey[key] ?? (nil, nil)
                switch relation {
                case .greater: bounds.lower = (rhs, false)
                case .greaterEqual: bounds.lower = (rhs, true)
                case .less: bounds.upper = (rhs, false)
                default: bounds.upper = (rhs, true)
                }
                byKey[key] = bounds
            }
        }
        return byKey.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }

    /// `n.key = value` constraints on the node whose value does not depend on unbound variables.
    func equalities(for n: PlannedNode, _ pending: [(Expr, Set<Int>)], _ bound: Set<Int>, _ scope: [String: Int]) -> [(String, Expr, Bool)] {
        var out: [(String, Expr, Bool)] = []
        if let props = n.properties, case .map(let entries) = props.kind {
            for (k, v) in entries where Set(v.referencedNames.compactMap { scope[$0] }).isSubset(of: bound) { out.append((k, v, false)) }
        }
        guard let name = n.name else { return out }
        for (e, _) in pending {
            guard case .binary(let op, let a, let b) = e.kind, op == .equal || op == .in else { continue }
            for (lhs, rhs) in op == .equal ? [(a, b), (b, a)] : [(a, b)] {
                if case .property(let o, let key) = lhs.kind, case .variable(let v) = o.kind, v == name,
                   Set(rhs.referencedNames.compactMap { scope[$0] }).isSubset(of: bound), !rhs.referencedNames.contains(name) {
                    out.append((key, rhs, op == .in))
                }
            }
        }
        return out
    }
}
