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
            throw SparkCompiler.unsupported("\(kind.rawValue) { } here", e.range, instead: "an EXISTS { } or NOT EXISTS { } of its own in a WHERE runs")
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

    /// A Spark array holds one type: a list mixing kinds (or integers with floats, which Spark
    /// would turn into floats) cannot be one faithfully.
    func checkOneType(_ types: [SparkType?], _ range: SourceRange) throws(QueryError) {
        if types.contains(where: { $0 != nil }), Self.itemType(types) == nil {
            throw SparkCompiler.unsupported("a list mixing values of different types", range)
        }
    }

    /// The one type of a list's items, where it can be told.
    static func itemType(_ types: [SparkType?]) -> SparkType? {
        var item = SparkType.null
        for t in types {
            guard let t, let both = SparkType.unified(item, t) else { return nil }
            item = both
        }
        return item
    }

    static func literalType(_ v: Value) -> SparkType? {
        switch v {
        case .null: return .null
        case .int: return .bigint
        case .float: return .double
        case .string: return .string
        case .bool: return .boolean
        case .date(let d) where d.precision == .day: return .date
        case .list(let items): return itemType(items.map(literalType)).map { .array($0) }
        case .map(let entries):
            var fields: [String: SparkType?] = [:]
            for (k, x) in entries { fields[k] = literalType(x) }
            return .map(fields)
        default: return nil
        }
    }

    /// The types `key` has in the files of nodes (or relationships).
    func valueKeyTypes(_ key: String, of kind: SparkType?) -> Set<SparkType> {
        let tables = kind == .node ? schema.nodes.map(\.properties) : schema.relationships.map(\.properties)
        return Set(tables.compactMap { $0.first { $0.name == key }?.type })
    }

    /// The static type of an expression, where it can be told.
    func type(_ e: Expr) -> SparkType? {
        if let slot = bindings.aggregates[e.canonicalText] {
            if case .value(let t)? = slots[slot] { return t }
            return nil
        }
        switch e.kind {
        case .literal(let v): return Self.literalType(v)
        case .parameter(let name): return parameters[name].flatMap(Self.literalType)
        case .map(let entries):
            var fields: [String: SparkType?] = [:]
            for (k, x) in entries { fields[k] = type(x) }
            return .map(fields)
        case .variable(let name):
            if locals[name] != nil { return localTypes[name] }
            guard let slot = bindings.scope[name] else { return nil }
            switch slots[slot] {
            case .value(let t)?: return t
            case .node?: return .node
            case .relationship?: return .relationship
            case .path?: return .path
            case .relationshipList?: return .array(.relationship)
            default: return nil
            }
        case .property(let object, let key):
            if case .variable(let name) = object.kind, locals[name] == nil, let slot = bindings.scope[name], let shape = slots[slot] {
                switch shape {
                case .node, .relationship: return shape.propertyType(key) ?? .null
                default: break
                }
            }
            switch type(object) {
            case .map(let fields)?: return fields[key] ?? .null
            case let t? where t == .node || t == .relationship:
                let types = valueKeyTypes(key, of: t)
                return types.isEmpty ? .null : types.count == 1 ? types.first : nil
            default: return nil
            }
        case .unary(.negate, let a), .unary(.plus, let a): return type(a)
        case .caseExpr(_, let whens, let otherwise):
            let types = Set((whens.map(\.1) + (otherwise.map { [$0] } ?? [])).map(type))
            return types.count == 1 ? types.first ?? nil : nil
        case .binary(let op, let a, let b):
            switch op {
            case .add, .subtract, .multiply, .divide, .modulo:
                let (x, y) = (type(a), type(b))
                if x == .null || y == .null { return .null }
                if op == .add, case .array(let i)? = x { return .array(i == .null ? (y.flatMap { if case .array(let j) = $0 { j } else { $0 } } ?? .null) : i) }
                if op == .add, let y, case .array = y { return y }
                if op == .add, x == .string || y == .string { return .string }
                if x == .bigint && y == .bigint { return .bigint }
                if (x == .double || x == .bigint) && (y == .double || y == .bigint) { return .double }
                return nil
            case .power: return .double
            default: return .boolean
            }
        case .function(let name, _, let args):
            switch name.lowercased() {
            case "count": return .bigint
            case "tolower", "toupper", "trim", "tostring", "substring", "left", "right", "type": return .string
            case "labels", "keys": return .array(.string)
            case "size", "length", "tointeger": return .bigint
            case "tofloat", "avg", "sqrt", "exp", "log", "log10", "ceil", "floor", "round", "percentilecont": return .double
            case "sign": return .bigint
            case "split": return .array(.string)
            case "replace": return .string
            case "percentiledisc": return args.first.flatMap(type)
            case "head", "last":
                if case .array(let item)? = args.first.flatMap(type) { return item }
                return nil
            case "tail": return args.first.flatMap(type)
            case "sum", "min", "max", "coalesce", "abs": return args.first.flatMap(type)
            case "date", "date.truncate": return .date
            case "collect": return args.first.flatMap(type).map { .array($0) }
            case "range": return .array(.bigint)
            default: return nil
            }
        case .index(let list, _):
            if case .array(let item)? = type(list) { return item }
            return nil
        case .slice(let list, _, _), .listComprehension(_, let list, _, nil):
            return type(list)
        case .list(let items): return Self.itemType(items.map(type)).map { .array($0) }
        case .countStar: return .bigint
        case .isNull, .hasLabels, .unary(.not, _): return .boolean
        default: return nil
        }
    }

    func binary(_ op: BinaryOperator, _ a: Expr, _ b: Expr, _ range: SourceRange) throws(QueryError) -> String {
        let x = try sql(a), y = try sql(b)
        switch op {
        case .and, .or: return "(\(x) \(op.rawValue) \(y))"
        case .xor: return "((\(x)) <> (\(y)))"
        case .equal, .notEqual, .less, .greater, .lessEqual, .greaterEqual: return try comparison(op, a, b, x, y, range)
        case .add:
            let (s, t) = (type(a), type(b))
            if s == .null || t == .null { return "NULL" }
            switch (s, t) {
            case (.array(let i)?, .array(let j)?):
                guard i == j || i == .null || j == .null else { throw SparkCompiler.unsupported("a list mixing values of different types", range) }
                return "concat(\(x), \(y))"
            case (.array(let i)?, let u?):
                guard i == u || i == .null else { throw SparkCompiler.unsupported("a list mixing values of different types", range) }
                return "concat(\(x), array(\(y)))"
            case (let u?, .array(let j)?):
                guard j == u || j == .null else { throw SparkCompiler.unsupported("a list mixing values of different types", range) }
                return "concat(array(\(x)), \(y))"
            default: break
            }
            if s == .string || t == .string {
                guard s == .string && t == .string else { throw SparkCompiler.unsupported("+ between text and a value of another type", range) }
                return "concat(\(x), \(y))"
            }
            return try arithmetic("+", a, b, x, y, range)
        case .subtract: return try arithmetic("-", a, b, x, y, range)
        case .multiply: return try arithmetic("*", a, b, x, y, range)
        case .divide:
            if type(a) == .bigint && type(b) == .bigint { return "(\(x) div \(y))" }
            if type(a) == .double || type(b) == .double, try arithmetic("/", a, b, x, y, range) != "CAST(NULL AS DOUBLE)" {
                // Floats divide as IEEE does (x / 0.0 is infinite, 0.0 / 0.0 NaN); Spark would fail.
                return "CASE WHEN \(y) = 0 THEN CASE WHEN \(x) > 0 THEN CAST('Infinity' AS DOUBLE) WHEN \(x) < 0 THEN CAST('-Infinity' AS DOUBLE) "
                    + "WHEN \(x) = 0 OR isnan(\(x)) THEN CAST('NaN' AS DOUBLE) END ELSE \(x) / \(y) END"
            }
            return try arithmetic("/", a, b, x, y, range)
        case .modulo: return try arithmetic("%", a, b, x, y, range)
        case .power: return "power(\(x), \(y))"
        case .startsWith: return "startswith(\(x), \(y))"
        case .endsWith: return "endswith(\(x), \(y))"
        case .contains: return "contains(\(x), \(y))"
        case .in:
            switch (type(a), type(b)) {
            case (_, .null?): return "CAST(NULL AS BOOLEAN)"
            case (let t?, .array(let item)?):
                // Any item equal: true; else null where a comparison is null (`exists` follows
                // three-valued logic); false over an empty list, even for null.
                return "exists(\(y), in0 -> \(try equality("in0", item, x, t, range)))"
            default:
                throw SparkCompiler.unsupported("IN over values whose types the Spark back end cannot tell", range)
            }
        case .regex: return "(\(x) RLIKE concat('^(?:', \(y), ')$'))"
        }
    }

    /// Cypher's comparison: values of different kinds are unequal and unordered (null where a
    /// side is null); lists are equal item by item (null where an item comparison is); nodes and
    /// relationships by identity. What Spark would compare otherwise (text with numbers, lists of
    /// lists, maps) is refused rather than answered differently.
    func comparison(_ op: BinaryOperator, _ a: Expr, _ b: Expr, _ x: String, _ y: String, _ range: SourceRange) throws(QueryError) -> String {
        let symbol = op == .equal ? "=" : op == .notEqual ? "<>" : op.rawValue
        guard let s = type(a), let t = type(b) else { throw SparkCompiler.unsupported("\(symbol) on values whose types the Spark back end cannot tell", range) }
        if op == .equal { return try equality(x, s, y, t, range) }
        if op == .notEqual { return "(NOT \(try equality(x, s, y, t, range)))" }
        if s == .null || t == .null || s.kind != t.kind { return "CAST(NULL AS BOOLEAN)" }
        guard ["number", "string", "boolean", "date"].contains(s.kind) else { throw SparkCompiler.unsupported("\(symbol) between these values", range) }
        // NaN is not ordered in Cypher; Spark puts it above every number.
        if s == .double || t == .double { return "CASE WHEN isnan(\(x)) OR isnan(\(y)) THEN FALSE ELSE \(x) \(symbol) \(y) END" }
        return "(\(x) \(symbol) \(y))"
    }

    /// Cypher's `=` of two values of known types, as SQL: null where a side is null (or an item
    /// comparison is), false between kinds; lists item by item, maps key by key, nodes and
    /// relationships by identity.
    func equality(_ x: String, _ s: SparkType, _ y: String, _ t: SparkType, _ range: SourceRange, depth: Int = 0) throws(QueryError) -> String {
        if s == .null || t == .null { return "CAST(NULL AS BOOLEAN)" }
        let eitherNull = "\(x) IS NULL OR \(y) IS NULL"
        guard s.kind == t.kind else { return "CASE WHEN \(eitherNull) THEN NULL ELSE FALSE END" }
        switch (s, t) {
        case (.array(let i), .array(let j)):
            let (l, r) = ("l\(depth)", "r\(depth)")
            let items = try equality(l, i, r, j, range, depth: depth + 1)
            return "CASE WHEN \(eitherNull) THEN NULL WHEN size(\(x)) <> size(\(y)) THEN FALSE "
                + "ELSE aggregate(zip_with(\(x), \(y), (\(l), \(r)) -> \(items)), CAST(TRUE AS BOOLEAN), (all\(depth), e\(depth)) -> all\(depth) AND e\(depth)) END"
        case (.map(let f), .map(let g)):
            guard Set(f.keys) == Set(g.keys) else { return "CASE WHEN \(eitherNull) THEN NULL ELSE FALSE END" }
            var parts: [String] = []
            for key in f.keys.sorted() {
                guard let p = f[key] ?? nil, let q = g[key] ?? nil else { throw SparkCompiler.unsupported("= between maps whose values' types the Spark back end cannot tell", range) }
                parts.append(try equality("\(x).\(SparkSQL.name(key))", p, "\(y).\(SparkSQL.name(key))", q, range, depth: depth + 1))
            }
            return "CASE WHEN \(eitherNull) THEN NULL ELSE \(parts.isEmpty ? "TRUE" : "(" + parts.joined(separator: " AND ") + ")") END"
        case (.node, .node):
            return "(\(x).`~node` = \(y).`~node` AND \(x).id = \(y).id)"
        case (.relationship, .relationship):
            return "(\(x).`~rel` = \(y).`~rel` AND \(x).id = \(y).id)"
        case (.path, _):
            throw SparkCompiler.unsupported("= between paths", range)
        case (.double, _), (_, .double):
            // NaN equals nothing in Cypher; Spark finds NaN = NaN.
            return "CASE WHEN isnan(\(x)) OR isnan(\(y)) THEN FALSE ELSE \(x) = \(y) END"
        default:
            return "(\(x) = \(y))"
        }
    }

    /// Arithmetic only where both sides are known numbers: Spark would read text as a number
    /// where Cypher fails.
    func arithmetic(_ op: String, _ a: Expr, _ b: Expr, _ x: String, _ y: String, _ range: SourceRange) throws(QueryError) -> String {
        let numeric: Set<SparkType> = [.bigint, .double]
        if type(a) == .null || type(b) == .null { return "CAST(NULL AS DOUBLE)" }
        guard let s = type(a), let t = type(b), numeric.contains(s), numeric.contains(t) else {
            throw SparkCompiler.unsupported("\(op) on values whose types the Spark back end cannot tell", range)
        }
        return "(\(x) \(op) \(y))"
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

    /// Functions of a node, relationship or path variable, which read its slot's columns.
    func elementFunction(_ name: String, _ args: [Expr], _ range: SourceRange) throws(QueryError) -> String? {
        switch name {
        case "length":
            if case .variable(let v)? = args.first?.kind, let (slot, shape) = try? slot(v, range) {
                switch shape {
                case .hops, .path: return SparkSlot.column(slot)
                default: break
                }
            }
            return nil
        case "labels", "type":
            let part = name == "labels" ? "labels" : "type"
            guard let arg = args.first else { return nil }
            if case .variable(let v) = arg.kind, locals[v] == nil, let (slot, shape) = try? slot(v, range) {
                switch (shape, part) {
                case (.node, "labels"), (.relationship, "type"): return SparkSlot.column(slot, part)
                default: break
                }
            }
            // A node or relationship held as a value (from a list or a collect): its struct's field.
            switch type(arg) {
            case .null?: return "NULL"
            case .node? where part == "labels", .relationship? where part == "type": return "(\(try sql(arg))).\(part)"
            default: throw SparkCompiler.unsupported("\(name)() of this value", range)
            }
        case "keys", "properties":
            guard let arg = args.first, args.count == 1 else { return nil }
            switch type(arg) {
            case .null?: return "NULL"
            case .map(let fields)? where name == "keys":
                return "CASE WHEN \(try sql(arg)) IS NULL THEN NULL ELSE \(Self.stringArray(fields.keys.sorted())) END"
            case .map?: return try sql(arg)
            case .node?, .relationship?:
                let value = try sql(arg)
                if name == "keys" { return "map_keys(from_json((\(value)).props, 'MAP<STRING, STRING>'))" }
                // The file names the types to read the JSON with (`SparkEntities`).
                let file = type(arg) == .node ? "`~node`" : "`~rel`"
                return "CASE WHEN \(value) IS NULL THEN NULL ELSE named_struct('~props', (\(value)).\(file), 'props', (\(value)).props) END"
            default:
                throw SparkCompiler.unsupported("\(name)() of this value", range)
            }
        case "nodes", "relationships":
            guard case .variable(let v) = args.first?.kind, locals[v] == nil, case (let slot, .path)? = try? slot(v, range) else {
                throw SparkCompiler.unsupported("\(name)() of anything but a path (a shortest path's length runs)", range)
            }
            return "\(SparkSlot.column(slot, "path")).\(name == "nodes" ? "`~path`" : "rels")"
        default: return nil
        }
    }

    func function(_ name: String, _ distinct: Bool, _ args: [Expr], _ range: SourceRange) throws(QueryError) -> String {
        if let sql = try elementFunction(name, args, range) { return sql }
        // Aggregates over a node count its identity: its view and its id.
        if name == "count", args.count == 1, case .variable(let v) = args[0].kind, locals[v] == nil,
           let (slot, shape) = try? self.slot(v, range) {
            switch shape {
            case .node: return "count(\(distinct ? "DISTINCT " : "")\(SparkSlot.column(slot, "space")), \(SparkSlot.column(slot)))"
            case .relationship: return "count(\(distinct ? "DISTINCT " : "")\(SparkSlot.column(slot, "file")), \(SparkSlot.column(slot)))"
            default: break
            }
        }
        let a = try args.map { x throws(QueryError) in try sql(x) }
        let d = distinct ? "DISTINCT " : ""
        func one() throws(QueryError) -> String {
            guard a.count == 1 else { throw SparkCompiler.unsupported("\(name)() with \(a.count) arguments", range) }
            return a[0]
        }
        switch name {
        case "count": return "count(\(d)\(try one()))"
        case "sum":
            // Cypher's sum of no rows is 0.
            return "coalesce(sum(\(d)\(try one())), \(type(args[0]) == .double ? "CAST(0 AS DOUBLE)" : "0L"))"
        case "avg", "min", "max": return "\(name)(\(d)\(try one()))"
        case "collect": return "collect_list(\(d)\(try one()))"
        case "sqrt", "exp": return "\(name)(\(try one()))"
        case "log", "log10":
            // Spark gives null where Cypher gives -Infinity (0) and NaN (below 0).
            let x = try one()
            return "CASE WHEN \(x) = 0 THEN CAST('-Infinity' AS DOUBLE) WHEN \(x) < 0 THEN CAST('NaN' AS DOUBLE) ELSE \(name == "log" ? "ln" : "log10")(\(x)) END"
        case "sign": return "CAST(signum(\(try one())) AS BIGINT)"
        case "ceil", "floor": return "CAST(\(name)(\(try one())) AS DOUBLE)"
        case "round":
            guard a.count == 1 else { throw SparkCompiler.unsupported("round() to a precision", range) }
            // Half away from zero, as Quarry rounds; Spark's round() does too.
            return "CAST(round(\(a[0])) AS DOUBLE)"
        case "head": return "try_element_at(\(try one()), 1)"
        case "last": return "try_element_at(\(try one()), -1)"
        case "tail":
            let l = try one()
            return "slice(\(l), 2, greatest(size(\(l)) - 1, 0))"
        case "split":
            guard a.count == 2 else { throw SparkCompiler.unsupported("split() with \(a.count) arguments", range) }
            // Spark splits on a regular expression; Cypher on the text itself.
            return "split(\(a[0]), concat('\\\\Q', \(a[1]), '\\\\E'), -1)"
        case "replace":
            guard a.count == 3 else { throw SparkCompiler.unsupported("replace() with \(a.count) arguments", range) }
            return "replace(\(a[0]), \(a[1]), \(a[2]))"
        case "percentiledisc", "percentilecont":
            guard args.count == 2 else { throw SparkCompiler.unsupported("\(name)() with \(args.count) arguments", range) }
            let p: Double
            switch args[1].kind {
            case .literal(.float(let f)): p = f
            case .literal(.int(let i)): p = Double(i)
            case .parameter(let n) where { if case .float? = parameters[n] { true } else if case .int? = parameters[n] { true } else { false } }():
                if case .float(let f)? = parameters[n] { p = f } else if case .int(let i)? = parameters[n] { p = Double(i) } else { p = 0 }
            default: throw SparkCompiler.unsupported("\(name)() of a percentile that is not a literal or parameter", args[1].range)
            }
            guard (0...1).contains(p) else { throw QueryError(.argumentError, "NumberOutOfRange", "the percentile \(p) is not between 0 and 1", at: args[1].range) }
            return "\(name == "percentiledisc" ? "percentile_disc" : "percentile_cont")(\(p)) WITHIN GROUP (ORDER BY \(a[0]))"
        case "toupper": return "upper(\(try one()))"
        case "tolower": return "lower(\(try one()))"
        case "trim", "ltrim", "rtrim", "abs", "reverse": return "\(name)(\(try one()))"
        case "size":
            return type(args[0]) == .string ? "char_length(\(try one()))" : "size(\(try one()))"
        case "length": return "char_length(\(try one()))"
        case "coalesce": return "coalesce(\(a.joined(separator: ", ")))"
        case "tostring": return "CAST(\(try one()) AS STRING)"
        case "tointeger": return "CAST(try_cast(\(try one()) AS DOUBLE) AS BIGINT)"
        case "tofloat": return "try_cast(\(try one()) AS DOUBLE)"
        case "substring":
            guard a.count >= 2 else { throw SparkCompiler.unsupported("substring() with one argument", range) }
            return a.count == 2 ? "substring(\(a[0]), \(a[1]) + 1)" : "substring(\(a[0]), \(a[1]) + 1, \(a[2]))"
        case "left": return "left(\(a[0]), \(a[1]))"
        case "right": return "right(\(a[0]), \(a[1]))"
        case "range":
            guard a.count == 2 || a.count == 3 else { throw SparkCompiler.unsupported("range() with \(a.count) arguments", range) }
            for arg in args where type(arg) != .bigint {
                guard let t = type(arg) else { throw SparkCompiler.unsupported("range() of values whose types the Spark back end cannot tell", range) }
                if t != .null { throw QueryError(.argumentError, "InvalidArgumentType", "range() takes integers, not a \(t.kind)", at: arg.range) }
            }
            let step = a.count == 3 ? "CASE WHEN \(a[2]) = 0 THEN \(Self.raise(.argumentError, "NumberOutOfRange", "the step of range() is 0")) ELSE \(a[2]) END" : "1L"
            // Cypher's range is empty where the step points away from the end; sequence() would count back.
            return "CASE WHEN (\(step) > 0 AND \(a[1]) >= \(a[0])) OR (\(step) < 0 AND \(a[1]) <= \(a[0])) THEN sequence(\(a[0]), \(a[1]), \(step)) ELSE array() END"
        case "date.truncate":
            guard a.count == 2, case .literal(.string(let unit)) = args[0].kind, type(args[1]) == .date else {
                throw SparkCompiler.unsupported("date.truncate() but of a date to a literal unit", range)
            }
            let units = ["millennium": nil, "century": nil, "decade": nil, "year": "YEAR", "quarter": "QUARTER", "month": "MM", "week": "WEEK", "day": "DD"]
            guard let spark = units[unit.lowercased()] ?? nil else { throw SparkCompiler.unsupported("date.truncate() to \(unit)", range) }
            return spark == "DD" ? a[1] : "trunc(\(a[1]), '\(spark)')"
        case "date":
            guard a.count == 1, type(args[0]) == .string || type(args[0]) == .date else {
                throw SparkCompiler.unsupported("date() of anything but text or a date", range)
            }
            return "to_date(\(a[0]))"
        case "id", "elementid":
            guard case .variable(let v) = args.first?.kind else { throw SparkCompiler.unsupported("\(name)() of an expression", range) }
            return SparkSlot.column(try slot(v, range).0)
        default:
            throw SparkCompiler.unsupported("the function \(name)()", range)
        }
    }
}
