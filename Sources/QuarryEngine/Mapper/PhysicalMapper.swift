/// Builds the physical operators of a rewritten logical plan, one small function per logical
/// operator. It runs each time a statement runs (a cached logical plan is mapped again): this is
/// where names become the graph's ids, parameters are read for what needs their values (a
/// top-k's count, a byte test's text) and expressions become closures.
final class PhysicalMapper {
    let ctx: ExecutionContext
    /// Row slots: the plan's, then those comprehension variables get while compiling.
    let slots: SlotAllocator
    /// For patterns inside expressions, planned here with the same rules.
    let rules: RuleContext
    /// The statement's leaves: rows of the final width are put in them before it runs.
    private(set) var leaves: [ArgumentOperator] = []

    struct SubPlan {
        let argument: ArgumentOperator
        let root: PhysicalOperator
        let scope: [String: Int]

        /// Runs the plan afresh on `row` (its rows are then pulled from `root`).
        func start(on row: Row) {
            argument.row = row
            root.reset()
        }
    }

    /// The plan's subqueries, mapped where an expression uses them.
    let subqueries: [Int: Subquery]

    init(ctx: ExecutionContext, slotCount: Int, subqueries: [Int: Subquery] = [:]) {
        self.ctx = ctx
        self.subqueries = subqueries
        slots = SlotAllocator(startingAt: slotCount)
        rules = RuleContext(running: ctx, slots: slots)
    }

    func compiler(_ b: Bindings) -> ExpressionCompiler {
        var c = ExpressionCompiler(ctx: ctx, scope: b.scope, slots: slots, mapper: self)
        c.aggregateSlots = b.aggregates
        c.entities = b.entities
        return c
    }

    func compile(_ e: BoundExpr) throws(QueryError) -> Evaluator {
        try compiler(e.bindings).compile(e.expr)
    }

    /// What an UNWIND walks: `range(a, b[, step])` one integer at a time, anything else as a list.
    func unwindSource(_ e: BoundExpr) throws(QueryError) -> UnwindOperator.Source {
        let compiler = compiler(e.bindings)
        guard case .function(let name, false, let args) = e.expr.kind, name.lowercased() == "range", (2...3).contains(args.count),
              compiler.aggregateSlots[e.expr.canonicalText] == nil else { return .list(try compiler.compile(e.expr)) }
        let bounds = try args.map { a throws(QueryError) in try compiler.compile(a) }
        return .integers(IntegerRange(from: bounds[0], to: bounds[1], step: bounds.count > 2 ? bounds[2] : nil, range: e.expr.range))
    }

    /// The physical operators of `op`; `argument` is what its `argument` leaves read (nil at
    /// the top of a statement, where each leaf is new).
    func map(_ op: LogicalOperator, argument: ArgumentOperator? = nil) throws(QueryError) -> PhysicalOperator {
        switch op {
        case .argument:
            if let argument { return argument }
            let leaf = ArgumentOperator(ctx, width: 0)
            leaves.append(leaf)
            return leaf
        case .match(_, let m):
            throw .internalError("a pattern was left unplanned", at: m.parts.first?.range)
        case .nodeScan(let i, let s): return try mapNodeScan(try map(i, argument: argument), s)
        case .indexSeek(let i, let s): return try mapIndexSeek(try map(i, argument: argument), s)
        case .expand(let i, let e): return try mapExpand(try map(i, argument: argument), e)
        case .varExpand(let i, let v): return try mapVarExpand(try map(i, argument: argument), v)
        case .quantifiedExpand(let i, let q):
            return QuantifiedExpandOperator(ctx, try map(i, argument: argument), q, condition: try q.condition.map { c throws(QueryError) in try compile(c) },
                                            types: q.hops.map { types($0.types, at: q.range, direction: $0.direction) })
        case .shortestPath(let i, let s): return mapShortestPath(try map(i, argument: argument), s, bidirectional: false)
        case .bidirectionalShortestPath(let i, let s): return mapShortestPath(try map(i, argument: argument), s, bidirectional: true)
        case .filter(let i, let predicates): return try mapFilter(try map(i, argument: argument), predicates)
        case .project(let i, let c): return try mapProject(try map(i, argument: argument), c)
        case .aggregate(let i, let a): return try mapAggregate(try map(i, argument: argument), a, counting: nil)
        case .countExpansions(let i, let a, let e):
            // Grouped by the node a bare label scan binds: the label's members are counted from
            // directly, without a row each (the graph must stand still for that).
            if case .nodeScan(let scanInput, let scan) = i, scan.filters.isEmpty, a.groupNode == scan.slot, e.from == scan.slot, !rules.writes {
                let source = try map(scanInput, argument: argument)
                let label = scan.label.map { ctx.readLabel($0, at: scan.range) }
                return try mapAggregate(source, a, counting: try mapExpand(source, e),
                                        starts: .members(of: label, text: scan.label.map { "node :" + $0 } ?? "node"))
            }
            let source = try map(i, argument: argument)
            return try mapAggregate(source, a, counting: try mapExpand(source, e))
        case .columnAggregate(let i, let c): return try mapColumnAggregate(try map(i, argument: argument), c)
        case .expansionAggregate(let i, let x): return try mapExpansionAggregate(try mapExpand(try map(i, argument: argument), x.expand), x)
        case .distinct(let i, let slots): return DistinctOperator(ctx, try map(i, argument: argument), slots: slots)
        case .sort(let i, let s): return try mapSort(try map(i, argument: argument), s, keep: nil)
        case .top(let i, let s, let skip, let limit):
            return try mapSort(try map(i, argument: argument), s, keep: rowsWanted(skip: skip, limit: limit))
        case .skipLimit(let i, let s): return try mapSkipLimit(try map(i, argument: argument), s)
        case .unwind(let i, let u):
            let input = try map(i, argument: argument)
            return UnwindOperator(ctx, input, source: try unwindSource(u.list), slot: u.slot, text: u.list.text)
        case .loadCSV(let i, let l):
            let input = try map(i, argument: argument)
            return LoadCSVOperator(ctx, input, source: try compile(l.source), slot: l.slot, withHeaders: l.withHeaders,
                                   fieldTerminator: l.fieldTerminator, range: l.source.range)
        case .procedureCall(let i, let c):
            let input = try map(i, argument: argument)
            guard let procedure = ProcedureRegistry.lookup(c.name) else {
                throw .unknownProcedure(c.name, at: c.range, suggestion: nil)
            }
            return ProcedureCallOperator(ctx, input, procedure: procedure, arguments: try c.arguments.map { a throws(QueryError) in try compile(a) },
                                         outputs: c.outputs, range: c.range, text: c.text)
        case .procedureAggregate(let i, let c, let a):
            let input = try map(i, argument: argument)
            guard let procedure = ProcedureRegistry.lookup(c.name) else {
                throw .unknownProcedure(c.name, at: c.range, suggestion: nil)
            }
            return ProcedureAggregateOperator(ctx, input, procedure: procedure, arguments: try c.arguments.map { x throws(QueryError) in try compile(x) },
                                              aggregates: a.aggregates, range: c.range, width: slots, text: "\(a.text) over \(c.text)")
        case .optional(let i, let inner, let nullSlots):
            let input = try map(i, argument: argument)
            let innerArgument = ArgumentOperator(ctx, width: 0)
            return OptionalOperator(ctx, input, argument: innerArgument, inner: try map(inner, argument: innerArgument), nullSlots: nullSlots)
        case .union(let branches):
            var mapped: [PhysicalOperator] = []
            for b in branches { mapped.append(try map(b, argument: argument)) }
            return UnionOperator(ctx, branches: mapped)
        case .eager(let i): return EagerOperator(ctx, try map(i, argument: argument))
        case .apply(let i, let inner, let returnSlots):
            let input = try map(i, argument: argument)
            let innerArgument = ArgumentOperator(ctx, width: 0)
            return ApplyOperator(ctx, input, argument: innerArgument, inner: try map(inner, argument: innerArgument), returnSlots: returnSlots)
        case .create(let i, let c): return try mapCreate(try map(i, argument: argument), c)
        case .merge(let i, let matcher, let m): return try mapMerge(try map(i, argument: argument), matcher, m)
        case .update(let i, let u): return try mapUpdate(try map(i, argument: argument), u)
        case .delete(let i, let d):
            let input = try map(i, argument: argument)
            let c = compiler(d.targets.first?.bindings ?? Bindings(scope: [:]))
            return DeleteOperator(ctx, input, targets: try d.targets.map { t throws(QueryError) in try c.compile(t.expr) }, detach: d.detach)
        }
    }

