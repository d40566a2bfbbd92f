/// Cypher expressions as Spark SQL over a relation's slot columns. What has no faithful
/// translation is a positioned error naming it, never a different answer: Cypher's `+` on text
/// is concatenation and on integers stays integral, `/` of integers truncates, `substring` counts
/// from 0, null sorts last.
struct SparkExpressions {
    let schema: SparkGraphSchema
    let slots: [Int: SparkSlot]
    let bindings: Bindings
    let parameters: [String: Value]
    /// The columns a statement reads of its nodes and relationships.
    let keys: [String]
    /// Variables introduced inside an expression (a list comprehension's), by their SQL names.
    var locals: [String: String] = [:]
    /// Their types, where the list's items have one.
    var localTypes: [String: SparkType] = [:]
    /// The column holding each EXISTS, COUNT or COLLECT subquery's value, by the subquery's
    /// offset (`SparkCompiler.withSubqueries`), and its type.
    typealias SubqueryColumn = (column: String, type: SparkType?)
    var subqueryColumns: [Int: SubqueryColumn] = [:]

    func slot(_ name: String, _ range: SourceRange) throws(QueryError) -> (Int, SparkSlot) {
        guard let slot = bindings.scope[name], let shape = slots[slot] else { throw SparkCompiler.unsupported("the variable \(name) here", range) }
        return (slot, shape)
    }

    func sql(_ e: Expr) throws(QueryError) -> String {
        if let slot = bindings.aggregates[e.canonicalText] { return SparkSlot.column(slot) }
        switch e.kind {
        case .literal(let v): return try literal(v, e.range)
        case .parameter(let name):
            guard let v = parameters[name] else { throw QueryError(.semanticError, "ParameterMissing", "the parameter $\(name) has no value", at: e.range) }
            return try literal(v, e.range)
        case .variable(let name):
            if let local = locals[name] { return local }
            let (slot, shape) = try slot(name, e.range)
            do {
                return try shape.value(slot)
            } catch {
                throw SparkCompiler.unsupported("a shortest path, or its relationships, as a value", e.range, instead: "return length(p)")
            }
        case .property(let object, let key):
            // `duration.inDays(a, b).days` between dates: whole days.
            if key == "days", case .function(let f, false, let args) = object.kind, f.lowercased() == "duration.indays", args.count == 2,
               type(args[0]) == .date, type(args[1]) == .date {
                return "datediff(\(try sql(args[1])), \(try sql(args[0])))"
            }
            if case .variable(let name) = object.kind, locals[name] == nil {
                let (slot, shape) = try slot(name, e.range)
                switch shape {
                case .node, .relationship:
                    if shape.mixes(key) { throw SparkCompiler.unsupported("\(name).\(key), whose values are of several types in the files", e.range) }
                    return shape.propertyType(key) == nil ? "NULL" : SparkSlot.column(slot, "p_" + key)
                default: break
                }
            }
            switch type(object) {
            case .node?, .relationship?:
                // From the JSON of its properties, where the key has one plain type in the files.
                let types = valueKeyTypes(key, of: type(object))
                guard let t = types.first else { return "NULL" }
                guard types.count == 1, [.bigint, .double, .boolean, .string, .date].contains(t) else {
                    throw SparkCompiler.unsupported("\(key) of a node or relationship held as a value", e.range, instead: "keep the node in a variable of its own")
                }
                let text = "get_json_object((\(try sql(object))).props, \(SparkSQL.string("$." + key)))"
                return t == .string ? text : "CAST(\(text) AS \(t.sql))"
            case .map(let fields)?:
                return fields[key] == nil ? "NULL" : "(\(try sql(object))).\(SparkSQL.name(key))"
            case .null?:
                return "NULL"
            case let t? where t != .path:
                throw QueryError(.typeError, "InvalidArgumentType", "a \(t.kind) has no properties (\(key))", at: e.range)
            default:
                throw SparkCompiler.unsupported("a property of this value (a value whose type the Spark back end cannot tell)", e.range)
            }
        case .map(let entries):
            return try mapSQL(entries.map { k, v throws(QueryError) in (k, try sql(v)) })
        case .index(let list, let index):
            switch (type(list), type(index)) {
            case (.null?, _), (_, .null?): return "NULL"
            case (.map(let fields)?, _):
                guard case .literal(.string(let key)) = index.kind else { throw SparkCompiler.unsupported("a map's value under a computed key", e.range) }
                return fields[key] == nil ? "NULL" : "(\(try sql(list))).\(SparkSQL.name(key))"
            case (let t?, _) where t.kind != "list":
                throw QueryError(.typeError, "InvalidArgumentType", "a \(t.kind) cannot be indexed", at: list.range)
            case (_, let t?) where t != .bigint:
                throw QueryError(.typeError, "InvalidArgumentType", "a list's index is an integer, not a \(t.kind)", at: index.range)
            default: break
            }
            // Cypher counts from 0 (and from the end when negative); element_at from 1 (or -1).
            let i = try sql(index)
            return "try_element_at(\(try sql(list)), try_cast(CASE WHEN \(i) >= 0 THEN \(i) + 1 ELSE \(i) END AS INT))"
        case .slice(let list, let from, let to):
            // Cypher's [a..b]: from a up to b, negative from the end, clamped; Spark's slice counts from 1.
            let l = try sql(list)
            func bound(_ e: Expr?, _ otherwise: String) throws(QueryError) -> String {
                guard let e else { return otherwise }
                let v = try sql(e)
                return "greatest(0, least(size(\(l)), CASE WHEN \(v) < 0 THEN size(\(l)) + \(v) ELSE \(v) END))"
            }
            let a = try bound(from, "0"), b = try bound(to, "size(\(l))")
            // A null bound makes the slice null.
            let nulls = [from, to].compactMap { $0 }.map { "\((try? sql($0)) ?? "NULL") IS NULL" }
            return "CASE \(nulls.isEmpty ? "" : "WHEN " + nulls.joined(separator: " OR ") + " THEN NULL ")WHEN \(b) > \(a) THEN slice(\(l), CAST(\(a) + 1 AS INT), CAST(\(b) - \(a) AS INT)) ELSE slice(\(l), 1, 0) END"
        case .list(let items):
            try checkOneType(items.map(type), e.range)
            return "array(\(try items.map { i throws(QueryError) in try sql(i) }.joined(separator: ", ")))"
        case .unary(.not, let a): return "(NOT \(try sql(a)))"
        case .unary(.negate, let a): return "(-\(try sql(a)))"
        case .unary(.plus, let a): return try sql(a)
        case .isNull(let a, let negated): return "(\(try sql(a)) IS \(negated ? "NOT " : "")NULL)"
        case .binary(let op, let a, let b): return try binary(op, a, b, e.range)
        case .caseExpr(let subject, let whens, let otherwise):
            var t = "CASE"
            for (w, r) in whens {
                // `CASE x WHEN v` compares as `x = v` does in Cypher (Spark's would cast across types).
                let condition: String
                if let subject { condition = try comparison(.equal, subject, w, try sql(subject), try sql(w), w.range) } else { condition = try sql(w) }
                t += " WHEN \(condition) THEN \(try sql(r))"
            }
            if let otherwise { t += " ELSE \(try sql(otherwise))" }
            return t + " END"
        case .function(let name, let distinct, let args):
            return try function(name.lowercased(), distinct, args, e.range)
        case .countStar:
            return "count(1)"
        case .hasLabels(let object, let labels):
            guard case .variable(let name) = object.kind, case (let slot, .node) = try slot(name, e.range) else {
                throw SparkCompiler.unsupported("a label test on this expression", e.range)
            }
            let column = SparkSlot.column(slot, "labels")
            return "(" + labels.map { "array_contains(\(column), \(SparkSQL.string($0)))" }.joined(separator: " AND ") + ")"
        case .listComprehension(let variable, let list, let predicate, let projection):
            var inner = self
            let local = "x_" + String(e.range.start)
            inner.locals[variable] = local
            if case .array(let item)? = type(list) { inner.localTypes[variable] = item }
            var out = try sql(list)
            if let predicate { out = "filter(\(out), \(local) -> \(try inner.sql(predicate)))" }
            if let projection { out = "transform(\(out), \(local) -> \(try inner.sql(projection)))" }
            return out
        case .subquery(let kind, _, _, _):
            guard let column = subqueryColumns[e.range.start] else { throw SparkCompiler.unsupported("\(kind.rawValue) { } here", e.range) }
            return column.column
        default:
            throw SparkCompiler.unsupported("this expression (\(e.canonicalText))", e.range)
        }
    }

