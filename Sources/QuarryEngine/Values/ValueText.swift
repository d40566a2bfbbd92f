/// Values written as Cypher literals (`'text'`, `[1, 2]`, `{a: 1}`) without graph access.
extension Value {
    public var literalText: String {
        switch self {
        case .null: return "null"
        case .bool(let b): return b ? "true" : "false"
        case .int(let i): return String(i)
        case .float(let d): return Value.floatText(d)
        case .string(let s): return Value.quoted(s)
        case .list(let l): return "[" + l.map(\.literalText).joined(separator: ", ") + "]"
        case .map(let m):
            return "{" + m.keys.sorted().map { "\(quoteName($0)): \(m[$0]!.literalText)" }.joined(separator: ", ") + "}"
        case .node(let n): return "node(\(n))"
        case .relationship(let r): return "relationship(\(r))"
        case .path(let p): return "path(\(p.nodes.count - 1) hops)"
        case .date(let d): return d.precision == .day ? "date('\(d.iso)')" : "date.partial('\(d.iso)')"
        case .duration(let d): return "duration('\(d.iso)')"
        case .localTime(let t): return "localtime('\(t.iso)')"
        case .localDateTime(let t): return "localdatetime('\(t.iso)')"
        case .time(let t): return "time('\(t.iso)')"
        case .dateTime(let t): return "datetime('\(t.iso)')"
        case .point(let p): return p.literal
        }
    }

    /// Text without quotes for strings and dates (toString(), CSV cells, GraphML data).
    public var plainText: String {
        switch self {
        case .string(let s): return s
        case .float(let d): return Value.floatText(d)
        case .date(let d): return d.iso
        case .duration(let d): return d.iso
        case .localTime(let t): return t.iso
        case .localDateTime(let t): return t.iso
        case .time(let t): return t.iso
        case .dateTime(let t): return t.iso
        default: return literalText
        }
    }

    public static func floatText(_ d: Double) -> String {
        if d.isNaN { return "NaN" }
        if d.isInfinite { return d < 0 ? "-Infinity" : "Infinity" }
        return "\(d)"
    }

    public static func quoted(_ s: String) -> String {
        var out = "'"
        for c in s {
            switch c {
            case "'": out += "\\'"
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default: out.append(c)
            }
        }
        return out + "'"
    }
}

extension String {
    /// The name in lowercase, without a new string when it already is (`d.days`, `t.hour`: a
    /// temporal value's field is read on every row).
    var lowercasedField: String {
        utf8.contains(where: { $0 >= 0x41 && $0 <= 0x5A || $0 >= 0x80 }) ? lowercased() : self
    }
}

