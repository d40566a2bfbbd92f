import Foundation

/// The scalar functions that need only their argument values.
enum Functions {
    static func toText(_ v: Value) -> String { v.plainText }

    static func number(_ v: Value, _ name: String, at r: SourceRange) throws(QueryError) -> Double? {
        switch v {
        case .null: return nil
        case .int(let i): return Double(i)
        case .float(let d): return d
        default: throw .typeMismatch("\(name)() needs a number", got: v, at: r)
        }
    }

    static func string(_ v: Value, _ name: String, at r: SourceRange) throws(QueryError) -> String? {
        switch v {
        case .null: return nil
        case .string(let s): return s
        default: throw .typeMismatch("\(name)() needs a string", got: v, at: r)
        }
    }

    static func integer(_ v: Value, _ name: String, at r: SourceRange) throws(QueryError) -> Int64? {
        switch v {
        case .null: return nil
        case .int(let i): return i
        default: throw .typeMismatch("\(name)() needs an integer", got: v, at: r)
        }
    }

    static func toInteger(_ v: Value, strict: Bool, at r: SourceRange) throws(QueryError) -> Value {
        switch v {
        case .null: return .null
        case .int: return v
        case .float(let d):
            return fitsInteger(d) ? .int(Int64(d)) : .null
        case .bool(let b): return .int(b ? 1 : 0)
        case .string(let s):
            let t = s.trimmingCharacters(in: .whitespaces)
            if let i = Int64(t) { return .int(i) }
            if let d = Double(t), fitsInteger(d) { return .int(Int64(d)) }
            return .null
        default:
            if strict { throw .cannotConvert("toInteger", v, at: r) }
            return .null
        }
    }

    /// Whether the float, cut to an integer, fits in 64 bits (-2^63 ..< 2^63).
    static func fitsInteger(_ d: Double) -> Bool { d >= -0x1p63 && d < 0x1p63 }

    static func toFloat(_ v: Value, strict: Bool, at r: SourceRange) throws(QueryError) -> Value {
        switch v {
        case .null: return .null
        case .float: return v
        case .int(let i): return .float(Double(i))
        case .string(let s): return Double(s.trimmingCharacters(in: .whitespaces)).map(Value.float) ?? .null
        default:
            if strict { throw .cannotConvert("toFloat", v, at: r) }
            return .null
        }
    }

    static func toBoolean(_ v: Value, strict: Bool, at r: SourceRange) throws(QueryError) -> Value {
        switch v {
        case .null: return .null
        case .bool: return v
        case .string(let s):
            switch s.trimmingCharacters(in: .whitespaces).lowercased() {
            case "true": return .bool(true)
            case "false": return .bool(false)
            default: return .null
            }
        case .int(let i): return .bool(i != 0)
        default:
            if strict { throw .cannotConvert("toBoolean", v, at: r) }
            return .null
        }
    }

    static func toStringValue(_ v: Value, strict: Bool, at r: SourceRange) throws(QueryError) -> Value {
        switch v {
        case .null: return .null
        case .string, .int, .float, .bool, .date, .duration, .localTime, .localDateTime, .time, .dateTime, .point: return .string(toText(v))
        default:
            if strict { throw .cannotConvert("toString", v, at: r) }
            return .null
        }
    }

    /// The functions `math` computes.
    static let mathFunctions: Set<String> = ["abs", "ceil", "floor", "sign", "sqrt", "exp", "log", "log10", "sin", "cos", "tan",
                                             "asin", "acos", "atan", "degrees", "radians"]

