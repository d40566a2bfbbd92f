struct ExpressionContext {
    var scope: Scope
    var locals: Set<String> = []
    /// The type of a local bound to the elements of a literal list whose items all have one
    /// (`x IN ['a', 'b']`: String), for arithmetic that can never apply to it.
    var localTypes: [String: String] = [:]
    var allowAggregates: Bool
    var insideAggregate = false
    var what = "here"

    func knows(_ name: String) -> Bool { scope[name] != nil || locals.contains(name) }
}

extension Analyzer {
    func text(of e: Expr) -> String { e.canonicalText }

    func checkNoAggregate(_ e: Expr, _ scope: Scope, _ what: String) throws(QueryError) {
        var ctx = ExpressionContext(scope: scope, allowAggregates: false)
        ctx.what = what
        try check(e, ctx)
    }

    /// Checks names, functions and aggregate placement; returns whether `e` holds an aggregate.
    @discardableResult
    func check(_ e: Expr, _ ctx: ExpressionContext) throws(QueryError) -> Bool {
        switch e.kind {
        case .variable(let name):
            if !ctx.knows(name) {
                throw .undefinedVariable(name, at: e.range, suggestion: closestName(to: name, in: Array(ctx.scope.keys) + ctx.locals))
            }
            return false
        case .countStar:
            try checkAggregatePlacement(e, ctx)
            return true
        case .function(let name, let distinct, let args):
            guard let entry = FunctionCatalog.lookup(name) else {
                throw .unknownFunction(name, at: e.range, suggestion: closestName(to: name, in: FunctionCatalog.entries.values.map(\.name)))
            }
            if args.count < entry.minArgs || args.count > entry.maxArgs {
                let expected = entry.minArgs == entry.maxArgs ? "\(entry.minArgs)" :
                    entry.maxArgs == Int.max ? "at least \(entry.minArgs)" : "\(entry.minArgs) to \(entry.maxArgs)"
                throw .wrongArgumentCount(entry.name, expected: expected, got: args.count, at: e.range)
            }
            if entry.isAggregate {
                try checkAggregatePlacement(e, ctx)
                if args.contains(where: callsRand) { throw .nonConstantExpression("an aggregate's argument (rand() changes every row)", at: e.range) }
                var inner = ctx
                inner.insideAggregate = true
                for a in args { try check(a, inner) }
                return true
            }
            if distinct { throw .unexpectedToken(found: "DISTINCT", expected: "arguments of \(entry.name)()", at: e.range) }
            if let a = args.first { try checkArgumentType(entry.name.lowercased(), a, ctx) }
            if entry.name != "exists", let pattern = args.first(where: { if case .patternPredicate = $0.kind { return true } else { return false } }) {
                throw .unexpectedSyntax("a pattern can only be a predicate here; count matches with size([(a)-->(b) | b])", at: pattern.range)
            }
            if entry.name == "exists", let a = args.first {
                switch a.kind {
                case .property, .patternPredicate, .subquery(.exists, _, _, _): break
                default: throw .invalidArgumentType("exists() takes a property or a pattern", at: a.range)
                }
            }
            var any = false
            for a in args { any = try check(a, ctx) || any }
            return any
        case .listComprehension(let v, let list, let predicate, let projection):
            var any = try check(list, ctx)
            var inner = ctx
            inner.locals.insert(v)
            inner.localTypes[v] = elementType(list)
            inner.allowAggregates = false
            if let predicate { any = try check(predicate, inner) || any }
            if let projection { any = try check(projection, inner) || any }
            return any
        case .quantifier(_, let v, let list, let predicate):
            var any = try check(list, ctx)
            var inner = ctx
            inner.locals.insert(v)
            inner.localTypes[v] = elementType(list)
            inner.allowAggregates = false
            if let predicate { any = try check(predicate, inner) || any }
            return any
        case .reduce(let acc, let initial, let v, let list, let expression):
            var any = try check(initial, ctx)
            any = try check(list, ctx) || any
            var inner = ctx
            inner.locals.formUnion([acc, v])
            inner.localTypes[acc] = nil
            inner.localTypes[v] = nil
            inner.allowAggregates = false
            return try check(expression, inner) || any
        case .patternPredicate(let part):
            try checkPatternExpression(part, ctx, mayIntroduce: false)
            return false
        case .subquery(let kind, let query, _, _):
            try checkSubquery(kind, query, e.range, ctx)
            return false
        case .binary(.in, let a, let b):
            switch staticType(b, ctx) {
            case .scalar?, .map?: throw .invalidArgumentType("IN needs a list on its right, not \(b.canonicalText)", at: b.range)
            default: break
            }
            let left = try check(a, ctx)
            return try check(b, ctx) || left
        case .property(let object, _) where staticType(object, ctx) == .path:
            throw .invalidArgumentType("a path has no properties", at: e.range)
        case .binary(let op, let a, let b) where [.subtract, .multiply, .divide, .modulo, .power].contains(op):
            for side in [a, b] {
                if case .variable(let name) = side.kind, let type = ctx.localTypes[name], type == "String" || type == "Boolean" {
                    throw .invalidArgumentType("\(op.rawValue) cannot apply to \(name), a \(type) from the list it ranges over", at: side.range)
                }
            }
            let left = try check(a, ctx)
            return try check(b, ctx) || left
        case .binary(let op, let a, let b) where op == .and || op == .or || op == .xor:
            try checkBooleanOperand(a, op.rawValue)
            try checkBooleanOperand(b, op.rawValue)
            let left = try check(a, ctx)
            return try check(b, ctx) || left
        case .unary(.not, let a):
            try checkBooleanOperand(a, "NOT")
            return try check(a, ctx)
        case .patternComprehension(let part, let predicate, let projection):
            let introduced = try checkPatternExpression(part, ctx, mayIntroduce: true)
            var inner = ctx
            inner.locals.formUnion(introduced)
            for name in introduced { inner.localTypes[name] = nil }
            inner.allowAggregates = false
            if let predicate { try check(predicate, inner) }
            try check(projection, inner)
            return false
        default:
            var any = false
            for child in children(of: e) { any = try check(child, ctx) || any }
            return any
        }
    }

