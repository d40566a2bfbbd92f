/// Subqueries as joins: an OPTIONAL MATCH, an EXISTS in a WHERE, a CALL { } subquery and the
/// value of an EXISTS, COUNT or COLLECT subquery are each the inner plan compiled over the
/// distinct outer rows (`correlated`), joined back to every outer row on all its columns
/// (null-safe).
extension SparkCompiler {
    /// Slots holding subqueries' values: above any slot a plan has.
    static let subquerySlots = 1 << 40

    /// OPTIONAL MATCH: a row with no match keeps nulls.
    func optional(_ input: SparkRelation, _ inner: LogicalOperator) throws(QueryError) -> SparkRelation {
        try joinBack(input, inner, "LEFT", what: "an OPTIONAL MATCH", SourceRange(0, 0))
    }

    /// `EXISTS { }` (`NOT EXISTS { }`) as a conjunct of a WHERE: a semi (anti) join.
    func semiJoin(_ input: SparkRelation, _ e: Expr, negated: Bool) throws(QueryError) -> SparkRelation {
        guard let sub = subqueries[e.range.start] else { throw Self.unsupported("this EXISTS subquery", e.range) }
        return try joinBack(input, sub.root, negated ? "LEFT ANTI" : "LEFT SEMI", what: "an EXISTS subquery", e.range)
    }

    /// `inner` over the distinct rows of `input`, each outer row carried through it (its
    /// aggregations group by them). Refused where the inner plan loses them.
    func correlated(_ inner: LogicalOperator, over input: SparkRelation, what: String, _ range: SourceRange) throws(QueryError) -> SparkRelation {
        var compiler = self
        compiler.carried = input.slots
        let matched = try compiler.relation(inner, argument: distinctRows(input))
        guard matched.sql != nil, input.slots.keys.allSatisfy({ matched.slots[$0] != nil }) else { throw Self.unsupported(what, range) }
        return matched
    }

    /// One row per distinct row of `input`: grouped by the columns that tell rows apart (a node's
    /// id and view, not its properties), the others taken along.
    func distinctRows(_ input: SparkRelation) -> SparkRelation {
        let columns = input.columns(keys: keys), identity = input.identityColumns(keys: keys)
        guard identity.count < columns.count else { return select(columns, from: input, slots: input.slots, distinct: true) }
        let told = Set(identity)
        return select(columns.map { told.contains($0) ? $0 : "any_value(\($0)) AS \($0)" }, from: input, slots: input.slots,
                      suffix: " GROUP BY " + identity.joined(separator: ", "))
    }

    /// `inner` run for each distinct row of `input`, joined back to every input row: a LEFT or
    /// INNER join keeps the columns `inner` adds (those of `adding`, when given), a semi or anti
    /// join only the input's.
    func joinBack(_ input: SparkRelation, _ inner: LogicalOperator, _ join: String, what: String, _ range: SourceRange,
                  adding: [Int]? = nil) throws(QueryError) -> SparkRelation {
        let columns = input.columns(keys: keys)
        let matched = try correlated(inner, over: input, what: what, range)
        let i = names.next(), m = names.next()
        var slots = input.slots
        var list = columns.map { "\(i).\($0)" }
        if join == "LEFT" || join == "INNER" {
            let added = matched.slots.filter { input.slots[$0.key] == nil && (adding?.contains($0.key) ?? true) }
            for (k, v) in added { slots[k] = v }
            list += SparkRelation(sql: nil, slots: added).columns(keys: keys).map { "\(m).\($0)" }
        }
        let on = input.identityColumns(keys: keys).map { "\(i).\($0) <=> \(m).\($0)" }.joined(separator: " AND ")
        return SparkRelation(sql: "SELECT \(list.isEmpty ? "1 AS _unit" : list.joined(separator: ", ")) FROM (\(input.sql ?? "SELECT 1 AS _unit")) \(i) "
                             + "\(join) JOIN (\(matched.sql ?? "SELECT 1 AS _unit")) \(m) ON \(on.isEmpty ? "TRUE" : on)",
                             slots: slots, order: input.order)
    }

