/// The state of planning one MATCH: the plan built so far, the slots bound, and the WHERE
/// conjuncts still waiting for their variables.
final class MatchBuilder {
    let planner: PatternPlanner
    let bindings: Bindings
    var op: LogicalOperator
    var bound: Set<Int>
    var pending: [(Expr, Set<Int>)]
    /// Relationships matched so far in this MATCH: one is never used twice.
    var relationshipsHere: [Int] = []
    /// When only the set of rows matters (the MATCH feeds a DISTINCT projection), the slots that
    /// projection reads: repeats of what is still needed are then dropped after each expansion.
    var setSemantics: Set<Int>?

    init(planner: PatternPlanner, input: LogicalOperator, parts: [PlannedPart], bound: Set<Int>, scope: [String: Int], predicate: Expr?) {
        self.planner = planner
        bindings = Bindings(scope: scope, entities: Set(parts.flatMap {
            $0.nodes.compactMap(\.name) + $0.relationships.filter { $0.length == nil }.compactMap(\.name)
        }))
        self.op = input
        self.bound = bound
        self.pending = (predicate?.conjuncts ?? []).map { c in (c, Set(c.referencedNames.compactMap { scope[$0] })) }
    }

    func filter(_ predicate: LogicalPredicate) {
        op = .filter(op, [predicate])
    }

    func applyReadyFilters() {
        var i = 0
        while i < pending.count {
            if pending[i].1.isSubset(of: bound) {
                filter(.expression(BoundExpr(expr: pending.remove(at: i).0, bindings: bindings)))
            } else {
                i += 1
            }
        }
    }

    func applyRemainingFilters() {
        for (e, _) in pending { filter(.expression(BoundExpr(expr: e, bindings: bindings))) }
        pending = []
    }

    /// Filters for a node's labels (but `skipLabel`, which the operator binding it checks) and
    /// inline properties; `wasBound` when it was bound before and must be checked to be a node.
    func nodeFilters(_ n: PlannedNode, wasBound: Bool, skipLabel: String? = nil) {
        if wasBound { filter(.isNode(slot: n.slot, variable: n.name)) }
        let labels = n.labels.filter { $0 != skipLabel }
        if !labels.isEmpty { filter(.hasLabels(slot: n.slot, labels: labels, variable: n.name, range: n.range)) }
        if let props = n.properties { filter(.properties(slot: n.slot, map: BoundExpr(expr: props, bindings: bindings))) }
    }

    /// Plans one chain `(a)-[r]->(b)-...`: a start node, then expansions to the right and to the left.
    func planChain(_ part: PlannedPart) {
        let (startIndex, choice, _) = planner.bestStart(part, bound, pending, bindings.scope)
        let start = part.nodes[startIndex]
        switch choice {
        case .bound:
            nodeFilters(start, wasBound: true)
        case .seek(let label, let key, let value, let anyOf):
            let e = BoundExpr(expr: value, bindings: bindings)
            op = .indexSeek(op, IndexSeek(slot: start.slot, label: label, key: key, lookup: anyOf ? .anyOf(e) : .equal(e)))
            nodeFilters(start, wasBound: false, skipLabel: label)
        case .rangeSeek(let label, let key, let lower, let upper):
            let lo = lower.map { (BoundExpr(expr: $0.0, bindings: bindings), inclusive: $0.1) }
            let hi = upper.map { (BoundExpr(expr: $0.0, bindings: bindings), inclusive: $0.1) }
            op = .indexSeek(op, IndexSeek(slot: start.slot, label: label, key: key, lookup: .range(lower: lo, upper: hi)))
            nodeFilters(start, wasBound: false, skipLabel: label)
        case .scan(let label):
            op = .nodeScan(op, NodeScan(slot: start.slot, label: label, range: start.range))
            nodeFilters(start, wasBound: false, skipLabel: label)
        }
        bound.insert(start.slot)
        applyReadyFilters()

        var order: [(rel: Int, from: Int, to: Int, reversed: Bool)] = []
        for i in startIndex..<part.relationships.count { order.append((i, i, i + 1, false)) }
        for i in stride(from: startIndex - 1, through: 0, by: -1) { order.append((i, i + 1, i, true)) }
        for (n, step) in order.enumerated() {
            let rel = part.relationships[step.rel]
            let from = part.nodes[step.from], to = part.nodes[step.to]
            let direction = step.reversed ? rel.direction.reversed : rel.direction
            let toBound = bound.contains(to.slot)
            let text = "(\(from.name ?? ""))\(RelationshipPattern(variable: rel.name, types: rel.types, direction: direction, length: rel.length, properties: nil, range: rel.range).canonicalText)(\(to.name ?? ""))"
            if let group = rel.group {
                planQuantified(rel, group, from: from, to: to, reversed: step.reversed,
                               text: "(\(from.name ?? ""))\(group.text)(\(to.name ?? ""))")
            } else if let length = rel.length {
                planVariableLength(rel, length, from: from, to: to, direction: direction, reversed: step.reversed, text: text)
            } else {
                op = .expand(op, Expand(from: from.slot, relationship: rel.slot, to: to.slot, direction: direction, types: rel.types,
                                        fromLabel: from.labels.first, toLabel: to.labels.first, toBound: toBound,
                                        relationshipBound: bound.contains(rel.slot), excluded: relationshipsHere,
                                        range: rel.range, text: text))
                if let props = rel.properties { filter(.properties(slot: rel.slot, map: BoundExpr(expr: props, bindings: bindings))) }
            }
            relationshipsHere.append(rel.slot)
            bound.insert(rel.slot)
            nodeFilters(to, wasBound: false)
            bound.insert(to.slot)
            applyReadyFilters()
            if part.pathSlot == nil, n + 1 < order.count {
                dropRepeats(remaining: order[(n + 1)...].map { (part.relationships[$0.rel], part.nodes[$0.from].slot, part.nodes[$0.to].slot) }, part)
            }
        }
        if let pathSlot = part.pathSlot {
            op = .project(op, Computation(items: [(pathSlot, .path(nodes: part.nodes.map(\.slot), relationships: part.relationships.map(\.slot)))],
                                          text: "path"))
            bound.insert(pathSlot)
        }
    }

