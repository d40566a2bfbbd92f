/// The state of planning one MATCH: the operator built so far, the slots bound, and the WHERE
/// conjuncts still waiting for their variables.
final class MatchBuilder {
    let planner: PatternPlanner
    let compiler: ExpressionCompiler
    var op: PhysicalOperator
    var bound: Set<Int>
    var pending: [(Expr, Set<Int>)]
    /// Relationships matched so far in this MATCH: one is never used twice.
    var relationshipsHere: [Int] = []
    /// When only the set of rows matters (the MATCH feeds a DISTINCT projection), the slots that
    /// projection reads: repeats of what is still needed are then dropped after each expansion.
    var setSemantics: Set<Int>?

    init(planner: PatternPlanner, input: PhysicalOperator, parts: [PlannedPart], bound: Set<Int>, scope: [String: Int], predicate: Expr?) {
        self.planner = planner
        var compiler = planner.compiler(scope)
        compiler.entities = Set(parts.flatMap { $0.nodes.compactMap(\.name) + $0.relationships.filter { $0.length == nil }.compactMap(\.name) })
        self.compiler = compiler
        self.op = input
        self.bound = bound
        self.pending = (predicate?.conjuncts ?? []).map { c in (c, Set(c.referencedNames.compactMap { scope[$0] })) }
    }

    func applyReadyFilters() throws(QueryError) {
        var i = 0
        while i < pending.count {
            if pending[i].1.isSubset(of: bound) {
                let e = pending.remove(at: i).0
                op = try planner.filter(op, e, compiler)
            } else {
                i += 1
            }
        }
    }

    func applyRemainingFilters() throws(QueryError) {
        for (e, _) in pending {
            op = try planner.filter(op, e, compiler)
        }
        pending = []
    }

