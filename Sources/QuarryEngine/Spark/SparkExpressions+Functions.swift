/// Cypher's functions as Spark SQL's, where one has the same meaning.
extension SparkExpressions {
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
        // Counting nodes or relationships counts their identity (`SparkSlot.identityCount`).
        if name == "count", args.count == 1, case .variable(let v) = args[0].kind, locals[v] == nil,
           let (slot, shape) = try? self.slot(v, range) {
            switch shape {
            case .node, .relationship:
                let identity = shape.columns(slot, keys: keys).prefix(shape.identityCount(keys: keys))
                return "count(\(distinct ? "DISTINCT " : "")\(identity.joined(separator: ", ")))"
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