    enum StaticType { case node, relationship, path, scalar, list, map }

    /// What an expression certainly is before the query runs, where that is known.
    /// The one type every item of a literal list has (`String` for `['a', 'b']`), or nil.
    func elementType(_ list: Expr) -> String? {
        let items: [Value]
        switch list.kind {
        case .literal(.list(let values)): items = values
        case .list(let exprs):
            var values: [Value] = []
            for e in exprs {
                guard case .literal(let v) = e.kind else { return nil }
                values.append(v)
            }
            items = values
        default: return nil
        }
        guard let first = items.first?.typeName, first != "Null", items.allSatisfy({ $0.typeName == first }) else { return nil }
        return first
    }

    func staticType(_ e: Expr, _ ctx: ExpressionContext) -> StaticType? {
        switch e.kind {
        case .variable(let name) where !ctx.locals.contains(name):
            switch ctx.scope[name]?.kind {
            case .node?: return .node
            case .relationship?: return .relationship
            case .path?: return .path
            default: return nil
            }
        case .literal(.null): return nil
        case .literal(.list): return .list
        case .literal(.map): return .map
        case .literal: return .scalar
        case .list: return .list
        case .map: return .map
        default: return nil
        }
    }

    /// Arguments that can never suit the function are rejected before the query runs.
    func checkArgumentType(_ function: String, _ argument: Expr, _ ctx: ExpressionContext) throws(QueryError) {
        guard let type = staticType(argument, ctx) else { return }
        let wrong: Set<StaticType>
        switch function {
        case "labels": wrong = [.relationship, .path, .scalar, .list, .map]
        case "type": wrong = [.node, .path, .scalar, .list, .map]
        case "length": wrong = [.node, .relationship, .map]
        case "size": wrong = [.node, .relationship, .path]
        case "properties", "keys": wrong = [.path, .scalar, .list]
        default: return
        }
        if wrong.contains(type) {
            throw .invalidArgumentType("\(function)() cannot take \(argument.canonicalText)", at: argument.range)
        }
    }

    func callsRand(_ e: Expr) -> Bool {
        if case .function(let name, _, _) = e.kind, name.lowercased() == "rand" { return true }
        return e.children.contains(where: callsRand)
    }

