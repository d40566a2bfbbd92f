/// A compiled expression: reads the row (comprehensions write their variable into it).
typealias Evaluator = (inout Row) throws(QueryError) -> Value

/// Compiles expressions into closures once per query, so rows are never evaluated by walking
/// the syntax tree.
struct ExpressionCompiler {
    let ctx: ExecutionContext
    var scope: [String: Int]
    let slots: SlotAllocator
    /// After aggregation: the slots holding each aggregate's result, by canonical text.
    var aggregateSlots: [String: Int] = [:]
    /// Variables known to hold nodes or relationships: reading a key the graph has never seen
    /// from one of them earns a notice (on maps any key is fine).
    var entities: Set<String> = []
    /// Plans the patterns inside expressions.
    let mapper: PhysicalMapper

    /// For `v`, `v + c` or `v - c` (v a variable in a slot, c an integer literal): the slot and
    /// the constant added.
    func slotPlusConstant(_ e: Expr) -> (slot: Int, offset: Int64)? {
        func slot(_ v: Expr) -> Int? {
            guard aggregateSlots[v.canonicalText] == nil, case .variable(let name) = v.kind else { return nil }
            return scope[name]
        }
        guard aggregateSlots[e.canonicalText] == nil else { return nil }
        switch e.kind {
        case .variable:
            return slot(e).map { ($0, 0) }
        case .binary(.add, let v, let c):
            guard case .literal(.int(let k)) = c.kind, let s = slot(v) else { return nil }
            return (s, k)
        case .binary(.subtract, let v, let c):
            guard case .literal(.int(let k)) = c.kind, k != .min, let s = slot(v) else { return nil }
            return (s, -k)
        default:
            return nil
        }
    }