    func planVariableLength(_ rel: PlannedRelationship, _ length: (min: Int?, max: Int?), from: PlannedNode, to: PlannedNode,
                            direction: Direction, reversed: Bool, text: String) {
        // openCypher says such a pattern matches nothing; say so, since it is surely a slip.
        if let low = length.min, let high = length.max, low > high {
            planner.context.notices.append(Notice(message: "the length *\(low)..\(high) matches nothing: its lower bound is above its upper bound (did you mean *\(high)..\(low)?)",
                                                  range: rel.range))
        }
        var properties: [(key: String, value: BoundExpr)] = []
        if let props = rel.properties, case .map(let entries) = props.kind {
            properties = entries.map { ($0.0, BoundExpr(expr: $0.1, bindings: bindings)) }
        }
        // A relationship list bound earlier (`WITH [r1, r2] AS rs MATCH ()-[rs*]->()`) is
        // matched by expanding into a fresh slot and keeping the path equal to it.
        let listBound = bound.contains(rel.slot)
        let output = listBound ? planner.context.slots.next() : rel.slot
        op = .varExpand(op, VarExpand(from: from.slot, relationships: output, to: to.slot, direction: direction, types: rel.types,
                                      fromLabel: from.labels.first, toLabel: to.labels.first, minHops: length.min ?? 1,
                                      maxHops: length.max, toBound: bound.contains(to.slot), excluded: relationshipsHere,
                                      properties: properties, range: rel.range, text: text))
        if reversed {
            op = .project(op, Computation(items: [(output, .reversed(output))], text: "reverse \(rel.name ?? "")"))
        }
        if listBound { filter(.sameList(made: output, bound: rel.slot, variable: rel.name)) }
    }