    static func math(_ name: String, _ v: Value, at r: SourceRange) throws(QueryError) -> Value {
        guard let x = try number(v, name, at: r) else { return .null }
        switch name {
        case "abs":
            if case .int(let i) = v {
                guard i != Int64.min else { throw .overflow("abs(\(i))", at: r) }
                return .int(Swift.abs(i))
            }
            return .float(Swift.abs(x))
        case "ceil": return .float(x.rounded(.up))
        case "floor": return .float(x.rounded(.down))
        case "sign": return .int(x > 0 ? 1 : x < 0 ? -1 : 0)
        case "sqrt": return .float(x.squareRoot())
        case "exp": return .float(Foundation.exp(x))
        case "log": return .float(Foundation.log(x))
        case "log10": return .float(Foundation.log10(x))
        case "sin": return .float(Foundation.sin(x))
        case "cos": return .float(Foundation.cos(x))
        case "tan": return .float(Foundation.tan(x))
        case "asin": return .float(Foundation.asin(x))
        case "acos": return .float(Foundation.acos(x))
        case "atan": return .float(Foundation.atan(x))
        case "degrees": return .float(x * 180 / .pi)
        case "radians": return .float(x * .pi / 180)
        default: throw .internalError("\(name)() is not a numeric function", at: r)
        }
    }

    /// round(x) rounds half up (towards positive infinity), as Neo4j does; round(x, p) to p decimals.
    static func round(_ v: Value, _ precision: Value?, at r: SourceRange) throws(QueryError) -> Value {
        guard let x = try number(v, "round", at: r) else { return .null }
        var p: Int64 = 0
        if let precision {
            guard let q = try integer(precision, "round", at: r) else { return .null }
            p = q
        }
        // Past 10^±308 the scale is 0 or infinite: nothing is left to round, or everything rounds to 0.
        if p < -308 { return .float(0) }
        let scale = Foundation.pow(10, Double(p))
        let rounded = (x * scale + 0.5).rounded(.down) / scale
        return .float(rounded.isFinite ? rounded : x)
    }

    static func trim(_ s: String, leading: Bool, trailing: Bool) -> String {
        var chars = Substring(s)
        if leading { while let c = chars.first, c.isWhitespace { chars.removeFirst() } }
        if trailing { while let c = chars.last, c.isWhitespace { chars.removeLast() } }
        return String(chars)
    }

    static func substring(_ s: String, _ start: Int64, _ length: Int64?, at r: SourceRange) throws(QueryError) -> Value {
        guard start >= 0 else { throw .numberOutOfRange("substring() start must not be negative", at: r) }
        if let length, length < 0 { throw .numberOutOfRange("substring() length must not be negative", at: r) }
        let chars = Array(s)
        let from = min(Int(clamping: start), chars.count)
        let to = length.map { from + Int(min(Int64(chars.count - from), $0)) } ?? chars.count
        return .string(String(chars[from..<to]))
    }

    static func split(_ s: String, _ sep: String) -> Value {
        if sep.isEmpty { return .list(s.map { .string(String($0)) }) }
        return .list(s.components(separatedBy: sep).map(Value.string))
    }

    /// `range(from, to, step)`: the list of the integers UNWIND walks (`IntegerRange.Walk`).
    static func range(_ a: Int64, _ b: Int64, _ step: Int64, at r: SourceRange) throws(QueryError) -> Value {
        guard step != 0 else { throw zeroRangeStep(at: r) }
        var out: [Value] = []
        var walk = IntegerRange.Walk(first: a, last: b, step: step)
        while let i = walk.next() {
            out.append(.int(i))
            if out.count > 10_000_000 { throw .numberOutOfRange("range() would hold more than 10,000,000 values", at: r) }
        }
        return .list(out)
    }

    /// One of `range()`'s arguments: an integer, or nil for null.
    static func rangeBound(_ v: Value, at r: SourceRange) throws(QueryError) -> Int64? {
        switch v {
        case .null: return nil
        case .int(let i): return i
        default: throw .invalidArgumentValueType("range() needs integers", got: v, at: r)
        }
    }

    static func zeroRangeStep(at r: SourceRange) -> QueryError { .numberOutOfRange("range() step must not be 0", at: r) }
}