    /// A literal that can never be a boolean is rejected before the query runs.
    /// A WHERE that can never be a boolean (`WHERE (n)`: a node) is refused before the query runs.
    func checkPredicateType(_ e: Expr, _ scope: Scope) throws(QueryError) {
        switch staticType(e, ExpressionContext(scope: scope, allowAggregates: false)) {
        case .node?, .relationship?, .path?, .list?, .map?:
            throw .invalidArgumentType("WHERE needs a boolean, not \(e.canonicalText)", at: e.range)
        default: return
        }
    }

    func checkBooleanOperand(_ e: Expr, _ op: String) throws(QueryError) {
        switch e.kind {
        case .literal(.int), .literal(.float), .literal(.string), .list, .map:
            throw .invalidArgumentType("\(op) needs booleans, not \(e.canonicalText)", at: e.range)
        default: return
        }
    }

    func checkAggregatePlacement(_ e: Expr, _ ctx: ExpressionContext) throws(QueryError) {
        if ctx.insideAggregate { throw .nestedAggregation(at: e.range) }
        if !ctx.allowAggregates { throw .invalidAggregation(ctx.what, at: e.range) }
    }

    /// Variables in a pattern expression must be bound, except in a pattern comprehension, which
    /// may introduce its own. Returns the names it introduces.
    @discardableResult
    func checkPatternExpression(_ part: PatternPart, _ ctx: ExpressionContext, mayIntroduce: Bool) throws(QueryError) -> Set<String> {
        try rejectParameterMaps(part)
        if let group = part.steps.first(where: { $0.relationship.group != nil }) {
            throw .unsupported("a quantified path pattern in a pattern expression (write EXISTS { MATCH ... } or COUNT { MATCH ... })", at: group.relationship.range)
        }
        var introduced: Set<String> = []
        var names: [(String, SourceRange)] = []
        let nodes = [part.start] + part.steps.map(\.node)
        for n in nodes { if let v = n.variable { names.append((v, n.range)) } }
        for s in part.steps { if let v = s.relationship.variable { names.append((v, s.relationship.range)) } }
        if let p = part.pathVariable { names.append((p, part.range)) }
        for (name, range) in names where !ctx.knows(name) {
            if !mayIntroduce {
                throw .undefinedVariable(name, at: range, suggestion: closestName(to: name, in: Array(ctx.scope.keys) + ctx.locals))
            }
            introduced.insert(name)
        }
        var inner = ctx
        inner.locals.formUnion(introduced)
        inner.allowAggregates = false
        for n in nodes { if let p = n.properties { try check(p, inner) } }
        for s in part.steps { if let p = s.relationship.properties { try check(p, inner) } }
        return introduced
    }

    func children(of e: Expr) -> [Expr] { e.children }
}

extension Expr {
    /// The direct sub-expressions (not those inside patterns).
    var children: [Expr] {
        switch kind {
        case .literal, .parameter, .variable, .countStar: return []
        case .property(let o, _): return [o]
        case .index(let a, let b): return [a, b]
        case .slice(let a, let b, let c): return [a] + [b, c].compactMap { $0 }
        case .list(let l): return l
        case .map(let m): return m.map(\.1)
        case .unary(_, let a): return [a]
        case .binary(_, let a, let b): return [a, b]
        case .isNull(let a, _): return [a]
        case .hasLabels(let a, _): return [a]
        case .function(_, _, let args): return args
        case .caseExpr(let s, let whens, let o):
            return [s].compactMap { $0 } + whens.flatMap { [$0.0, $0.1] } + [o].compactMap { $0 }
        case .listComprehension(_, let l, let p, let q): return [l] + [p, q].compactMap { $0 }
        case .quantifier(_, _, let l, let p): return [l] + [p].compactMap { $0 }
        case .reduce(_, let i, _, let l, let x): return [i, l, x]
        case .patternComprehension(_, let p, let q): return [p].compactMap { $0 } + [q]
        case .patternPredicate, .subquery: return []
        case .mapProjection(let subject, let items):
            return [subject] + items.compactMap { item -> Expr? in
                switch item {
                case .entry(_, let e): return e
                case .variable(let name, let r): return Expr(.variable(name), r)
                default: return nil
                }
            }
        }
    }
}