    /// A quantified path pattern from the bound `from` (its right boundary when `reversed`): the
    /// chain's hops in the order they are taken, and one condition per iteration made of the
    /// chain's labels, properties and WHERE.
    func planQuantified(_ rel: PlannedRelationship, _ group: PlannedGroup, from: PlannedNode, to: PlannedNode, reversed: Bool, text: String) {
        let n = group.relationships.count
        let entry = group.nodes[reversed ? n : 0].slot
        var positions = [entry]
        var hops: [QuantifiedExpand.Hop] = []
        for i in reversed ? Array((0..<n).reversed()) : Array(0..<n) {
            let r = group.relationships[i]
            let node = group.nodes[reversed ? i : i + 1].slot
            let direction = reversed ? r.direction.reversed : r.direction
            hops.append(.init(relationship: r.slot, node: node, direction: direction, types: r.types, sameNodeAs: positions.firstIndex(of: node)))
            positions.append(node)
        }
        var collected: [(list: Int, element: QuantifiedExpand.Element)] = []
        for (element, list) in group.collected {
            if let p = positions.firstIndex(of: element) {
                collected.append((list, .node(position: p)))
            } else if let h = hops.firstIndex(where: { $0.relationship == element }) {
                collected.append((list, .relationship(hop: h)))
            }
        }
        var scope = group.scope
        var entities = bindings.entities
        func variable(_ slot: Int, _ name: String?) -> String {
            let name = name ?? Expr.elementName(slot)
            scope[name] = slot
            entities.insert(name)
            return name
        }
        var conjuncts: [Expr] = []
        func properties(_ props: Expr?, of element: String) {
            guard let props, case .map(let entries) = props.kind else { return }
            for (key, value) in entries { conjuncts.append(Expr.propertyEquality(element, key, value)) }
        }
        for node in group.nodes {
            let element = variable(node.slot, node.name)
            if !node.labels.isEmpty { conjuncts.append(Expr(.hasLabels(Expr(.variable(element), node.range), node.labels), node.range)) }
            properties(node.properties, of: element)
        }
        for r in group.relationships { properties(r.properties, of: variable(r.slot, r.name)) }
        if let predicate = group.predicate { conjuncts.append(predicate) }
        let condition = conjuncts.reduce(nil as Expr?) { joined, next in
            joined.map { Expr(.binary(.and, $0, next), $0.range.union(next.range)) } ?? next
        }
        op = .quantifiedExpand(op, QuantifiedExpand(
            from: from.slot, to: to.slot, relationships: rel.slot, entry: entry, hops: hops, reversed: reversed,
            condition: condition.map { BoundExpr(expr: $0, bindings: Bindings(scope: scope, entities: entities)) },
            collected: collected, minIterations: group.min, maxIterations: group.max, toBound: bound.contains(to.slot),
            excluded: relationshipsHere, range: rel.range, text: text))
        bound.formUnion(collected.map(\.list))
    }

    /// Under set semantics, keeps one row per combination of the slots still needed: those the
    /// projection and pending filters read, the nodes the remaining steps expand from or check,
    /// and the relationships a remaining step could otherwise reuse. An expansion from a node
    /// reached by many rows then runs once for it.
    func dropRepeats(remaining: [(rel: PlannedRelationship, from: Int, to: Int)], _ part: PlannedPart) {
        guard let output = setSemantics else { return }
        var needed = output.union(pending.flatMap(\.1))
        for step in remaining { needed.formUnion([step.from, step.to]) }
        for r in relationshipsHere {
            guard let rel = part.relationships.first(where: { $0.slot == r }) else { needed.insert(r); continue }
            if remaining.contains(where: { $0.rel.types.isEmpty || rel.types.isEmpty || !Set($0.rel.types).isDisjoint(with: rel.types) }) {
                needed.insert(r)
            }
        }
        let keys = needed.intersection(bound)
        guard keys.count < bound.count, !keys.isEmpty else { return }
        op = .distinct(op, slots: keys.sorted())
    }

    /// shortestPath / allShortestPaths: scan for unbound end nodes, then search between them.
    func planShortest(_ part: PlannedPart) throws(QueryError) {
        guard part.relationships.count == 1, let rel = part.relationships.first else {
            throw .unsupported("shortestPath over more than one relationship pattern", at: part.range)
        }
        for n in part.nodes {
            if bound.contains(n.slot) {
                nodeFilters(n, wasBound: true)
            } else {
                let label = n.labels.first
                op = .nodeScan(op, NodeScan(slot: n.slot, label: label, range: n.range))
                nodeFilters(n, wasBound: false, skipLabel: label)
                bound.insert(n.slot)
            }
        }
        let minHops = rel.length?.min ?? 1
        guard minHops <= 1 else { throw .unsupported("shortestPath with a minimum length above 1", at: rel.range) }
        op = .shortestPath(op, ShortestPath(from: part.nodes[0].slot, to: part.nodes[1].slot, relationships: rel.slot, path: part.pathSlot,
                                            direction: rel.direction, types: rel.types, minHops: minHops,
                                            maxHops: rel.length == nil ? 1 : rel.length?.max, all: part.shortest == .all,
                                            range: rel.range,
                                            text: "(\(part.nodes[0].name ?? ""))-[*]-(\(part.nodes[1].name ?? ""))"))
        bound.insert(rel.slot)
        if let p = part.pathSlot { bound.insert(p) }
    }
}
