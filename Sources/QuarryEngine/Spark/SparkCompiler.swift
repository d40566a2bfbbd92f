/// Runs a SQL query on Spark and returns its rows.
public typealias SparkQueryRunner = (String) throws(QueryError) -> [[Value]]

/// A statement compiled for Spark: one SQL query whose columns are the statement's, in order.
public struct SparkStatement: Sendable {
    public let sql: String
    public let columns: [String]
    /// EXPLAIN: show the SQL and Spark's plan instead of running it.
    public var explain = false
}

/// Turns a logical plan, as the planner makes it (before the rewrite rules, which are about
/// Quarry's own store), into one Spark SQL query: a MATCH becomes joins of the node and
/// relationship views (`SparkPatterns`), WITH and RETURN become SELECTs over it. A construct it
/// cannot translate faithfully is a positioned error naming it.
struct SparkCompiler {
    let schema: SparkGraphSchema
    let parameters: [String: Value]
    /// Property keys the statement reads anywhere: the columns kept for each node and relationship.
    let keys: [String]
    /// Names the statement never reads again after its pattern binds them (`Database.unreferencedNames`).
    let unreferenced: Set<String>
    /// The plans of the statement's EXISTS, COUNT and COLLECT subqueries, by their offset.
    let subqueries: [Int: Subquery]
    /// Runs a query on the server while compiling (a shortest path's search), when there is one.
    let run: SparkQueryRunner?
    let names = SparkNames()
    /// The slots of the outer row a subquery is compiled for (`correlated`): its aggregations
    /// group by them too and its DISTINCT keeps them, so that each outer row has its own.
    var carried: [Int: SparkSlot] = [:]

    /// What the compiler cannot translate faithfully, named, with what to do instead when there is something.
    static func unsupported(_ what: String, _ range: SourceRange, instead: String? = nil) -> QueryError {
        QueryError(.syntaxError, "NotOnSpark", "\(what) cannot run on Spark yet" + (instead.map { " (\($0))" } ?? ""), at: range)
    }

    static func unsupported(_ what: String, instead: String? = nil) -> QueryError {
        QueryError(.syntaxError, "NotOnSpark", "\(what) cannot run on Spark yet" + (instead.map { " (\($0))" } ?? ""))
    }

    static let writing = "a statement that writes (the Spark back end reads its files and never changes them)"

    func compile(_ plan: LogicalPlan) throws(QueryError) -> SparkStatement {
        if plan.isUpdating { throw Self.unsupported(Self.writing) }
        let relation = try self.relation(plan.root, argument: .unit)
        var items: [String] = []
        for (name, slot) in zip(plan.columns, plan.columnSlots) {
            guard let shape = relation.slots[slot] else { throw Self.unsupported("the column \(name)") }
            items.append("\(try shape.value(slot)) AS \(SparkSQL.name(name))")
        }
        var sql = "SELECT \(items.joined(separator: ", "))" + (relation.sql.map { " FROM (\($0)) \(names.next())" } ?? "")
        if !relation.order.isEmpty { sql += " ORDER BY " + relation.orderClause }
        return SparkStatement(sql: sql, columns: plan.columns)
    }

    func expressions(_ r: SparkRelation, _ b: Bindings, subqueries: [Int: SparkExpressions.SubqueryColumn] = [:]) -> SparkExpressions {
        SparkExpressions(schema: schema, slots: r.slots, bindings: b, parameters: parameters, keys: keys, subqueryColumns: subqueries)
    }

    /// `SELECT items FROM (input)`, the input's order kept.
    func select(_ items: [String], from input: SparkRelation, slots: [Int: SparkSlot], suffix: String = "", distinct: Bool = false) -> SparkRelation {
        let list = items.isEmpty ? "1 AS _unit" : items.joined(separator: ", ")
        let from = input.sql.map { " FROM (\($0)) \(names.next())" } ?? ""
        return SparkRelation(sql: "SELECT \(distinct ? "DISTINCT " : "")\(list)\(from)\(suffix)", slots: slots, order: input.order)
    }

