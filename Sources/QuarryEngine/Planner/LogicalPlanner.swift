/// A statement's logical plan, before or after the rewrite rules.
struct LogicalPlan {
    var root: LogicalOperator
    var columns: [String]
    var columnSlots: [Int]
    /// Slots the plan's rows need (the mapper may add more for comprehension variables).
    var slotCount: Int
    var isUpdating: Bool
    /// The rules that changed the plan, in the order they ran.
    var rulesApplied: [String] = []
    /// Warnings found while rewriting (a length that matches nothing).
    var notices: [Notice] = []
    /// The plans of `EXISTS`, `COUNT` and `COLLECT` subqueries, by the offset of their expression;
    /// each runs on an argument row holding the outer row.
    var subqueries: [Int: Subquery] = [:]
}

/// A subquery's plan and the slots of what it returns.
struct Subquery {
    var root: LogicalOperator
    let columnSlots: [Int]
    /// The root as planned, before the rewrite rules (an EXISTS may be planned again uncorrelated).
    let planned: LogicalOperator

    init(root: LogicalOperator, columnSlots: [Int]) {
        self.root = root
        self.columnSlots = columnSlots
        planned = root
    }
}

/// Turns a checked query into a logical plan, clause by clause. It reads no graph and no
/// parameter: choices that depend on them belong to the rewrite rules.
struct LogicalPlanner {
    let query: CheckedQuery
    var slots: SlotAllocator { query.slots }

    init(query: CheckedQuery) {
        self.query = query
    }

    func bindings(_ scope: Scope, aggregates: [String: Int] = [:]) -> Bindings {
        Bindings(scope: scope.mapValues(\.slot), aggregates: aggregates,
                 entities: Set(scope.filter { $0.value.kind == .node || $0.value.kind == .relationship }.keys))
    }

    func bound(_ e: Expr, _ scope: Scope, aggregates: [String: Int] = [:]) -> BoundExpr {
        BoundExpr(expr: e, bindings: bindings(scope, aggregates: aggregates))
    }

    func plan() -> LogicalPlan {
        let target = query.parts[0].columnSlots
        let root = plan(query.parts, all: query.unionAll.first ?? false)
        var subqueries: [Int: Subquery] = [:]
        for (offset, sub) in query.subqueries {
            subqueries[offset] = Subquery(root: plan(sub.parts, all: sub.unionAll), columnSlots: sub.columnSlots)
        }
        return LogicalPlan(root: root, columns: query.columns, columnSlots: target, slotCount: slots.count, isUpdating: query.isUpdating,
                           subqueries: subqueries)
    }

    /// The parts of a UNION (or the one part of a query, a `CALL { }` or an `EXISTS`, `COUNT` or
    /// `COLLECT` subquery), each on its own argument row, their columns moved to the first part's
    /// slots.
    func plan(_ parts: [CheckedSingleQuery], all: Bool) -> LogicalOperator {
        let target = parts[0].columnSlots
        var branches: [LogicalOperator] = []
        for part in parts {
            var op = plan(part, input: .argument)
            if part.columnSlots != target {
                op = .project(op, Computation(items: zip(target, part.columnSlots).map { ($0, .copy($1)) }, text: "union columns"))
            }
            branches.append(op)
        }
        guard branches.count > 1 else { return branches[0] }
        return all ? .union(branches) : .distinct(.union(branches), slots: target)
    }

    /// The slots a `WITH DISTINCT` or `RETURN DISTINCT` (without aggregates) reads, when `c` is
    /// one: the rows before it then matter only as a set over those slots.
    func distinctInputs(_ c: CheckedClause, _ scope: [String: Int]) -> Set<Int>? {
        guard let p = c.projection, p.distinct, !p.isAggregating else { return nil }
        let names = p.items.reduce(into: Set<String>()) { $0.formUnion($1.expression.referencedNames) }
        let slots = names.compactMap { scope[$0] }
        return slots.count == names.count ? Set(slots) : nil
    }

