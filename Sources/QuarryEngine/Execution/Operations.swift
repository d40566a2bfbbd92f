import Foundation

/// The operators of the language on values, with openCypher's null and type rules.
enum Operations {
    /// `l[k]`: from the end for a negative `k`, null past either end.
    @inline(__always)
    static func element(of l: [Value], at k: Int64) -> Value {
        let i = k < 0 ? Int64(l.count) + k : k
        return i >= 0 && i < l.count ? l[Int(i)] : .null
    }

    static func unary(_ op: UnaryOperator, _ v: Value, at r: SourceRange) throws(QueryError) -> Value {
        switch (op, v) {
        case (_, .null): return .null
        case (.not, .bool(let b)): return .bool(!b)
        case (.negate, .int(let i)):
            guard i != Int64.min else { throw .overflow("-(\(i))", at: r) }
            return .int(-i)
        case (.negate, .float(let d)): return .float(-d)
        case (.plus, .int), (.plus, .float), (.plus, .duration): return v
        case (.negate, .duration(let d)):
            guard let n = d.negated else { throw .overflow("-\(d.iso)", at: r) }
            return .duration(n)
        case (.not, _): throw .typeMismatch("NOT needs a boolean", got: v, at: r)
        default: throw .typeMismatch("a sign needs a number", got: v, at: r)
        }
    }

    /// Dates and durations: a date plus or minus a duration, durations added, subtracted,
    /// multiplied or divided by a number; nil for other operands.
    static func temporalArithmetic(_ op: BinaryOperator, _ a: Value, _ b: Value, at r: SourceRange) throws(QueryError) -> Value? {
        func checked<T>(_ v: T?) throws(QueryError) -> T {
            guard let v else { throw .overflow("\(a.literalText) \(op.rawValue) \(b.literalText)", at: r) }
            return v
        }
        /// A date, local date-time or local time moved by a duration (subtraction adds its negation).
        func shifted(_ moment: Value, _ u: DurationValue) throws(QueryError) -> Value? {
            switch moment {
            case .date(let d):
                guard let result = d.adding(u) else { throw .dateOutOfRange("\(a.literalText) \(op.rawValue) \(b.literalText)", at: r) }
                return .date(result)
            case .localDateTime(let t):
                guard let result = t.adding(u) else { throw .dateOutOfRange("\(a.literalText) \(op.rawValue) \(b.literalText)", at: r) }
                return .localDateTime(result)
            case .localTime(let t):
                return .localTime(t.adding(u))
            case .time(let t):
                return .time(TimeValue(time: t.time.adding(u), offset: t.offset))
            case .dateTime(let t):
                guard let result = t.adding(u) else { throw .dateOutOfRange("\(a.literalText) \(op.rawValue) \(b.literalText)", at: r) }
                return .dateTime(result)
            default:
                return nil
            }
        }
        switch (op, a, b) {
        case let (.add, moment, .duration(u)) where !moment.isDuration, let (.add, .duration(u), moment) where !moment.isDuration:
            return try shifted(moment, u)
        case let (.subtract, moment, .duration(u)) where !moment.isDuration:
            return try shifted(moment, try checked(u.negated))
        case let (.add, .duration(x), .duration(y)):
            return .duration(try checked(x.plus(y)))
        case let (.subtract, .duration(x), .duration(y)):
            return .duration(try checked(x.plus(try checked(y.negated))))
        case let (.multiply, .duration(x), y) where y.isNumber, let (.multiply, y, .duration(x)) where y.isNumber:
            return .duration(try checked(x.scaled(by: try exact(y, at: r))))
        case let (.divide, .duration(x), y) where y.isNumber:
            let divisor = try exact(y, at: r)
            guard divisor != 0 else { throw .divisionByZero(at: r) }
            return .duration(try checked(x.scaled(by: 1, dividedBy: divisor)))
        default:
            return nil
        }
    }

    /// A number as a decimal (an integer exactly; a float as its shortest decimal text).
    static func exact(_ v: Value, at r: SourceRange) throws(QueryError) -> Decimal {
        switch v {
        case .int(let i): return Decimal(i)
        case .float(let d) where d.isFinite: return Decimal(string: "\(d)") ?? Decimal(d)
        default: throw .invalidArgument("a duration can be scaled only by a finite number, not \(v.literalText)", at: r)
        }
    }

    static func truth(_ v: Value, _ op: String, at r: SourceRange) throws(QueryError) -> Bool? {
        switch v {
        case .bool(let b): return b
        case .null: return nil
        default: throw .typeMismatch("\(op) needs booleans", got: v, at: r)
        }
    }