    func relation(_ op: LogicalOperator, argument: SparkRelation) throws(QueryError) -> SparkRelation {
        switch op {
        case .argument:
            return argument
        case .match(let input, let m):
            return try SparkPatterns(compiler: self).match(try relation(input, argument: argument), m)
        case .optional(let input, let inner, _):
            return try optional(try relation(input, argument: argument), inner)
        case .filter(let input, let predicates):
            var r = try relation(input, argument: argument)
            for p in predicates {
                guard case .expression(let e) = p else { throw Self.unsupported("the condition \(p.text)") }
                r = try filter(r, e.expr, e.bindings)
            }
            return r
        case .project(let input, let c):
            return try project(try relation(input, argument: argument), c)
        case .aggregate(let input, let a):
            return try aggregate(try relation(input, argument: argument), a)
        case .distinct(let input, let slots):
            let r = try relation(input, argument: argument)
            var kept: [Int: SparkSlot] = [:]
            for s in slots { kept[s] = r.slots[s] }
            for (s, shape) in carried where r.slots[s] != nil { kept[s] = shape }
            var out = distinctRows(SparkRelation(sql: r.sql, slots: kept))
            out.order = []
            return out
        case .sort(let input, let s):
            var (r, columns) = try withSubqueries(try relation(input, argument: argument), s.keys.map(\.value))
            let x = r
            r.order = try s.keys.map { k throws(QueryError) in (try expressions(x, k.value.bindings, subqueries: columns).sql(k.value.expr), k.descending) }
            return r
        case .skipLimit(let input, let s):
            if !carried.isEmpty { throw Self.unsupported("SKIP or LIMIT inside a subquery", (s.limit ?? s.skip)?.range ?? SourceRange(0, 0)) }
            let r = try relation(input, argument: argument)
            var suffix = r.order.isEmpty ? "" : " ORDER BY " + r.orderClause
            if let limit = s.limit { suffix += " LIMIT \(try count(limit))" }
            if let skip = s.skip { suffix += " OFFSET \(try count(skip))" }
            return select(r.columns(keys: keys), from: r, slots: r.slots, suffix: suffix)
        case .unwind(let input, let u):
            let (r, subqueryColumns) = try withSubqueries(try relation(input, argument: argument), [u.list])
            let x = expressions(r, u.list.bindings, subqueries: subqueryColumns)
            let list = try x.sql(u.list.expr)
            var slots = r.slots
            if case .array(let item)? = x.type(u.list.expr) {
                slots[u.slot] = .value(item)
            } else {
                slots[u.slot] = .value(nil)
            }
            let alias = names.next(), view = names.next()
            let element = view + "_x"
            let from = r.sql.map { "(\($0)) \(alias)" } ?? "(SELECT 1 AS _unit) \(alias)"
            let columns = r.columns(keys: keys) + ["\(element) AS \(SparkSlot.column(u.slot))"]
            return SparkRelation(sql: "SELECT \(columns.joined(separator: ", ")) FROM \(from) LATERAL VIEW explode(\(list)) \(view) AS \(element)",
                                 slots: slots, order: [])
        case .union(let branches):
            let parts = try branches.map { b throws(QueryError) in try relation(b, argument: argument) }
            guard let first = parts.first else { return argument }
            // The branches' results are in the slots they all have (the first part's columns).
            let common = parts.dropFirst().reduce(Set(first.slots.keys)) { $0.intersection($1.slots.keys) }
            var slots: [Int: SparkSlot] = [:]
            for slot in common {
                guard case .value? = first.slots[slot], parts.allSatisfy({ if case .value? = $0.slots[slot] { true } else { false } }) else {
                    throw Self.unsupported("a UNION of nodes or relationships", instead: "return their properties")
                }
                slots[slot] = first.slots[slot]
            }
            let columns = SparkRelation(sql: nil, slots: slots).columns(keys: keys)
            let sql = parts.map { "SELECT \(columns.joined(separator: ", ")) FROM (\($0.sql ?? "SELECT 1 AS _unit")) \(names.next())" }.joined(separator: " UNION ALL ")
            return SparkRelation(sql: sql, slots: slots)
        case .apply(let input, let inner, let returnSlots):
            // A unit subquery (no RETURN) writes, which the Spark back end refuses before this.
            guard !returnSlots.isEmpty else { throw Self.unsupported("a CALL { } subquery without RETURN") }
            return try joinBack(try relation(input, argument: argument), inner, "INNER", what: "this CALL { } subquery", SourceRange(0, 0), adding: returnSlots)
        case .procedureCall(let input, let call):
            return try procedure(try relation(input, argument: argument), call)
        default:
            throw Self.unsupported("the operation \(LogicalPlanPrinter.describe(op))")
        }
    }

