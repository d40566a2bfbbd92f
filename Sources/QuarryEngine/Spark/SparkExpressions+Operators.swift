/// Operators with Cypher's semantics: equality with three-valued logic item by item,
/// comparisons only within a kind, arithmetic only on known numbers.
extension SparkExpressions {
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
}