    /// `r` with a column for the value of each EXISTS, COUNT and COLLECT subquery in `exprs`, and
    /// those columns by the subquery's offset (what `SparkExpressions` reads for it).
    func withSubqueries(_ r: SparkRelation, _ exprs: [BoundExpr]) throws(QueryError) -> (SparkRelation, [Int: SparkExpressions.SubqueryColumn]) {
        var found: [Expr] = []
        for e in exprs { try Self.subqueries(in: e.expr, computed: e.bindings.aggregates, local: false, into: &found) }
        var out = r
        var columns: [Int: SparkExpressions.SubqueryColumn] = [:]
        for e in found where columns[e.range.start] == nil {
            guard case .subquery(let kind, _, _, _) = e.kind else { continue }
            guard let sub = subqueries[e.range.start] else { throw Self.unsupported("this \(kind.rawValue) subquery", e.range) }
            let slot = Self.subquerySlots + e.range.start
            let type: SparkType?
            (out, type) = try subqueryValue(out, sub, kind, slot, e.range)
            columns[e.range.start] = (SparkSlot.column(slot), type)
        }
        return (out, columns)
    }

    /// The subqueries of an expression, outermost first, but those inside an aggregate already
    /// `computed`. One inside a list comprehension, quantifier or reduce could read its item,
    /// which the outer rows do not hold: refused.
    static func subqueries(in e: Expr, computed: [String: Int], local: Bool, into found: inout [Expr]) throws(QueryError) {
        if computed[e.canonicalText] != nil { return }
        if case .subquery(let kind, _, _, _) = e.kind {
            if local { throw unsupported("\(kind.rawValue) { } inside a list comprehension, quantifier or reduce", e.range) }
            found.append(e)
            return
        }
        let inner: Bool
        switch e.kind {
        case .listComprehension, .quantifier, .reduce, .patternComprehension: inner = true
        default: inner = local
        }
        for child in e.children { try subqueries(in: child, computed: computed, local: inner, into: &found) }
    }

    /// `input` with the subquery's value per row in `slot`: whether it has rows, how many, or the
    /// list of what it returns (in its ORDER BY's order).
    func subqueryValue(_ input: SparkRelation, _ sub: Subquery, _ kind: SubqueryKind, _ slot: Int,
                       _ range: SourceRange) throws(QueryError) -> (SparkRelation, SparkType?) {
        let columns = input.columns(keys: keys)
        let matched = try correlated(sub.root, over: input, what: "this \(kind.rawValue) subquery", range)
        let i = names.next(), m = names.next(), g = names.next()
        let v = "\(g).v"
        let value: String, result: String, type: SparkType?
        switch kind {
        case .exists:
            (value, result, type) = ("count(*)", "coalesce(\(v), 0) > 0", .boolean)
        case .count:
            (value, result, type) = ("count(*)", "coalesce(\(v), 0)", .bigint)
        case .collect:
            guard let returned = sub.columnSlots.first, let shape = matched.slots[returned] else { throw Self.unsupported("this COLLECT subquery", range) }
            let item = try shape.value(returned)
            let itemType: SparkType? = switch shape {
            case .value(let t): t
            case .node: .node
            case .relationship: .relationship
            case .path: .path
            case .relationshipList: .array(.relationship)
            case .hops: nil
            }
            value = matched.order.isEmpty ? "collect_list(\(item))" : Self.sortedCollect(item, matched.order)
            result = "coalesce(\(v), \(itemType.map { "CAST(array() AS ARRAY<\($0.sql)>)" } ?? "array()"))"
            type = itemType.map { .array($0) }
        }
        let identity = input.identityColumns(keys: keys)
        let grouped = "SELECT \((identity + ["\(value) AS v"]).joined(separator: ", ")) FROM (\(matched.sql ?? "SELECT 1 AS _unit")) \(m)"
            + (identity.isEmpty ? "" : " GROUP BY " + identity.joined(separator: ", "))
        let on = identity.map { "\(i).\($0) <=> \(g).\($0)" }.joined(separator: " AND ")
        var slots = input.slots
        slots[slot] = .value(type)
        let list = columns.map { "\(i).\($0)" } + ["\(result) AS \(SparkSlot.column(slot))"]
        return (SparkRelation(sql: "SELECT \(list.joined(separator: ", ")) FROM (\(input.sql ?? "SELECT 1 AS _unit")) \(i) LEFT JOIN (\(grouped)) \(g) ON \(on.isEmpty ? "TRUE" : on)",
                              slots: slots, order: input.order), type)
    }
}