    /// The rows of `r` meeting `predicate`: a WHERE, and a semi join (anti join) for each conjunct
    /// that is an `EXISTS { }` (`NOT EXISTS { }`), its subquery run over the distinct rows of `r`.
    func filter(_ r: SparkRelation, _ predicate: Expr, _ bindings: Bindings) throws(QueryError) -> SparkRelation {
        var others: [Expr] = []
        var existence: [(Expr, negated: Bool)] = []
        for c in predicate.conjuncts {
            switch c.kind {
            case .subquery(.exists, _, _, _): existence.append((c, false))
            case .unary(.not, let inner) where { if case .subquery(.exists, _, _, _) = inner.kind { true } else { false } }():
                existence.append((inner, true))
            default: others.append(c)
            }
        }
        var out = r
        if !others.isEmpty {
            let (source, columns) = try withSubqueries(r, others.map { BoundExpr(expr: $0, bindings: bindings) })
            let x = expressions(source, bindings, subqueries: columns)
            let conditions = try others.map { c throws(QueryError) in try x.sql(c) }
            out = select(r.columns(keys: keys), from: source, slots: r.slots, suffix: " WHERE " + conditions.joined(separator: " AND "))
        }
        for (e, negated) in existence { out = try semiJoin(out, e, negated: negated) }
        return out
    }

    /// SKIP and LIMIT take a literal or a parameter.
    func count(_ e: Expr) throws(QueryError) -> Int64 {
        switch e.kind {
        case .literal(.int(let n)) where n >= 0: return n
        case .parameter(let name):
            if case .int(let n)? = parameters[name], n >= 0 { return n }
        default: break
        }
        throw Self.unsupported("SKIP or LIMIT of anything but a literal or parameter count", e.range)
    }

    func project(_ input: SparkRelation, _ c: Computation) throws(QueryError) -> SparkRelation {
        let (r, columns) = try withSubqueries(input, c.items.compactMap { if case .expression(let e) = $0.source { e } else { nil } })
        var slots = r.slots
        var items: [(slot: Int, columns: [String])] = []
        for item in c.items {
            switch item.source {
            case .expression(let e):
                // A node or relationship passed on under a new name keeps its columns.
                if let (from, shape) = entity(e, r) {
                    slots[item.slot] = shape
                    let mine = shape.columns(item.slot, keys: keys), theirs = shape.columns(from, keys: keys)
                    items.append((item.slot, zip(theirs, mine).map { "\($0) AS \($1)" }))
                    continue
                }
                let x = expressions(r, e.bindings, subqueries: columns)
                slots[item.slot] = .value(x.type(e.expr))
                items.append((item.slot, ["\(try x.sql(e.expr)) AS \(SparkSlot.column(item.slot))"]))
            case .copy(let from):
                guard let shape = r.slots[from] else { continue }
                slots[item.slot] = shape
                items.append((item.slot, zip(shape.columns(from, keys: keys), shape.columns(item.slot, keys: keys)).map { "\($0) AS \($1)" }))
            case .path, .reversed:
                throw Self.unsupported("a path value (\(c.text))")
            }
        }
        let replaced = Set(items.map(\.slot))
        var kept = input.slots.filter { !replaced.contains($0.key) }
        let keptColumns = SparkRelation(sql: nil, slots: kept).columns(keys: keys)
        for (slot, _) in items { kept[slot] = slots[slot] }
        return select(keptColumns + items.flatMap(\.columns), from: r, slots: kept)
    }

    /// The slot and shape of a node or relationship an expression names by itself (`a`, or the
    /// grouping key `a` after an aggregation).
    func entity(_ e: BoundExpr, _ r: SparkRelation) -> (Int, SparkSlot)? {
        guard case .variable(let name) = e.expr.kind,
              let from = e.bindings.aggregates[e.expr.canonicalText] ?? e.bindings.scope[name], let shape = r.slots[from] else { return nil }
        if case .value = shape { return nil }
        return (from, shape)
    }