    func compile(_ e: Expr) throws(QueryError) -> Evaluator {
        let range = e.range
        if !aggregateSlots.isEmpty, let slot = aggregateSlots[e.canonicalText] {
            return { row in row[slot] }
        }
        switch e.kind {
        case .literal(let v):
            return { _ in v }
        case .parameter(let name):
            guard let v = ctx.parameters[name] else {
                // EXPLAIN plans without running: a parameter given later is no error.
                guard ctx.explaining else { throw .missingParameter(name, at: range) }
                return { _ throws(QueryError) in throw .missingParameter(name, at: range) }
            }
            return { _ in v }
        case .variable(let name):
            guard let slot = scope[name] else {
                throw .undefinedVariable(name, at: range, suggestion: closestName(to: name, in: scope.keys))
            }
            return { row in row[slot] }
        case .property(let object, let key):
            var isEntity = false
            if case .variable(let name) = object.kind { isEntity = entities.contains(name) }
            // A duration's field (`duration.inDays(a, b).days`) is named once here, not per row.
            let field = isEntity ? nil : DurationValue.Field(rawValue: key.lowercasedField)
            if let field, let between = try durationBetween(object) {
                // Read straight from the duration measured, with no `Value` made of it.
                return { (row: inout Row) throws(QueryError) in try between(&row).map { .int($0.component(field)) } ?? .null }
            }
            let o = try compile(object)
            let k = isEntity ? ctx.readKey(key, at: range) : ctx.graph.keyID(key)
            let ctx = self.ctx
            if let field {
                return { (row: inout Row) throws(QueryError) in
                    let v = try o(&row)
                    if case .duration(let d) = v { return .int(d.component(field)) }
                    return try ctx.property(of: v, k, key, at: range)
                }
            }
            if isEntity, ctx.readOnly, k >= 0, Int(k) < ctx.snapshot.nodeProperties.count {
                // A statement that does not write reads a node's key from the snapshot's column,
                // taken once here: read out of the graph's array for each row, the column was
                // copied around the making of a string (a retain and release of each of its arrays).
                let column = ctx.snapshot.nodeProperties[Int(k)]
                return { (row: inout Row) throws(QueryError) in
                    let v = try o(&row)
                    if case .node(let n) = v { return column.get(Int(n)) }
                    return try ctx.property(of: v, k, key, at: range)
                }
            }
            return { (row: inout Row) throws(QueryError) in try ctx.property(of: try o(&row), k, key, at: range) }
        case .index(let a, let b):
            let ctx = self.ctx
            if aggregateSlots[a.canonicalText] == nil, case .variable(let name) = a.kind, let slot = scope[name] {
                // `list[i]` of a variable: the list is read where it is in the row, with no
                // closure called and no copy of it made to read it.
                let cb = try compile(b)
                if let (indexSlot, offset) = slotPlusConstant(b) {
                    // `list[i]`, `list[i - 1]`: the index read from its slot too (anything else,
                    // or an overflow, as the general path has it).
                    return { (row: inout Row) throws(QueryError) in
                        if case .int(let i) = row[indexSlot], case .list(let l) = row[slot] {
                            let (k, overflow) = i.addingReportingOverflow(offset)
                            if !overflow { return Operations.element(of: l, at: k) }
                        }
                        return try ctx.subscript(row[slot], try cb(&row), at: range)
                    }
                }
                return { (row: inout Row) throws(QueryError) in
                    let index = try cb(&row)
                    if case .int(let k) = index, case .list(let l) = row[slot] { return Operations.element(of: l, at: k) }
                    return try ctx.subscript(row[slot], index, at: range)
                }
            }
            let ca = try compile(a), cb = try compile(b)
            return { (row: inout Row) throws(QueryError) in
                let base = try ca(&row), index = try cb(&row)
                // A list and an integer, the common case, without the general switch over both.
                if case .list(let l) = base, case .int(let k) = index { return Operations.element(of: l, at: k) }
                return try ctx.subscript(base, index, at: range)
            }
        case .slice(let a, let lo, let hi):
            let ca = try compile(a)
            let cl = try lo.map { x throws(QueryError) in try compile(x) }
            let ch = try hi.map { x throws(QueryError) in try compile(x) }
            return { (row: inout Row) throws(QueryError) in
                try Operations.slice(try ca(&row), try cl?(&row), try ch?(&row), at: range)
            }
        case .list(let items):
            let cs = try items.map { x throws(QueryError) in try compile(x) }
            return { (row: inout Row) throws(QueryError) in
                var out: [Value] = []
                out.reserveCapacity(cs.count)
                for c in cs { out.append(try c(&row)) }
                let list = Value.list(out)
                if list.nestsDeeper(than: Value.maximumNesting) { throw .nestedTooDeep(at: range) }
                return list
            }
        case .map(let entries):
            let cs = try entries.map { x throws(QueryError) in (x.0, try compile(x.1)) }
            return { (row: inout Row) throws(QueryError) in
                var out: [String: Value] = [:]
                for (k, c) in cs { out[k] = try c(&row) }
                let map = Value.map(out)
                if map.nestsDeeper(than: Value.maximumNesting) { throw .nestedTooDeep(at: range) }
                return map
            }
        case .unary(let op, let a):
            let c = try compile(a)
            return { (row: inout Row) throws(QueryError) in try Operations.unary(op, try c(&row), at: range) }
        case .binary(let op, let a, let b):
            return try compileBinary(op, a, b, range)
        case .isNull(let a, let negated):
            let c = try compile(a)
            return { (row: inout Row) throws(QueryError) in .bool(try c(&row).isNull != negated) }
        case .hasLabels(let a, let labels):
            let c = try compile(a)
            let ctx = self.ctx
            let ids = labels.map { ctx.readLabel($0, at: range) }
            return { (row: inout Row) throws(QueryError) in
                switch try c(&row) {
                case .null: return .null
                case .node(let n): return .bool(ctx.hasLabels(n, ids))
                case let v: throw .typeMismatch("a label test needs a node", got: v, at: range)
                }
            }
        case .countStar:
            throw .invalidAggregation("here", at: range)
        case .function(let name, _, let args):
            return try compileFunction(name, args, range)
        case .caseExpr(let subject, let whens, let otherwise):
            return try compileCase(subject, whens, otherwise)
        case .listComprehension(let v, let list, let predicate, let projection):
            return try compileComprehension(v, list, predicate, projection, range)
        case .quantifier(let q, let v, let list, let predicate):
            return try compileQuantifier(q, v, list, predicate, range)
        case .reduce(let acc, let initial, let v, let list, let expression):
            return try compileReduce(acc, initial, v, list, expression, range)
        case .mapProjection(let subject, let items):
            return try compileMapProjection(subject, items, range)
        case .patternPredicate(let part):
            let plan = try mapper.subplan(part, scope: scope)
            return { (row: inout Row) throws(QueryError) in
                plan.start(on: row)
                return .bool(try plan.root.next() != nil)
            }
        case .subquery(.exists, _, _, _):
            let correlated = try mapper.correlatedExists(at: range.start, range: range)
            guard let (slot, uncorrelated) = mapper.existenceSet(at: range.start) else { return correlated }
            return ExistenceSet(slot: slot, plan: uncorrelated, width: { [slots] in slots.count }, correlated: correlated).evaluator()
        case .subquery(let kind, _, _, _):
            let (plan, columns) = try mapper.subquery(at: range.start, range: range)
            let root = plan.root
            let column = columns.first
            return { (row: inout Row) throws(QueryError) in
                plan.start(on: row)
                switch kind {
                case .exists:
                    return .bool(try root.next() != nil)
                case .count:
                    var n: Int64 = 0
                    while try root.next() != nil { n += 1 }
                    return .int(n)
                case .collect:
                    var out: [Value] = []
                    while let r = try root.next() { out.append(column.map { r[$0] } ?? .null) }
                    return .list(out)
                }
            }
        case .patternComprehension(let part, let predicate, let projection):
            let plan = try mapper.subplan(part, scope: scope, predicate: predicate)
            var inner = self
            inner.scope = plan.scope
            let p = try inner.compile(projection)
            return { (row: inout Row) throws(QueryError) in
                plan.start(on: row)
                var out: [Value] = []
                while var r = try plan.root.next() { out.append(try p(&r)) }
                return .list(out)
            }
        }
    }

