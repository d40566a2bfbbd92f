/// Turns a checked query into a tree of physical operators, clause by clause.
final class QueryPlanner {
    let ctx: ExecutionContext
    let query: CheckedQuery
    let patterns: PatternPlanner

    init(ctx: ExecutionContext, query: CheckedQuery) {
        self.ctx = ctx
        self.query = query
        self.patterns = PatternPlanner(ctx: ctx, slots: query.slots)
    }

    func compiler(_ scope: Scope, aggregates: [String: Int] = [:]) -> ExpressionCompiler {
        var c = patterns.compiler(scope.mapValues(\.slot))
        c.aggregateSlots = aggregates
        c.entities = Set(scope.filter { $0.value.kind == .node || $0.value.kind == .relationship }.keys)
        return c
    }

    /// The root operator and the leaf whose row must be sized once every slot is known.
    func plan() throws(QueryError) -> (root: PhysicalOperator, leaves: [ArgumentOperator]) {
        var leaves: [ArgumentOperator] = []
        var branches: [PhysicalOperator] = []
        let target = query.parts[0].columnSlots
        for part in query.parts {
            let leaf = ArgumentOperator(ctx, width: 0)
            leaves.append(leaf)
            var op = try plan(part, input: leaf)
            if part.columnSlots != target {
                let moves = zip(target, part.columnSlots).map { t, s in (slot: t, value: { (row: inout Row) throws(QueryError) -> Value in row[s] }) }
                op = ProjectOperator(ctx, op, items: moves, text: "union columns")
            }
            branches.append(op)
        }
        if branches.count == 1 { return (branches[0], leaves) }
        var root: PhysicalOperator = UnionOperator(ctx, branches: branches)
        if !(query.unionAll.first ?? false) { root = DistinctOperator(ctx, root, slots: target) }
        return (root, leaves)
    }

    /// The slots a `WITH DISTINCT` or `RETURN DISTINCT` (without aggregates) reads, when `c` is
    /// one: the rows before it then matter only as a set over those slots.
    func distinctInputs(_ c: CheckedClause, _ scope: [String: Int]) -> Set<Int>? {
        guard let p = c.projection, p.distinct, !p.isAggregating else { return nil }
        let names = p.items.reduce(into: Set<String>()) { $0.formUnion($1.expression.referencedNames) }
        let slots = names.compactMap { scope[$0] }
        return slots.count == names.count ? Set(slots) : nil
    }

    func isUpdate(_ c: Clause) -> Bool {
        switch c.kind {
        case .create, .merge, .set, .remove, .delete: return true
        default: return false
        }
    }

    func isMerge(_ c: Clause) -> Bool {
        if case .merge = c.kind { return true }
        return false
    }

    func plan(_ part: CheckedSingleQuery, input: PhysicalOperator) throws(QueryError) -> PhysicalOperator {
        var op = input
        var previousWasUpdate = false
        var aggregated = false
        for (index, checked) in part.clauses.enumerated() {
            let clause = checked.clause
            if isUpdate(clause) && (!previousWasUpdate || isMerge(clause)) { op = EagerOperator(ctx, op) }
            if !isUpdate(clause) && previousWasUpdate { op = EagerOperator(ctx, op) }
            previousWasUpdate = isUpdate(clause)
            let next = index + 1 < part.clauses.count ? part.clauses[index + 1] : nil
            switch clause.kind {
            case .match(let optional, let parts, let predicate):
                var scope = checked.after.mapValues(\.slot)
                let planned = parts.map { patterns.assignSlots($0, &scope) }
                let boundBefore = Set(checked.before.values.map(\.slot))
                if optional {
                    let argument = ArgumentOperator(ctx, width: 0)
                    let inner = try patterns.planMatch(input: argument, parts: planned, bound: boundBefore, scope: scope, predicate: predicate)
                    let newSlots = Set(scope.values).subtracting(boundBefore)
                    op = OptionalOperator(ctx, op, argument: argument, inner: inner, nullSlots: newSlots.sorted())
                } else if parts.count == 1,
                          let fused = try columnAggregate(parts[0], predicate, checked, next, input: op) {
                    op = fused
                    aggregated = true
                } else {
                    op = try patterns.planMatch(input: op, parts: planned, bound: boundBefore, scope: scope, predicate: predicate,
                                                setSemantics: next.flatMap { distinctInputs($0, scope) })
                }
            case .unwind(let e, let v):
                op = UnwindOperator(ctx, op, list: try compiler(checked.before).compile(e), slot: checked.after[v]!.slot, text: e.canonicalText)
            case .loadCSV(let headers, let source, let v, let terminator):
                op = LoadCSVOperator(ctx, op, source: try compiler(checked.before).compile(source), slot: checked.after[v]!.slot,
                                     withHeaders: headers, fieldTerminator: terminator, range: source.range)
            case .with(let p), .return(let p):
                op = try planProjection(checked.projection!, p, before: checked.before, after: checked.after, input: op,
                                        aggregated: aggregated)
                aggregated = false
            case .create(let parts):
                var scope = checked.after.mapValues(\.slot)
                var declared = Set(checked.before.keys)
                let specs = parts.map { createSpec($0, scope: &scope, declared: &declared) }
                let c = compiler(checked.after)
                op = CreateOperator(ctx, op, patterns: try specs.map { s throws(QueryError) in try s(c) },
                                    text: parts.map(\.canonicalText).joined(separator: ", "))
            case .merge(let part, let onCreate, let onMatch):
                op = try planMerge(part, onCreate, onMatch, checked, input: op)
            case .set(let items):
                let c = compiler(checked.after)
                op = SetOperator(ctx, op, actions: try items.map { i throws(QueryError) in try setAction(i, c) }, text: "Set")
            case .remove(let items):
                let c = compiler(checked.after)
                op = SetOperator(ctx, op, actions: try items.map { i throws(QueryError) in try removeAction(i, c) }, text: "Remove")
            case .delete(let exprs, let detach):
                let c = compiler(checked.after)
                op = DeleteOperator(ctx, op, targets: try exprs.map { e throws(QueryError) in try c.compile(e) }, detach: detach)
            }
        }
        return op
    }

