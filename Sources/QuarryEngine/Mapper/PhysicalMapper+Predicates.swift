extension PhysicalMapper {
    func mapFilter(_ input: PhysicalOperator, _ predicates: [LogicalPredicate]) throws(QueryError) -> PhysicalOperator {
        var op = input
        for p in predicates { op = FilterOperator(ctx, op, predicate: try evaluator(p), text: p.text) }
        return op
    }

    /// Puts a binding operator's conditions in it: column filters and label checks in their
    /// fast forms, the rest as compiled predicates.
    func attach(_ predicates: [LogicalPredicate], to binding: BindingOperator) throws(QueryError) {
        for p in predicates {
            switch p {
            case .labelMembership(let labels, _, let range):
                binding.addLabelFilter(labels.map { ctx.readLabel($0, at: range) }, text: p.text)
            case .column(let test):
                binding.addColumnFilter(try columnFilter(test), text: test.text)
            case .expression(let e) where binding.nodeSlot != nil:
                if let set = try existenceFilter(e, on: binding.nodeSlot!) {
                    binding.addExistenceFilter(set, text: p.text)
                } else {
                    binding.addFilter(try evaluator(p), text: p.text)
                }
            default:
                binding.addFilter(try evaluator(p), text: p.text)
            }
        }
    }

    /// `EXISTS { … }` about the node a binding operator binds, answerable from a set of nodes.
    func existenceFilter(_ e: BoundExpr, on nodeSlot: Int) throws(QueryError) -> ExistenceSet? {
        guard case .subquery(.exists, _, _, _) = e.expr.kind, let (slot, uncorrelated) = existenceSet(at: e.expr.range.start),
              slot == nodeSlot else { return nil }
        return ExistenceSet(slot: slot, plan: uncorrelated, width: { [slots] in slots.count },
                            correlated: try correlatedExists(at: e.expr.range.start, range: e.expr.range))
    }

    /// `EXISTS { … }` run on each row: true when its plan gives a row.
    func correlatedExists(at offset: Int, range: SourceRange) throws(QueryError) -> Evaluator {
        let (plan, _) = try subquery(at: offset, range: range)
        return { (row: inout Row) throws(QueryError) -> Value in
            plan.start(on: row)
            return .bool(try plan.root.next() != nil)
        }
    }

    /// A condition as a compiled predicate on the row.
    func evaluator(_ p: LogicalPredicate) throws(QueryError) -> Evaluator {
        let ctx = self.ctx
        switch p {
        case .expression(let e):
            return try compile(e)
        case .hasLabels(let slot, let labels, _, let range):
            let ids = labels.map { ctx.readLabel($0, at: range) }
            return { row in
                guard case .node(let id) = row[slot] else { return .bool(false) }
                return .bool(ctx.hasLabels(id, ids))
            }
        case .isNode(let slot, _):
            return { row in .bool(row[slot].isNode) }
        case .properties(let slot, let map):
            return try propertyCheck(slot, map)
        case .sameList(let made, let bound, _):
            return { row in .bool(GroupKey(row[made]) == GroupKey(row[bound])) }
        case .labelMembership(_, _, let range):
            throw .internalError("a label filter outside the operator binding its node", at: range)
        case .column(let test):
            throw .internalError("a column filter outside the operator binding its node", at: test.range)
        }
    }

    /// Keeps rows whose element in `slot` has the given property values. A map literal (the
    /// usual `{name: 'x'}`) is checked key by key with the keys resolved once, not as a map
    /// built for every row.
    func propertyCheck(_ slot: Int, _ props: BoundExpr) throws(QueryError) -> Evaluator {
        let ctx = self.ctx
        let range = props.range
        guard case .map(let entries) = props.expr.kind else {
            let map = try compile(props)
            return { (row: inout Row) throws(QueryError) in
                guard case .map(let wanted) = try map(&row) else { return .bool(false) }
                for (k, v) in wanted {
                    let actual = try ctx.property(of: row[slot], ctx.graph.keys.id(k) ?? -1, k, at: range)
                    guard Value.equals(actual, v) == true else { return .bool(false) }
                }
                return .bool(true)
            }
        }
        let c = compiler(props.bindings)
        let wanted = try entries.map { entry throws(QueryError) in
            (key: ctx.graph.keyID(entry.0), name: entry.0, value: try c.compile(entry.1))
        }
        return { (row: inout Row) throws(QueryError) in
            for w in wanted {
                let actual = try ctx.property(of: row[slot], w.key, w.name, at: range)
                guard Value.equals(actual, try w.value(&row)) == true else { return .bool(false) }
            }
            return .bool(true)
        }
    }

    func columnFilter(_ test: ColumnTest) throws(QueryError) -> ColumnFilter {
        let ctx = self.ctx
        let key = ctx.graph.keyID(test.key)
        let predicate: Evaluator
        switch test.condition {
        case .predicate(let e):
            predicate = try compile(e)
        case .equals(let value):
            let v = try compile(value)
            let slot = test.slot, name = test.key, range = test.range
            predicate = { (row: inout Row) throws(QueryError) in
                let actual = try ctx.property(of: row[slot], key, name, at: range)
                return .bool(Value.equals(actual, try v(&row)) == true)
            }
        }
        var byteTest: (ColumnFilter.ByteTest, [UInt8])?
        if let (kind, text) = test.byteTest {
            switch text.kind {
            case .literal(.string(let s)): byteTest = (kind, Array(s.utf8))
            case .parameter(let name): if case .string(let s)? = ctx.parameters[name] { byteTest = (kind, Array(s.utf8)) }
            default: break
            }
        }
        return ColumnFilter(key: key, predicate: predicate, byteTest: byteTest, integerRange: test.integerTest.flatMap { integerRange($0.op, $0.bound) })
    }

    /// The integers `n.key OP bound` accepts, when the bound is an integer (a literal, or a
    /// parameter holding one) and the range is not empty.
    func integerRange(_ op: BinaryOperator, _ bound: Expr) -> ClosedRange<Int64>? {
        let value: Value
        switch bound.kind {
        case .literal(let v): value = v
        case .parameter(let name): value = ctx.parameters[name] ?? .null
        default: return nil
        }
        guard case .int(let x) = value else { return nil }
        switch op {
        case .equal: return x...x
        case .less: return x == .min ? nil : Int64.min...(x - 1)
        case .lessEqual: return Int64.min...x
        case .greater: return x == .max ? nil : (x + 1)...Int64.max
        case .greaterEqual: return x...Int64.max
        default: return nil
        }
    }

    /// Builds a path value from the pattern's node and relationship slots.
    func pathBuilder(nodes nodeSlots: [Int], relationships relSlots: [Int]) -> Evaluator {
        let ctx = self.ctx
        return { row in
            guard let first = nodeSlots.first, case .node(var current) = row[first] else { return .null }
            var nodes = [current]
            var rels: [RelID] = []
            for (i, s) in relSlots.enumerated() {
                let hops: [RelID]
                switch row[s] {
                case .relationship(let r): hops = [r]
                case .list(let l): hops = l.compactMap(\.relationshipID)
                default: return .null
                }
                for r in hops {
                    let a = ctx.graph.startNode(of: r), b = ctx.graph.endNode(of: r)
                    current = a == current ? b : a
                    nodes.append(current)
                    rels.append(r)
                }
                guard case .node(let expected) = row[nodeSlots[i + 1]], expected == current else { return .null }
            }
            return .path(PathValue(nodes: nodes, relationships: rels))
        }
    }
}