    /// A comprehension variable gets a fresh slot, visible only inside the comprehension.
    func withLocal(_ name: String) -> (ExpressionCompiler, Int) {
        var inner = self
        let slot = slots.next()
        inner.scope[name] = slot
        return (inner, slot)
    }

    /// `n {.name, .*, key: expr, variable}` over a node, relationship or map (null gives null).
    func compileMapProjection(_ subject: Expr, _ items: [MapProjectionItem], _ range: SourceRange) throws(QueryError) -> Evaluator {
        let s = try compile(subject)
        let ctx = self.ctx
        enum Part { case key(String, Int32), all, value(String, Evaluator) }
        let parts: [Part] = try items.map { item throws(QueryError) -> Part in
            switch item {
            case .property(let k): return .key(k, ctx.graph.keyID(k))
            case .allProperties: return .all
            case .entry(let k, let e): return .value(k, try compile(e))
            case .variable(let v, let r): return .value(v, try compile(Expr(.variable(v), r)))
            }
        }
        return { (row: inout Row) throws(QueryError) in
            let base = try s(&row)
            if base.isNull { return .null }
            var out: [String: Value] = [:]
            for part in parts {
                switch part {
                case .key(let name, let id): out[name] = try ctx.property(of: base, id, name, at: range)
                case .all:
                    switch base {
                    case .map(let m): out.merge(m) { _, new in new }
                    default: for (k, v) in try ctx.propertyMap(base) { out[ctx.graph.keys.name(k)] = v }
                    }
                case .value(let name, let e): out[name] = try e(&row)
                }
            }
            return .map(out)
        }
    }