    static func arithmetic(_ op: BinaryOperator, _ a: Value, _ b: Value, at r: SourceRange) throws(QueryError) -> Value {
        switch (a, b) {
        case (.null, _), (_, .null): return .null
        case let (.int(x), .int(y)):
            let result: (Int64, Bool)
            switch op {
            case .add: result = x.addingReportingOverflow(y)
            case .subtract: result = x.subtractingReportingOverflow(y)
            case .multiply: result = x.multipliedReportingOverflow(by: y)
            case .divide:
                guard y != 0 else { throw .divisionByZero(at: r) }
                result = x.dividedReportingOverflow(by: y)
            case .modulo:
                guard y != 0 else { throw .divisionByZero(at: r) }
                result = x.remainderReportingOverflow(dividingBy: y)
            case .power: return .float(Foundation.pow(Double(x), Double(y)))
            default: throw .internalError("\(op.rawValue) is not an arithmetic operator", at: r)
            }
            if result.1 { throw .overflow("\(x) \(op.rawValue) \(y)", at: r) }
            return .int(result.0)
        case (.int, .float), (.float, .int), (.float, .float):
            let x = a.doubleValue, y = b.doubleValue
            switch op {
            case .add: return .float(x + y)
            case .subtract: return .float(x - y)
            case .multiply: return .float(x * y)
            case .divide: return .float(x / y)
            case .modulo: return .float(fmod(x, y))
            case .power: return .float(Foundation.pow(x, y))
            default: throw .internalError("\(op.rawValue) is not an arithmetic operator", at: r)
            }
        default:
            break
        }
        if let temporal = try temporalArithmetic(op, a, b, at: r) { return temporal }
        if op == .add {
            switch (a, b) {
            case let (.string(x), .string(y)):
                try MemoryGuard.reserve(x.utf8.count + y.utf8.count, at: r)
                return .string(x + y)
            case let (.list(x), .list(y)):
                try MemoryGuard.reserve((x.count + y.count) * MemoryLayout<Value>.stride, at: r)
                return .list(x + y)
            case let (.list(x), y): return .list(x + [y])
            case let (x, .list(y)): return .list([x] + y)
            case let (.string(x), y) where y.isNumber: return .string(x + Functions.toText(y))
            case let (x, .string(y)) where x.isNumber: return .string(Functions.toText(x) + y)
            default: break
            }
        }
        throw QueryError(.typeError, "InvalidArgumentType",
                         "cannot apply \(op.rawValue) to \(a.typeName) and \(b.typeName)", at: r)
    }

    static func containsBytes(_ haystack: String.UTF8View, _ needle: String.UTF8View) -> Bool {
        guard let first = needle.first else { return true }
        let n = needle.count
        guard haystack.count >= n else { return false }
        var i = haystack.startIndex
        let last = haystack.index(haystack.endIndex, offsetBy: -n)
        while i <= last {
            if haystack[i] == first, haystack[i...].starts(with: needle) { return true }
            i = haystack.index(after: i)
        }
        return false
    }

    static func `in`(_ a: Value, _ b: Value, at r: SourceRange) throws(QueryError) -> Value {
        switch b {
        case .null: return .null
        case .list(let items):
            var unknown = false
            for x in items {
                switch Value.equals(a, x) {
                case true?: return .bool(true)
                case nil: unknown = true
                default: break
                }
            }
            return unknown ? .null : .bool(false)
        default:
            throw .typeMismatch("IN needs a list on its right", got: b, at: r)
        }
    }

    static func stringPredicate(_ op: BinaryOperator, _ a: Value, _ b: Value) -> Value {
        guard case .string(let x) = a, case .string(let y) = b else { return .null }
        // Code-unit comparison, as in Java and Neo4j (and much faster than comparing Characters).
        let a = x.utf8, b = y.utf8
        switch op {
        case .startsWith: return .bool(a.starts(with: b))
        case .endsWith: return .bool(a.count >= b.count && a.dropFirst(a.count - b.count).elementsEqual(b))
        default: return .bool(containsBytes(a, b))
        }
    }