    /// The subquery of the expression at `offset`, with the slots it returns.
    func subquery(at offset: Int, range: SourceRange) throws(QueryError) -> (SubPlan, columnSlots: [Int]) {
        guard let subquery = subqueries[offset] else { throw .internalError("a subquery was not planned", at: range) }
        let argument = ArgumentOperator(ctx, width: 0)
        let root = try map(subquery.root, argument: argument)
        return (SubPlan(argument: argument, root: root, scope: [:]), subquery.columnSlots)
    }

    /// `EXISTS { MATCH pattern [WHERE …] }` whose pattern reads one node of the outer row and
    /// nothing else of it, in a statement that does not write: the plan of the same pattern with
    /// that node unbound, whose rows give (in `slot`) every node for which the EXISTS is true.
    func existenceSet(at offset: Int) -> (slot: Int, plan: SubPlan)? {
        guard ctx.readOnly, let subquery = subqueries[offset], case .match(.argument, var match) = subquery.planned,
              match.parts.allSatisfy({ $0.shortest == .none && $0.pathSlot == nil }) else { return nil }
        let nodeSlots = Set(match.parts.flatMap { $0.nodes.map(\.slot) })
        let relationshipSlots = Set(match.parts.flatMap { $0.relationships.map(\.slot) })
        let outer = nodeSlots.union(relationshipSlots).intersection(match.bound)
        guard outer.count == 1, let slot = outer.first, nodeSlots.contains(slot) else { return nil }
        var read = match.predicate?.referencedNames ?? []
        for part in match.parts {
            for n in part.nodes { n.properties?.collectNames(into: &read) }
            for r in part.relationships { r.properties?.collectNames(into: &read) }
        }
        let own = Set(match.parts.flatMap { $0.nodes.compactMap(\.name) + $0.relationships.compactMap(\.name) })
        guard read.isSubset(of: own) else { return nil }
        match.bound = []
        let argument = ArgumentOperator(ctx, width: 0)
        guard let rewritten = try? Rewriter.rewrite(.match(.argument, match), rules),
              let root = try? map(rewritten, argument: argument) else { return nil }
        return (slot, SubPlan(argument: argument, root: root, scope: match.scope))
    }

    /// A pattern used inside an expression, run once per row against an argument row.
    func subplan(_ part: PatternPart, scope: [String: Int], predicate: Expr? = nil) throws(QueryError) -> SubPlan {
        var inner = scope
        let planned = PlannedPart(part, slots: slots, scope: &inner)
        let logical = LogicalOperator.match(.argument, PatternMatch(parts: [planned], bound: Set(scope.values), scope: inner, predicate: predicate))
        let argument = ArgumentOperator(ctx, width: 0)
        let root = try map(try Rewriter.rewrite(logical, rules), argument: argument)
        return SubPlan(argument: argument, root: root, scope: inner)
    }
}