    func planMerge(_ part: PatternPart, _ onCreate: [SetItem], _ onMatch: [SetItem], _ checked: CheckedClause,
                   input: PhysicalOperator) throws(QueryError) -> PhysicalOperator {
        var scope = checked.after.mapValues(\.slot)
        let boundBefore = Set(checked.before.values.map(\.slot))
        let planned = patterns.assignSlots(part, &scope)
        let argument = ArgumentOperator(ctx, width: 0)
        let matcher = try patterns.planMatch(input: argument, parts: [planned], bound: boundBefore, scope: scope, predicate: nil)
        let c = compiler(checked.after)
        var declared = Set(checked.before.keys)
        let create = createSpec(part, scope: &scope, declared: &declared)
        var required: [Evaluator] = []
        for n in [part.start] + part.steps.map(\.node) {
            if let p = n.properties, case .map(let entries) = p.kind {
                for (_, v) in entries { required.append(try c.compile(v)) }
            }
        }
        for s in part.steps {
            if let p = s.relationship.properties, case .map(let entries) = p.kind {
                for (_, v) in entries { required.append(try c.compile(v)) }
            }
        }
        return MergeOperator(ctx, input, argument: argument, matcher: matcher, pattern: try create(c),
                             onCreate: try onCreate.map { i throws(QueryError) in try setAction(i, c) },
                             onMatch: try onMatch.map { i throws(QueryError) in try setAction(i, c) },
                             requiredValues: required, text: part.canonicalText)
    }

    /// The creation recipe of one pattern part; compiled once the scope is complete.
    func createSpec(_ part: PatternPart, scope: inout [String: Int], declared: inout Set<String>) -> (ExpressionCompiler) throws(QueryError) -> CreatePatternSpec {
        var nodes: [(slot: Int, bound: Bool, labels: [String], props: Expr?)] = []
        var nodeSlots: [Int] = []
        for n in [part.start] + part.steps.map(\.node) {
            let slot: Int
            if let name = n.variable, let s = scope[name] { slot = s } else { slot = patterns.slots.next() }
            if let name = n.variable { scope[name] = slot }
            let isBound = n.variable.map { declared.contains($0) } ?? false
            if let name = n.variable { declared.insert(name) }
            nodes.append((slot, isBound, n.labels, n.properties))
            nodeSlots.append(slot)
        }
        var rels: [(slot: Int, type: String, from: Int, to: Int, props: Expr?)] = []
        for (i, step) in part.steps.enumerated() {
            let r = step.relationship
            let slot = r.variable.flatMap { scope[$0] } ?? patterns.slots.next()
            if let name = r.variable { scope[name] = slot }
            let (a, b) = r.direction == .incoming ? (nodeSlots[i + 1], nodeSlots[i]) : (nodeSlots[i], nodeSlots[i + 1])
            rels.append((slot, r.types.first ?? "", a, b, r.properties))
        }
        let pathSlot = part.pathVariable.flatMap { scope[$0] }
        let ctx = self.ctx
        return { (c: ExpressionCompiler) throws(QueryError) -> CreatePatternSpec in
            CreatePatternSpec(
                nodes: try nodes.map { n throws(QueryError) in
                    CreateNodeSpec(slot: n.slot, bound: n.bound, labels: n.labels.map { ctx.graph.labelID($0) },
                                   properties: try n.props.map { e throws(QueryError) in try c.compile(e) })
                },
                relationships: try rels.map { r throws(QueryError) in
                    CreateRelationshipSpec(slot: r.slot, type: ctx.graph.typeID(r.type), from: r.from, to: r.to,
                                           properties: try r.props.map { e throws(QueryError) in try c.compile(e) })
                },
                path: pathSlot.map { ($0, nodeSlots, rels.map(\.slot)) })
        }
    }
}