    static func slice(_ v: Value, _ lo: Value?, _ hi: Value?, at r: SourceRange) throws(QueryError) -> Value {
        if v.isNull || lo?.isNull == true || hi?.isNull == true { return .null }
        guard case .list(let l) = v else { throw .typeMismatch("slicing needs a list", got: v, at: r) }
        func bound(_ b: Value?, _ dflt: Int) throws(QueryError) -> Int {
            guard let b else { return dflt }
            guard case .int(let i) = b else { throw .typeMismatch("a slice bound must be an integer", got: b, at: r) }
            let n = Int(clamping: i)
            return n < 0 ? max(0, l.count + n) : min(n, l.count)
        }
        let start = try bound(lo, 0), end = try bound(hi, l.count)
        return start < end ? .list(Array(l[start..<end])) : .list([])
    }
}

extension Value {
    var isNaN: Bool {
        if case .float(let d) = self { return d.isNaN }
        return false
    }

    var isDuration: Bool {
        if case .duration = self { return true }
        return false
    }

    var isNumber: Bool {
        switch self {
        case .int, .float: return true
        default: return false
        }
    }
}

extension ExecutionContext {
    func property(of v: Value, _ key: Int32, _ name: String, at r: SourceRange) throws(QueryError) -> Value {
        switch v {
        case .null: return .null
        case .node(let n):
            if readOnly { return snapshot.nodeProperty(n, key) }
            if !deletedNodes.isEmpty, deletedNodes.contains(n) { throw .deletedEntityAccess(at: r) }
            return graph.nodeProperty(n, key)
        case .relationship(let rel):
            if readOnly { return snapshot.relationshipProperty(rel, key) }
            if !deletedRelationships.isEmpty, deletedRelationships.contains(rel) { throw .deletedEntityAccess(at: r) }
            return graph.relationshipProperty(rel, key)
        case .map(let m): return m[name] ?? .null
        case .date(let d):
            let c = d.components
            let field = name.lowercasedField
            // A partial date knows its year (and its month and quarter when known to the month).
            if field == "precision" { return .string(d.precision.name) }
            if d.precision == .year && field != "year" || d.precision == .month && !["year", "month", "quarter"].contains(field) {
                guard ["month", "day", "quarter", "dayofweek", "weekday", "ordinalday", "dayofyear", "week", "weekyear", "dayofquarter"].contains(field) else {
                    throw .invalidArgument("a date has no field \(name)", at: r)
                }
                return .null
            }
            switch field {
            case "year": return .int(c.year)
            case "month": return .int(c.month)
            case "day": return .int(c.day)
            case "quarter": return .int((c.month - 1) / 3 + 1)
            case "dayofweek", "weekday": return .int(d.weekDay)
            case "ordinalday", "dayofyear": return .int(d.ordinalDay)
            case "week": return .int(d.isoWeek.week)
            case "weekyear": return .int(d.isoWeek.weekYear)
            case "dayofquarter": return .int(d.dayOfQuarter)
            default: throw .invalidArgument("a date has no field \(name)", at: r)
            }
        case .duration(let d):
            guard let value = d.component(name) else { throw .invalidArgument("a duration has no field \(name)", at: r) }
            return .int(value)
        case .localTime(let t):
            guard let value = t.component(name) else { throw .invalidArgument("a local time has no field \(name)", at: r) }
            return .int(value)
        case .localDateTime(let t):
            if let value = t.time.component(name) { return .int(value) }
            return try property(of: .date(t.date), key, name, at: r)
        case .point(let p):
            guard let value = p.component(name) else { throw .invalidArgument("a \(p.crs.name) point has no field \(name)", at: r) }
            return value
        case .time(let t):
            guard let value = t.component(name) else { throw .invalidArgument("a time has no field \(name)", at: r) }
            return value
        case .dateTime(let t):
            if let value = t.component(name) { return value }
            return try property(of: .date(t.local.date), key, name, at: r)
        default:
            throw .typeMismatch("property access needs a node, relationship or map", got: v, at: r)
        }
    }

    func `subscript`(_ v: Value, _ i: Value, at r: SourceRange) throws(QueryError) -> Value {
        switch (v, i) {
        case (.null, _), (_, .null): return .null
        case let (.list(l), .int(k)): return Operations.element(of: l, at: k)
        case let (.map(m), .string(k)): return m[k] ?? .null
        case let (.node, .string(k)), let (.relationship, .string(k)):
            return try property(of: v, graph.keys.id(k) ?? -1, k, at: r)
        case (.list, _): throw .typeMismatch("a list index must be an integer", got: i, at: r)
        case (.map, _), (.node, _), (.relationship, _): throw .typeMismatch("a map key must be a string", got: i, at: r)
        default: throw .typeMismatch("indexing needs a list or a map", got: v, at: r)
        }
    }
}