    func isUpdate(_ c: CheckedClause) -> Bool {
        switch c.clause.kind {
        case .create, .merge, .set, .remove, .delete: return true
        case .subqueryCall: return c.subquery?.isUpdating ?? false
        case .foreach: return true
        default: return false
        }
    }

    func isMerge(_ c: Clause) -> Bool {
        if case .merge = c.kind { return true }
        return false
    }

    func plan(_ part: CheckedSingleQuery, input: LogicalOperator) -> LogicalOperator {
        var op = input
        var previousWasUpdate = false
        for (index, checked) in part.clauses.enumerated() {
            let clause = checked.clause
            if isUpdate(checked) && (!previousWasUpdate || isMerge(clause)) { op = .eager(op) }
            if !isUpdate(checked) && previousWasUpdate { op = .eager(op) }
            previousWasUpdate = isUpdate(checked)
            let next = index + 1 < part.clauses.count ? part.clauses[index + 1] : nil
            switch clause.kind {
            case .match(let optional, let parts, let predicate):
                var scope = checked.after.mapValues(\.slot)
                let planned = parts.map { assignSlots($0, &scope) }
                let boundBefore = Set(checked.before.values.map(\.slot))
                if optional {
                    let inner = LogicalOperator.match(.argument, PatternMatch(parts: planned, bound: boundBefore, scope: scope, predicate: predicate))
                    op = .optional(op, inner: inner, nullSlots: Set(scope.values).subtracting(boundBefore).sorted())
                } else {
                    op = .match(op, PatternMatch(parts: planned, bound: boundBefore, scope: scope, predicate: predicate,
                                                 setSemantics: next.flatMap { distinctInputs($0, scope) }))
                }
            case .unwind(let e, let v):
                op = .unwind(op, Unwind(list: bound(e, checked.before), slot: checked.after[v]?.slot ?? slots.next()))
            case .loadCSV(let headers, let source, let v, let terminator):
                op = .loadCSV(op, LoadCSV(source: bound(source, checked.before), slot: checked.after[v]?.slot ?? slots.next(),
                                          withHeaders: headers, fieldTerminator: terminator))
            case .call(let call):
                op = planCall(call, checked, input: op)
            case .foreach(_, let list, _):
                // FOREACH is a unit subquery over the list's elements: CALL { UNWIND list AS x ... }.
                guard let foreach = checked.foreach else { break }
                let elements = LogicalOperator.unwind(.argument, Unwind(list: bound(list, checked.before), slot: foreach.slot))
                op = .apply(op, inner: plan(foreach.body, input: elements), returnSlots: [])
            case .subqueryCall:
                guard let call = checked.subquery else { break }
                op = .apply(op, inner: plan(call.parts, all: call.unionAll), returnSlots: call.returnSlots)
            case .with, .return:
                if let projection = checked.projection {
                    op = planProjection(projection, before: checked.before, after: checked.after, input: op)
                }
            case .create(let parts):
                var scope = checked.after.mapValues(\.slot)
                var declared = Set(checked.before.keys)
                let patterns = parts.map { createPattern($0, scope: &scope, declared: &declared) }
                let b = bindings(checked.after)
                op = .create(op, Create(patterns: patterns.map { $0(b) }))
            case .merge(let part, let onCreate, let onMatch):
                op = planMerge(part, onCreate, onMatch, checked, input: op)
            case .set(let items):
                op = .update(op, Update(items: items.map { .set($0) }, bindings: bindings(checked.after), text: "Set"))
            case .remove(let items):
                op = .update(op, Update(items: items.map { .remove($0) }, bindings: bindings(checked.after), text: "Remove"))
            case .delete(let exprs, let detach):
                op = .delete(op, Delete(targets: exprs.map { bound($0, checked.after) }, detach: detach))
            }
        }
        return op
    }