    func aggregate(_ input: SparkRelation, _ a: Aggregation) throws(QueryError) -> SparkRelation {
        let (r, columns) = try withSubqueries(input, a.keys + a.aggregates.map { BoundExpr(expr: $0.call, bindings: a.bindings) })
        let x = expressions(r, a.bindings, subqueries: columns)
        var slots: [Int: SparkSlot] = [:]
        var items: [String] = []
        var groups: [String] = []
        // In a subquery, each outer row is a group of its own.
        for (slot, shape) in carried.sorted(by: { $0.key < $1.key }) where r.slots[slot] != nil && !a.keySlots.contains(slot) {
            slots[slot] = shape
            let (g, i) = grouping(shape, from: slot, to: slot)
            groups += g
            items += i
        }
        for (key, slot) in zip(a.keys, a.keySlots) {
            if let (from, shape) = entity(key, r) {
                slots[slot] = shape
                let (g, i) = grouping(shape, from: from, to: slot)
                groups += g
                items += i
                continue
            }
            let sql = try x.sql(key.expr)
            slots[slot] = .value(x.type(key.expr))
            groups.append(sql)
            items.append("\(sql) AS \(SparkSlot.column(slot))")
        }
        for (call, slot) in a.aggregates {
            slots[slot] = .value(x.type(call))
            var sql = try x.sql(call)
            if let sorted = try orderedCollect(call, r, x) { sql = sorted }
            items.append("\(sql) AS \(SparkSlot.column(slot))")
        }
        var out = select(items, from: r, slots: slots, suffix: groups.isEmpty ? "" : " GROUP BY " + groups.joined(separator: ", "))
        out.order = []
        return out
    }

    /// A node or relationship as a grouping key, from slot `from` into slot `to`: grouped by what
    /// tells them apart (`SparkSlot.identityCount`), not by all their columns, the others taken along.
    func grouping(_ shape: SparkSlot, from: Int, to: Int) -> (groups: [String], items: [String]) {
        let theirs = shape.columns(from, keys: keys), identity = shape.identityCount(keys: keys)
        let items = zip(theirs, shape.columns(to, keys: keys)).enumerated().map { i, c in "\(i < identity ? c.0 : "any_value(\(c.0))") AS \(c.1)" }
        return (Array(theirs.prefix(identity)), items)
    }

    /// `collect(x)` of rows an ORDER BY sorted: Spark's collect_list keeps no order, so the items
    /// are collected with their keys and sorted as the ORDER BY sorts (nulls last going up).
    func orderedCollect(_ call: Expr, _ r: SparkRelation, _ x: SparkExpressions) throws(QueryError) -> String? {
        guard !r.order.isEmpty, case .function(let name, let distinct, let args) = call.kind, name.lowercased() == "collect", args.count == 1 else { return nil }
        if distinct { throw Self.unsupported("collect(DISTINCT ...) of sorted rows", call.range) }
        return Self.sortedCollect(try x.sql(args[0]), r.order)
    }

    /// collect_list of `value` in the order `order` sorts the rows.
    static func sortedCollect(_ value: String, _ order: [(key: String, descending: Bool)]) -> String {
        if order.count == 1, order[0].key == value {
            // The values are their own key (`ORDER BY d ... collect(d)`): sorted as they are,
            // without a struct per value (nulls are dropped either way).
            return "sort_array(collect_list(\(value)), \(!order[0].descending))"
        }
        if let direction = order.first?.descending, order.allSatisfy({ $0.descending == direction }) {
            // One direction: sort_array's own order on (key is null, key) per key puts nulls last
            // going up and first going down, as Cypher does, without a comparator to interpret.
            let fields = order.enumerated().flatMap { ["'n\($0.offset)', \($0.element.key) IS NULL", "'k\($0.offset)', \($0.element.key)"] } + ["'v', \(value)"]
            return "transform(sort_array(collect_list(CASE WHEN \(value) IS NOT NULL THEN named_struct(\(fields.joined(separator: ", "))) END), \(!direction)), e -> e.v)"
        }
        let fields = order.enumerated().map { "'k\($0.offset)', \($0.element.key)" } + ["'v', \(value)"]
        var comparison = "0"
        for (i, key) in order.enumerated().reversed() {
            let (l, rr) = ("l.k\(i)", "r.k\(i)")
            let (before, after) = key.descending ? ("1", "-1") : ("-1", "1")
            comparison = "CASE WHEN \(l) IS NULL AND \(rr) IS NULL THEN \(comparison) WHEN \(l) IS NULL THEN \(key.descending ? before : after) "
                + "WHEN \(rr) IS NULL THEN \(key.descending ? after : before) WHEN \(l) < \(rr) THEN \(before) WHEN \(l) > \(rr) THEN \(after) ELSE \(comparison) END"
        }
        // collect_list drops nulls, as Cypher's collect does: only rows with a value go in.
        return "transform(array_sort(collect_list(CASE WHEN \(value) IS NOT NULL THEN named_struct(\(fields.joined(separator: ", "))) END), (l, r) -> \(comparison)), e -> e.v)"
    }
}

/// Fresh aliases for subqueries and joined views.
final class SparkNames {
    private var count = 0

    func next() -> String {
        count += 1
        return "t\(count)"
    }
}