    /// Plans one chain `(a)-[r]->(b)-...`: a start node, then expansions to the right and to the left.
    func planChain(_ part: PlannedPart) throws(QueryError) {
        let ctx = planner.ctx
        let scopeSlots = compiler.scope
        let (startIndex, choice, _) = planner.bestStart(part, bound, pending, scopeSlots)
        let start = part.nodes[startIndex]
        switch choice {
        case .bound:
            op = try planner.nodeFilter(start, op, compiler, wasBound: true)
        case .seek(let label, let key, let value, let anyOf, let text):
            let e = try compiler.compile(value)
            op = IndexSeekOperator(ctx, op, slot: start.slot, label: label, key: key,
                                   lookup: anyOf ? .anyOf(e) : .equal(e), text: text)
            op = try planner.nodeFilter(start, op, compiler, wasBound: false, skipLabel: ctx.graph.labels.name(label))
        case .rangeSeek(let label, let key, let lower, let upper, let text):
            let lo = try lower.map { b throws(QueryError) in (try compiler.compile(b.0), b.1) }
            let hi = try upper.map { b throws(QueryError) in (try compiler.compile(b.0), b.1) }
            op = IndexSeekOperator(ctx, op, slot: start.slot, label: label, key: key, lookup: .range(lower: lo, upper: hi), text: text)
            op = try planner.nodeFilter(start, op, compiler, wasBound: false, skipLabel: ctx.graph.labels.name(label))
        case .scan(let label):
            op = NodeScanOperator(ctx, op, slot: start.slot, label: label.map { ctx.readLabel($0, at: start.range) }, labelName: label)
            op = try planner.nodeFilter(start, op, compiler, wasBound: false, skipLabel: label)
        }
        bound.insert(start.slot)
        try applyReadyFilters()

        var order: [(rel: Int, from: Int, to: Int, reversed: Bool)] = []
        for i in startIndex..<part.relationships.count { order.append((i, i, i + 1, false)) }
        for i in stride(from: startIndex - 1, through: 0, by: -1) { order.append((i, i + 1, i, true)) }
        for (n, step) in order.enumerated() {
            let rel = part.relationships[step.rel]
            let from = part.nodes[step.from], to = part.nodes[step.to]
            var direction = rel.direction
            if step.reversed { direction = direction == .outgoing ? .incoming : direction == .incoming ? .outgoing : .both }
            let types: [Int32]? = rel.types.isEmpty ? nil
                : rel.types.map { ctx.readType($0, at: rel.range, from: from.labels.first, to: to.labels.first, direction: direction) }
            let toBound = bound.contains(to.slot)
            let text = "(\(from.name ?? ""))\(RelationshipPattern(variable: rel.name, types: rel.types, direction: direction, length: rel.length, properties: nil, range: rel.range).canonicalText)(\(to.name ?? ""))"
            if let length = rel.length {
                // openCypher says such a pattern matches nothing; say so, since it is surely a slip.
                if let low = length.min, let high = length.max, low > high {
                    ctx.notices.append(Notice(message: "the length *\(low)..\(high) matches nothing: its lower bound is above its upper bound (did you mean *\(high)..\(low)?)",
                                              range: rel.range))
                }
                var filters: [(Int32, Evaluator)] = []
                if let props = rel.properties, case .map(let entries) = props.kind {
                    for (k, v) in entries { filters.append((ctx.readKey(k, at: props.range), try compiler.compile(v))) }
                }
                // A relationship list bound earlier (`WITH [r1, r2] AS rs MATCH ()-[rs*]->()`) is
                // matched by expanding into a fresh slot and keeping the path equal to it.
                let listBound = bound.contains(rel.slot)
                let output = listBound ? planner.slots.next() : rel.slot
                op = VarExpandOperator(ctx, op, from: from.slot, relationships: output, to: to.slot, direction: direction,
                                       types: types, minHops: length.min ?? 1, maxHops: length.max, toBound: toBound,
                                       excluded: relationshipsHere, propertyFilter: filters, text: text)
                if step.reversed {
                    op = ProjectOperator(ctx, op, items: [(output, { row in
                        if case .list(let l) = row[output] { return .list(l.reversed()) }
                        return row[output]
                    })], text: "reverse \(rel.name ?? "")")
                }
                if listBound {
                    op = FilterOperator(ctx, op, predicate: { row in .bool(GroupKey(row[output]) == GroupKey(row[rel.slot])) },
                                        text: "\(rel.name ?? "") is the bound list")
                }
            } else {
                op = ExpandOperator(ctx, op, from: from.slot, relationship: rel.slot, to: to.slot, direction: direction,
                                    types: types, toBound: toBound, relationshipBound: bound.contains(rel.slot),
                                    excluded: relationshipsHere, text: text)
                if let props = rel.properties {
                    op = try planner.propertyFilter(rel.slot, props, op, compiler)
                }
            }
            relationshipsHere.append(rel.slot)
            bound.insert(rel.slot)
            op = try planner.nodeFilter(to, op, compiler, wasBound: false)
            bound.insert(to.slot)
            try applyReadyFilters()
            if part.pathSlot == nil, n + 1 < order.count {
                dropRepeats(remaining: order[(n + 1)...].map { (part.relationships[$0.rel], part.nodes[$0.from].slot, part.nodes[$0.to].slot) }, part)
            }
        }
        if let pathSlot = part.pathSlot {
            op = ProjectOperator(ctx, op, items: [(pathSlot, planner.pathBuilder(part))], text: "path")
            bound.insert(pathSlot)
        }
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
        op = DistinctOperator(planner.ctx, op, slots: keys.sorted())
    }

    /// shortestPath / allShortestPaths: scan for unbound end nodes, then search between them.
    func planShortest(_ part: PlannedPart) throws(QueryError) {
        let ctx = planner.ctx
        guard part.relationships.count == 1, let rel = part.relationships.first else {
            throw .unsupported("shortestPath over more than one relationship pattern", at: part.range)
        }
        for n in part.nodes {
            if bound.contains(n.slot) {
                op = try planner.nodeFilter(n, op, compiler, wasBound: true)
            } else {
                let label = n.labels.first
                op = NodeScanOperator(ctx, op, slot: n.slot, label: label.map { ctx.readLabel($0, at: n.range) }, labelName: label)
                op = try planner.nodeFilter(n, op, compiler, wasBound: false, skipLabel: label)
                bound.insert(n.slot)
            }
        }
        let types: [Int32]? = rel.types.isEmpty ? nil : rel.types.map { ctx.readType($0, at: rel.range) }
        let minHops = rel.length?.min ?? 1
        guard minHops <= 1 else { throw .unsupported("shortestPath with a minimum length above 1", at: rel.range) }
        op = ShortestPathOperator(ctx, op, from: part.nodes[0].slot, to: part.nodes[1].slot, relationships: rel.slot,
                                  path: part.pathSlot, direction: rel.direction, types: types, minHops: minHops,
                                  maxHops: rel.length == nil ? 1 : rel.length?.max, all: part.shortest == .all,
                                  text: "(\(part.nodes[0].name ?? ""))-[*]-(\(part.nodes[1].name ?? ""))")
        bound.insert(rel.slot)
        if let p = part.pathSlot { bound.insert(p) }
    }
}