    func literal(_ v: Value, _ range: SourceRange) throws(QueryError) -> String {
        switch v {
        case .null: return "NULL"
        case .bool(let b): return b ? "TRUE" : "FALSE"
        case .int(let i): return i == Int64.min ? "CAST('\(i)' AS BIGINT)" : "\(i)L"
        case .float(let f):
            if f.isNaN { return "CAST('NaN' AS DOUBLE)" }
            if f.isInfinite { return f > 0 ? "CAST('Infinity' AS DOUBLE)" : "CAST('-Infinity' AS DOUBLE)" }
            return "CAST(\(SparkSQL.string(String(f))) AS DOUBLE)"
        case .string(let s): return SparkSQL.string(s)
        case .date(let d) where d.precision == .day: return "DATE \(SparkSQL.string(d.iso))"
        case .list(let items):
            try checkOneType(items.map(Self.literalType), range)
            return "array(\(try items.map { x throws(QueryError) in try literal(x, range) }.joined(separator: ", ")))"
        case .map(let entries):
            return try mapSQL(entries.sorted { $0.key < $1.key }.map { k, v throws(QueryError) in (k, try literal(v, range)) })
        default: throw SparkCompiler.unsupported("a \(v.typeName) value", range)
        }
    }

    /// A Cypher map as a struct (an empty one as an empty map), which comes back as a map.
    func mapSQL(_ entries: [(String, String)]) throws(QueryError) -> String {
        guard !entries.isEmpty else { return "CAST(map() AS MAP<STRING, STRING>)" }
        return "named_struct(\(entries.map { "\(SparkSQL.string($0.0)), \($0.1)" }.joined(separator: ", ")))"
    }

    static func stringArray(_ items: [String]) -> String {
        items.isEmpty ? "CAST(array() AS ARRAY<STRING>)" : "array(\(items.map(SparkSQL.string).joined(separator: ", ")))"
    }

    /// What a Spark error raised by the query itself starts with (`SparkEngine.classified`).
    static let raisedMarker = "quarry-error:"

    /// Raises a Cypher error of this class when Spark evaluates it.
    static func raise(_ errorClass: ErrorClass, _ detail: String, _ message: String) -> String {
        "raise_error(\(SparkSQL.string(raisedMarker + errorClass.rawValue + ":" + detail + ":" + message)))"
    }
}