    func compileCase(_ subject: Expr?, _ whens: [(Expr, Expr)], _ otherwise: Expr?) throws(QueryError) -> Evaluator {
        let s = try subject.map { x throws(QueryError) in try compile(x) }
        let ws = try whens.map { x throws(QueryError) in (try compile(x.0), try compile(x.1)) }
        let o = try otherwise.map { x throws(QueryError) in try compile(x) }
        return { (row: inout Row) throws(QueryError) in
            if let s {
                let v = try s(&row)
                for (w, r) in ws where Value.equals(v, try w(&row)) == true { return try r(&row) }
            } else {
                for (w, r) in ws {
                    if case .bool(true) = try w(&row) { return try r(&row) }
                }
            }
            return try o?(&row) ?? .null
        }
    }

    func compileComprehension(_ v: String, _ list: Expr, _ predicate: Expr?, _ projection: Expr?, _ range: SourceRange) throws(QueryError) -> Evaluator {
        let l = try compile(list)
        let (inner, slot) = withLocal(v)
        let p = try predicate.map { x throws(QueryError) in try inner.compile(x) }
        let f = try projection.map { x throws(QueryError) in try inner.compile(x) }
        let ctx = self.ctx
        return { (row: inout Row) throws(QueryError) in
            let items: [Value]
            switch try l(&row) {
            case .null: return .null
            case .list(let xs): items = xs
            case let other: throw .typeMismatch("a list comprehension needs a list", got: other, at: range)
            }
            var out: [Value] = []
            for x in items {
                try ctx.tick()
                row[slot] = x
                if let p, case .bool(true) = try p(&row) {} else if p != nil { continue }
                out.append(try f?(&row) ?? x)
            }
            return .list(out)
        }
    }

    func compileQuantifier(_ q: Quantifier, _ v: String, _ list: Expr, _ predicate: Expr?, _ range: SourceRange) throws(QueryError) -> Evaluator {
        let l = try compile(list)
        let (inner, slot) = withLocal(v)
        let p = try predicate.map { x throws(QueryError) in try inner.compile(x) }
        let ctx = self.ctx
        return { (row: inout Row) throws(QueryError) in
            let items: [Value]
            switch try l(&row) {
            case .null: return .null
            case .list(let xs): items = xs
            case let other: throw .typeMismatch("\(q.rawValue)() needs a list", got: other, at: range)
            }
            var trues = 0, nulls = 0
            for x in items {
                try ctx.tick()
                row[slot] = x
                switch try p?(&row) ?? x {
                case .bool(true): trues += 1
                case .bool(false): break
                case .null: nulls += 1
                case let other: throw .typeMismatch("\(q.rawValue)() needs a boolean predicate", got: other, at: range)
                }
            }
            let falses = items.count - trues - nulls
            switch q {
            case .all: return falses > 0 ? .bool(false) : nulls > 0 ? .null : .bool(true)
            case .any: return trues > 0 ? .bool(true) : nulls > 0 ? .null : .bool(false)
            case .none: return trues > 0 ? .bool(false) : nulls > 0 ? .null : .bool(true)
            case .single: return trues > 1 ? .bool(false) : nulls > 0 ? .null : .bool(trues == 1)
            }
        }
    }

    func compileReduce(_ acc: String, _ initial: Expr, _ v: String, _ list: Expr, _ expression: Expr, _ range: SourceRange) throws(QueryError) -> Evaluator {
        let i = try compile(initial), l = try compile(list)
        let (withAcc, accSlot) = withLocal(acc)
        let (inner, slot) = withAcc.withLocal(v)
        let x = try inner.compile(expression)
        let ctx = self.ctx
        return { (row: inout Row) throws(QueryError) in
            row[accSlot] = try i(&row)
            switch try l(&row) {
            case .null: return .null
            case .list(let items):
                for item in items {
                    try ctx.tick()
                    row[slot] = item
                    row[accSlot] = try x(&row)
                }
                return row[accSlot]
            case let other: throw .typeMismatch("reduce() needs a list", got: other, at: range)
            }
        }
    }
}
