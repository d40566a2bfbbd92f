extension PhysicalMapper {
    func mapProject(_ input: PhysicalOperator, _ c: Computation) throws(QueryError) -> PhysicalOperator {
        // Evaluators in structs: a closure in a tuple in an array is stored in a generic form
        // and called through conversion thunks (see `DirectEvaluator`).
        var items: [(slot: Int, value: DirectEvaluator)] = []
        /// Every slot the items could read.
        var read = Set<Int>()
        for item in c.items {
            switch item.source {
            case .expression(let e):
                // An item that reads the slot it writes (`WITH a, collect(d) AS ds` after the
                // aggregation put both where the items go) has nothing to compute.
                if Self.reads(e, onlyFrom: item.slot) { continue }
                items.append((item.slot, DirectEvaluator(evaluate: try compile(e))))
                read.formUnion(e.bindings.scope.values)
                read.formUnion(e.bindings.aggregates.values)
            case .path(let nodes, let relationships):
                items.append((item.slot, DirectEvaluator(evaluate: pathBuilder(nodes: nodes, relationships: relationships))))
                read.formUnion(nodes + relationships)
            case .reversed(let slot):
                items.append((item.slot, DirectEvaluator { row in
                    if case .list(let l) = row[slot] { return .list(l.reversed()) }
                    return row[slot]
                }))
                read.insert(slot)
            case .copy(let slot):
                items.append((item.slot, DirectEvaluator { row in row[slot] }))
                read.insert(slot)
            }
        }
        return ProjectOperator(ctx, input, items: items, readSlots: read, text: c.text)
    }

    /// True when `e` is the value in `slot` as it is: an aggregate's or key's result there, or a
    /// variable bound there.
    static func reads(_ e: BoundExpr, onlyFrom slot: Int) -> Bool {
        if let aggregate = e.bindings.aggregates[e.expr.canonicalText] { return aggregate == slot }
        guard case .variable(let name) = e.expr.kind else { return false }
        return e.bindings.scope[name] == slot
    }

    func mapAggregate(_ input: PhysicalOperator, _ a: Aggregation, counting: ExpandOperator?,
                      starts: AggregateOperator.CountedStarts = .inputRows) throws(QueryError) -> PhysicalOperator {
        let c = compiler(a.bindings)
        let keys = try a.keys.map { k throws(QueryError) in DirectEvaluator(evaluate: try c.compile(k.expr)) }
        var arguments = CompiledOnce()
        let specs = try a.aggregates.map { x throws(QueryError) in try aggregateSpec(x.call, slot: x.slot, c, &arguments) }
        let rowOrder = try a.rowOrder.map { s throws(QueryError) in try sortKeys(s) }
        return AggregateOperator(ctx, input, keys: keys, keySlots: a.keySlots, groupNodeSlot: a.groupNode, specs: specs,
                                 arguments: arguments.evaluators, countedExpansion: counting, countedStarts: starts, rowOrder: rowOrder, width: slots, text: a.text)
    }

    func aggregateSpec(_ call: Expr, slot: Int, _ c: ExpressionCompiler, _ arguments: inout CompiledOnce) throws(QueryError) -> AggregateOperator.Spec {
        let f = try aggregateFunction(call)
        guard case .function(_, let distinct, let args) = call.kind, let first = args.first else {
            return .init(function: f, distinct: false, argument: nil, percentile: nil, slot: slot, range: call.range)
        }
        // Two calls of `rand()` are two values: such an argument is never shared.
        let text = first.callsChangingFunction ? nil : first.canonicalText
        return .init(function: f, distinct: distinct, argument: try arguments.index(of: text) { () throws(QueryError) in try c.compile(first) },
                     percentile: args.count > 1 ? try c.compile(args[1]) : nil, slot: slot, range: call.range)
    }

    /// The aggregate function a call names (`count(*)` too).
    func aggregateFunction(_ call: Expr) throws(QueryError) -> AggregateFunction {
        switch call.kind {
        case .countStar:
            return .countStar
        case .function(let name, _, let args):
            guard let f = AggregateFunction(name: name), !args.isEmpty else { throw .unknownFunction(name, at: call.range, suggestion: nil) }
            return f
        default:
            throw .invalidAggregation("here", at: call.range)
        }
    }

    func mapColumnAggregate(_ input: PhysicalOperator, _ a: ColumnAggregation) throws(QueryError) -> PhysicalOperator {
        let labels = ([a.label].compactMap { $0 } + a.otherLabels).map { ctx.readLabel($0, at: a.range) }
        let specs = try a.aggregates.map { x throws(QueryError) in
            ColumnAggregateOperator.AggregateSpec(function: x.function, key: x.key.map { ctx.graph.keyID($0) },
                                                  derived: try x.derived.map { e throws(QueryError) in try compile(e) }, slot: x.slot, range: x.range)
        }
        return ColumnAggregateOperator(ctx, input, slot: a.slot, label: a.label == nil ? nil : labels.first,
                                       otherLabels: Array(labels.dropFirst(a.label == nil ? 0 : 1)),
                                       filters: try a.filters.map { t throws(QueryError) in try columnFilter(t) },
                                       groupKeys: a.groupKeys.map { ctx.graph.keyID($0) },
                                       derivedKeys: try a.derivedKeys.map { k throws(QueryError) in try k.map { e throws(QueryError) in try compile(e) } },
                                       keySlots: a.keySlots,
                                       specs: specs, width: slots, text: a.text)
    }

    func mapExpansionAggregate(_ expansion: ExpandOperator, _ x: ExpansionAggregation) throws(QueryError) -> PhysicalOperator {
        let a = x.aggregation
        let c = compiler(a.bindings)
        var values = CompiledOnce()
        /// The expression's place among those computed for each match.
        func value(_ e: BoundExpr) throws(QueryError) -> Int {
            try values.index(of: e.expr.callsChangingFunction ? nil : e.text) { () throws(QueryError) in try compile(e) }
        }
        let functions = try a.aggregates.map { x throws(QueryError) in try aggregateFunction(x.call) }
        let argumentOf = try x.arguments.map { e throws(QueryError) in try e.map(value) }
        let order = try x.order.map { keys throws(QueryError) in
            try keys.map { k throws(QueryError) in (value: try value(k.value), descending: k.descending) }
        }
        // Each start node comes once from a scan of the one argument row; grouped by that node
        // alone, each group's matches are then one batch.
        var nodeIsTheKey = false
        if a.keys.count == 1, case .variable(let v) = a.keys[0].expr.kind { nodeIsTheKey = a.bindings.scope[v] == x.groupSlot }
        let scansOnce = (expansion.input as? NodeScanOperator)?.input is ArgumentOperator
        // Without an ORDER BY the groups come in the order of their start nodes either way.
        let groupsComeWhole = nodeIsTheKey && scansOnce
        return ExpansionAggregateOperator(ctx, expansion, groupSlot: x.groupSlot, keys: try a.keys.map { k throws(QueryError) in DirectEvaluator(evaluate: try c.compile(k.expr)) },
                                          keySlots: a.keySlots, functions: functions, resultSlots: a.aggregates.map(\.slot),
                                          ranges: a.aggregates.map(\.call.range), values: values.evaluators, argumentOf: argumentOf, order: order,
                                          groupsComeWhole: groupsComeWhole, streamsGroups: groupsComeWhole && (x.groupsInAnyOrder || order == nil),
                                          width: slots, text: a.text)
    }

    func sortKeys(_ s: Sort) throws(QueryError) -> [(value: Evaluator, descending: Bool)] {
        try s.keys.map { k throws(QueryError) in (value: try compile(k.value), descending: k.descending) }
    }

    func mapSort(_ input: PhysicalOperator, _ s: Sort, keep: Int?) throws(QueryError) -> PhysicalOperator {
        SortOperator(ctx, input, keys: try sortKeys(s), keep: keep, text: s.text)
    }

    /// SKIP + LIMIT, from literals or parameter values; nil when a count is not valid (running
    /// says why).
    func rowsWanted(skip: Expr?, limit: Expr) -> Int? {
        func constant(_ e: Expr) -> Int? {
            switch e.kind {
            case .literal(.int(let n)): return n >= 0 && n < Int64(Int32.max) ? Int(n) : nil
            case .parameter(let name):
                if case .int(let n)? = ctx.parameters[name], n >= 0, n < Int64(Int32.max) { return Int(n) }
                return nil
            default: return nil
            }
        }
        guard let rows = constant(limit) else { return nil }
        guard let skip else { return rows }
        return constant(skip).map { $0 + rows }
    }

    func mapSkipLimit(_ input: PhysicalOperator, _ s: SkipLimit) throws(QueryError) -> PhysicalOperator {
        let c = compiler(Bindings(scope: [:]))
        return SkipLimitOperator(ctx, input, skip: try s.skip.map { e throws(QueryError) in (try c.compile(e), e.range) },
                                 limit: try s.limit.map { e throws(QueryError) in (try c.compile(e), e.range) },
                                 drainsInput: s.drainsInput)
    }
}

/// Expressions compiled once each, by their text: an argument several aggregates read
/// (`sum(x), max(x)`) is computed once per row.
struct CompiledOnce {
    private var texts: [String?] = []
    private(set) var evaluators: [DirectEvaluator] = []

    /// The place of the expression with this text, compiled by `compile` when it is new (always,
    /// without a text).
    mutating func index(of text: String?, _ compile: () throws(QueryError) -> Evaluator) throws(QueryError) -> Int {
        if let text, let known = texts.firstIndex(of: text) { return known }
        texts.append(text)
        evaluators.append(DirectEvaluator(evaluate: try compile()))
        return evaluators.count - 1
    }
}

extension Expr {
    /// True when the expression calls a function whose result changes from call to call (`rand()`).
    var callsChangingFunction: Bool {
        if case .function(let name, _, _) = kind, ExpressionCompiler.changesFromCallToCall(name.lowercased()) { return true }
        return children.contains { $0.callsChangingFunction }
    }
}