    /// CALL: the arguments (or, without parentheses, the parameters named like the inputs), the
    /// yielded outputs' slots, and WHERE as a filter after it.
    func planCall(_ call: ProcedureCallClause, _ checked: CheckedClause, input: LogicalOperator) -> LogicalOperator {
        guard let procedure = ProcedureRegistry.lookup(call.name) else { return input }
        let arguments = call.arguments ?? procedure.inputs.map { Expr(.parameter($0.name), call.nameRange) }
        let outputs = procedure.outputs.map(\.name)
        let yielded: [(output: String, variable: String)] = call.yields?.map { ($0.output, $0.variable) } ?? outputs.map { ($0, $0) }
        let slots = yielded.compactMap { y -> (index: Int, slot: Int)? in
            guard let index = outputs.firstIndex(of: y.output), let slot = checked.after[y.variable]?.slot else { return nil }
            return (index, slot)
        }
        let text = procedure.name + "(" + arguments.map(\.canonicalText).joined(separator: ", ") + ")"
            + (yielded.isEmpty ? "" : " YIELD " + yielded.map { $0.output == $0.variable ? $0.output : "\($0.output) AS \($0.variable)" }.joined(separator: ", "))
        var op = LogicalOperator.procedureCall(input, ProcedureCall(name: procedure.name, arguments: arguments.map { bound($0, checked.before) },
                                                                   outputs: slots, range: call.nameRange, text: text))
        if let predicate = call.predicate { op = .filter(op, [.expression(bound(predicate, checked.after))]) }
        return op
    }

    /// Gives every element a slot: the variable's slot where it has one, otherwise a fresh one.
    func assignSlots(_ part: PatternPart, _ scope: inout [String: Int]) -> PlannedPart {
        PlannedPart(part, slots: slots, scope: &scope)
    }

    func planMerge(_ part: PatternPart, _ onCreate: [SetItem], _ onMatch: [SetItem], _ checked: CheckedClause,
                   input: LogicalOperator) -> LogicalOperator {
        var scope = checked.after.mapValues(\.slot)
        let boundBefore = Set(checked.before.values.map(\.slot))
        let planned = assignSlots(part, &scope)
        let matcher = LogicalOperator.match(.argument, PatternMatch(parts: [planned], bound: boundBefore, scope: scope, predicate: nil))
        var declared = Set(checked.before.keys)
        let create = createPattern(part, scope: &scope, declared: &declared)
        var required: [Expr] = []
        for n in [part.start] + part.steps.map(\.node) {
            if let p = n.properties, case .map(let entries) = p.kind { required += entries.map(\.1) }
        }
        for s in part.steps {
            if let p = s.relationship.properties, case .map(let entries) = p.kind { required += entries.map(\.1) }
        }
        return .merge(input, matcher: matcher, Merge(pattern: create(bindings(checked.after)),
                                   onCreate: onCreate, onMatch: onMatch, required: required))
    }

    /// The creation recipe of one pattern part; bound once the scope is complete.
    func createPattern(_ part: PatternPart, scope: inout [String: Int], declared: inout Set<String>) -> (Bindings) -> CreatePattern {
        var nodes: [CreatePattern.Node] = []
        for n in [part.start] + part.steps.map(\.node) {
            let slot: Int
            if let name = n.variable, let s = scope[name] { slot = s } else { slot = slots.next() }
            if let name = n.variable { scope[name] = slot }
            let isBound = n.variable.map { declared.contains($0) } ?? false
            if let name = n.variable { declared.insert(name) }
            nodes.append(.init(slot: slot, bound: isBound, labels: n.labels, properties: n.properties))
        }
        var rels: [CreatePattern.Relationship] = []
        for (i, step) in part.steps.enumerated() {
            let r = step.relationship
            let slot = r.variable.flatMap { scope[$0] } ?? slots.next()
            if let name = r.variable { scope[name] = slot }
            let (a, b) = r.direction == .incoming ? (nodes[i + 1].slot, nodes[i].slot) : (nodes[i].slot, nodes[i + 1].slot)
            rels.append(.init(slot: slot, type: r.types.first ?? "", from: a, to: b, properties: r.properties))
        }
        let pathSlot = part.pathVariable.flatMap { scope[$0] }
        let text = part.canonicalText
        return { CreatePattern(nodes: nodes, relationships: rels, path: pathSlot, bindings: $0, text: text) }
    }
}
