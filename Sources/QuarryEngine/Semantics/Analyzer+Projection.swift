extension Analyzer {
    mutating func analyzeProjection(_ p: Projection, in scope: Scope, isReturn: Bool) throws(QueryError) -> CheckedProjection {
        var named: [(String, Expr)] = []
        if p.star {
            let visible = scope.keys.filter { !$0.isEmpty }.sorted()
            if visible.isEmpty && p.items.isEmpty && isReturn { throw .noVariablesInScope(at: p.range) }
            for name in visible { named.append((name, Expr(.variable(name), p.range))) }
        }
        for item in p.items {
            // A bare pattern is no value (openCypher 9 on): a comprehension or EXISTS says what is meant.
            if case .patternPredicate = item.expression.kind {
                throw .unexpectedSyntax("a pattern is not a value to \(isReturn ? "return" : "project"): use a pattern comprehension, [p = \(item.expression.canonicalText) | p], or EXISTS { \(item.expression.canonicalText) }", at: item.expression.range)
            }
            if !isReturn, item.alias == nil {
                guard case .variable = item.expression.kind else { throw .noExpressionAlias(at: item.expression.range) }
            }
            named.append((item.name, item.expression))
        }
        var seen: Set<String> = []
        for (name, e) in named {
            if !seen.insert(name).inserted { throw .columnNameConflict(name, at: e.range) }
        }

        var aggregates: [CheckedProjection.Aggregate] = []
        var items: [CheckedProjection.Item] = []
        for (name, e) in named {
            let hasAggregate = try check(e, ExpressionContext(scope: scope, allowAggregates: true))
            if hasAggregate { collectAggregates(e, into: &aggregates) }
            items.append(.init(name: name, expression: e, slot: slots.next(), containsAggregate: hasAggregate))
        }
        let grouping = items.filter { !$0.containsAggregate }
        if !aggregates.isEmpty {
            for item in items where item.containsAggregate {
                try checkGrouped(item.expression, grouping)
            }
        }

        var outputs: Scope = [:]
        for item in items { outputs[item.name] = Variable(slot: item.slot, kind: kindOf(item.expression, in: scope)) }
        let orderScope = p.distinct && aggregates.isEmpty ? outputs : scope.merging(outputs) { _, new in new }

        var order: [SortItem] = []
        let projectedAggregates = Set(aggregates.map(\.key))
        for s in p.orderBy {
            var e = s.expression
            if let match = items.first(where: { text(of: $0.expression) == text(of: e) && !isVariable($0.expression) }) {
                e = Expr(.variable(match.name), e.range)
            }
            let hasAggregate = try check(e, ExpressionContext(scope: orderScope, allowAggregates: !aggregates.isEmpty))
            if hasAggregate {
                var found: [CheckedProjection.Aggregate] = []
                collectAggregates(e, into: &found)
                for a in found where !projectedAggregates.contains(a.key) && !projectedAggregates.isEmpty {
                    for arg in a.expression.children { try check(arg, ExpressionContext(scope: outputs, allowAggregates: false)) }
                }
                collectAggregates(e, into: &aggregates)
            }
            if !aggregates.isEmpty { try checkGrouped(e, grouping, outputs: outputs) }
            if p.distinct && aggregates.isEmpty {
                try check(e, ExpressionContext(scope: outputs, allowAggregates: false))
            }
            order.append(SortItem(expression: e, descending: s.descending))
        }
        for bound in [p.skip, p.limit].compactMap({ $0 }) { try checkConstant(bound) }
        let texts = Dictionary(items.filter { !isVariable($0.expression) }.map { (text(of: $0.expression), $0.name) }) { first, _ in first }
        let predicate = p.predicate.map { replacingProjected($0, texts) }
        if let w = predicate { try checkNoAggregate(w, orderScope, "in WHERE") }
        return CheckedProjection(items: items, aggregates: aggregates, distinct: p.distinct, orderBy: order,
                                 skip: p.skip, limit: p.limit, predicate: predicate, orderScope: orderScope)
    }

    /// The expression with every part written like a projected item replaced by that item's name.
    func replacingProjected(_ e: Expr, _ texts: [String: String]) -> Expr {
        if let name = texts[text(of: e)] { return Expr(.variable(name), e.range) }
        var copy = e
        switch e.kind {
        case .binary(let op, let a, let b): copy.kind = .binary(op, replacingProjected(a, texts), replacingProjected(b, texts))
        case .unary(let op, let a): copy.kind = .unary(op, replacingProjected(a, texts))
        case .isNull(let a, let negated): copy.kind = .isNull(replacingProjected(a, texts), negated: negated)
        case .property(let o, let k): copy.kind = .property(replacingProjected(o, texts), k)
        case .function(let name, let distinct, let args): copy.kind = .function(name: name, distinct: distinct, args: args.map { replacingProjected($0, texts) })
        default: break
        }
        return copy
    }

    func isVariable(_ e: Expr) -> Bool {
        if case .variable = e.kind { return true }
        return false
    }

    /// SKIP and LIMIT take a non-negative integer that does not depend on the rows.
    func checkConstant(_ e: Expr) throws(QueryError) {
        if !e.referencedNames.isEmpty || containsPattern(e) { throw .nonConstantExpression("SKIP and LIMIT", at: e.range) }
        switch e.kind {
        case .literal(.int(let v)) where v < 0: throw .negativeIntegerArgument("SKIP and LIMIT", at: e.range)
        case .unary(.negate, let inner):
            if case .literal(.int) = inner.kind { throw .negativeIntegerArgument("SKIP and LIMIT", at: e.range) }
            if case .literal(.float) = inner.kind { throw .invalidIntegerArgument("SKIP and LIMIT", at: e.range) }
        case .literal(.float), .literal(.string), .literal(.bool):
            throw .invalidIntegerArgument("SKIP and LIMIT", at: e.range)
        default: break
        }
    }

    func containsPattern(_ e: Expr) -> Bool {
        switch e.kind {
        case .patternPredicate, .patternComprehension: return true
        default: return e.children.contains(where: containsPattern)
        }
    }

    /// Outside aggregate calls, an aggregating item may only use grouping keys.
    /// Only variables and property accesses count as grouping keys here; a comprehension's own
    /// variable (`locals`) needs no grouping.
    func checkGrouped(_ e: Expr, _ grouping: [CheckedProjection.Item], outputs: Scope = [:], locals: Set<String> = []) throws(QueryError) {
        let t = text(of: e)
        switch e.kind {
        case .variable, .property:
            if grouping.contains(where: { text(of: $0.expression) == t || $0.name == t }) { return }
        default: break
        }
        switch e.kind {
        case .function(let name, _, _) where FunctionCatalog.isAggregate(name): return
        case .countStar: return
        case .variable(let name):
            if outputs[name] != nil || locals.contains(name) { return }
            throw .ambiguousAggregation(at: e.range)
        case .listComprehension(let v, let list, let p, let q):
            try checkGrouped(list, grouping, outputs: outputs, locals: locals)
            for x in [p, q].compactMap({ $0 }) { try checkGrouped(x, grouping, outputs: outputs, locals: locals.union([v])) }
        case .quantifier(_, let v, let list, let p):
            try checkGrouped(list, grouping, outputs: outputs, locals: locals)
            if let p { try checkGrouped(p, grouping, outputs: outputs, locals: locals.union([v])) }
        case .reduce(let acc, let initial, let v, let list, let x):
            try checkGrouped(initial, grouping, outputs: outputs, locals: locals)
            try checkGrouped(list, grouping, outputs: outputs, locals: locals)
            try checkGrouped(x, grouping, outputs: outputs, locals: locals.union([acc, v]))
        default:
            for child in children(of: e) { try checkGrouped(child, grouping, outputs: outputs, locals: locals) }
        }
    }

    func collectAggregates(_ e: Expr, into list: inout [CheckedProjection.Aggregate]) {
        switch e.kind {
        case .countStar:
            add(e, to: &list)
        case .function(let name, _, _) where FunctionCatalog.isAggregate(name):
            add(e, to: &list)
        default:
            for child in children(of: e) { collectAggregates(child, into: &list) }
        }
    }

    func add(_ e: Expr, to list: inout [CheckedProjection.Aggregate]) {
        let key = text(of: e)
        if !list.contains(where: { $0.key == key }) {
            list.append(.init(key: key, expression: e, slot: slots.next()))
        }
    }
}
