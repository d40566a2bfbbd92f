/// Reads JSON into values (`--params`, graph imports): numbers with `.` or an exponent become
/// floats, others integers (one too large for 64 bits is refused, not rounded). `NaN`,
/// `Infinity` and `-Infinity`, which Quarry's JSON output writes, are read unless `strict`.
public struct JSONValueReader {
    let bytes: [UInt8]
    let strict: Bool
    var position = 0
    /// Arrays and objects inside one another.
    var depth = 0
    /// Deeper than any real value; reading (and later freeing) deeper ones would exhaust the stack.
    static let maximumDepth = Value.maximumNesting

    public static func parse(_ text: String, strict: Bool = false) throws(QueryError) -> Value {
        var r = JSONValueReader(bytes: Array(text.utf8), strict: strict)
        r.skipSpace()
        let v = try r.value()
        r.skipSpace()
        guard r.position == r.bytes.count else { throw r.error("unexpected text after the JSON value") }
        return v
    }

    func error(_ what: String) -> QueryError {
        QueryError(.argumentError, "InvalidJSON", "\(what) at offset \(position)")
    }

    mutating func skipSpace() {
        while position < bytes.count, [32, 9, 10, 13].contains(bytes[position]) { position += 1 }
    }

    mutating func value() throws(QueryError) -> Value {
        guard position < bytes.count else { throw error("unexpected end of JSON") }
        let opens = bytes[position] == UInt8(ascii: "{") || bytes[position] == UInt8(ascii: "[")
        if opens {
            guard depth < Self.maximumDepth else { throw error("arrays and objects nested more than \(Self.maximumDepth) deep") }
            depth += 1
        }
        defer { if opens { depth -= 1 } }
        switch bytes[position] {
        case UInt8(ascii: "{"):
            position += 1
            var m: [String: Value] = [:]
            skipSpace()
            if position < bytes.count, bytes[position] == UInt8(ascii: "}") {
                position += 1
                return .map(m)
            }
            while true {
                skipSpace()
                guard case .string(let k) = try value() else { throw error("object keys must be strings") }
                skipSpace()
                guard position < bytes.count, bytes[position] == UInt8(ascii: ":") else { throw error("expected ':'") }
                position += 1
                skipSpace()
                m[k] = try value()
                skipSpace()
                guard position < bytes.count else { throw error("unexpected end of JSON") }
                if bytes[position] == UInt8(ascii: ",") { position += 1; continue }
                if bytes[position] == UInt8(ascii: "}") { position += 1; return .map(m) }
                throw error("expected ',' or '}'")
            }
        case UInt8(ascii: "["):
            position += 1
            var l: [Value] = []
            skipSpace()
            if position < bytes.count, bytes[position] == UInt8(ascii: "]") {
                position += 1
                return .list(l)
            }
            while true {
                skipSpace()
                l.append(try value())
                skipSpace()
                guard position < bytes.count else { throw error("unexpected end of JSON") }
                if bytes[position] == UInt8(ascii: ",") { position += 1; continue }
                if bytes[position] == UInt8(ascii: "]") { position += 1; return .list(l) }
                throw error("expected ',' or ']'")
            }
        case UInt8(ascii: "\""):
            return .string(try string())
        default:
            return try scalar()
        }
    }

    mutating func string() throws(QueryError) -> String {
        position += 1
        var out: [UInt8] = []
        while position < bytes.count {
            let c = bytes[position]
            position += 1
            if c == UInt8(ascii: "\"") { return String(decoding: out, as: UTF8.self) }
            if c == UInt8(ascii: "\\"), position < bytes.count {
                let e = bytes[position]
                position += 1
                switch e {
                case UInt8(ascii: "n"): out.append(10)
                case UInt8(ascii: "t"): out.append(9)
                case UInt8(ascii: "r"): out.append(13)
                case UInt8(ascii: "b"): out.append(8)
                case UInt8(ascii: "f"): out.append(12)
                case UInt8(ascii: "u"):
                    guard position + 4 <= bytes.count,
                          let v = UInt32(String(decoding: bytes[position..<position + 4], as: UTF8.self), radix: 16) else {
                        throw error("bad \\u escape")
                    }
                    position += 4
                    out.append(contentsOf: Array(String(Character(Unicode.Scalar(v) ?? "\u{FFFD}")).utf8))
                default: out.append(e)
                }
                continue
            }
            out.append(c)
        }
        throw error("unterminated string")
    }

    mutating func scalar() throws(QueryError) -> Value {
        let start = position
        while position < bytes.count, !([44, 93, 125, 32, 9, 10, 13, 58].contains(bytes[position])) { position += 1 }
        let t = String(decoding: bytes[start..<position], as: UTF8.self)
        switch t {
        case "null": return .null
        case "true": return .bool(true)
        case "false": return .bool(false)
        case "NaN" where !strict: return .float(.nan)
        case "Infinity" where !strict: return .float(.infinity)
        case "-Infinity" where !strict: return .float(-.infinity)
        default: break
        }
        position = start
        guard Self.isJSONNumber(bytes[start..<start + t.utf8.count]) else { throw error("'\(t)' is not a JSON value") }
        position = start + t.utf8.count
        if !t.contains("."), !t.lowercased().contains("e") {
            guard let i = Int64(t) else {
                position = start
                throw error("\(t) is too large for a 64-bit integer")
            }
            return .int(i)
        }
        guard let d = Double(t), d.isFinite else {
            position = start
            throw error("\(t) is too large for a 64-bit float")
        }
        return .float(d)
    }

    /// JSON's number grammar: `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?` (no `01`, `+1`, `.5`).
    static func isJSONNumber(_ t: ArraySlice<UInt8>) -> Bool {
        var i = t.startIndex
        func digits() -> Int {
            let from = i
            while i < t.endIndex, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(t[i]) { i += 1 }
            return i - from
        }
        if i < t.endIndex, t[i] == UInt8(ascii: "-") { i += 1 }
        let first = i
        let integerDigits = digits()
        guard integerDigits > 0, integerDigits == 1 || t[first] != UInt8(ascii: "0") else { return false }
        if i < t.endIndex, t[i] == UInt8(ascii: ".") {
            i += 1
            guard digits() > 0 else { return false }
        }
        if i < t.endIndex, t[i] == UInt8(ascii: "e") || t[i] == UInt8(ascii: "E") {
            i += 1
            if i < t.endIndex, t[i] == UInt8(ascii: "+") || t[i] == UInt8(ascii: "-") { i += 1 }
            guard digits() > 0 else { return false }
        }
        return i == t.endIndex
    }
}
