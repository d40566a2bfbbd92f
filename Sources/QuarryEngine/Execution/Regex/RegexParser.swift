/// Inline flags, as set by `(?ismx)`.
struct RegexFlags: Sendable, Equatable {
    var caseInsensitive = false
    var dotAll = false
    var multiline = false
    var comments = false
}

/// Recursive-descent parser for (the commonly used part of) Java regular-expression syntax.
/// Offsets in errors count Unicode scalars of the pattern.
struct RegexParser {
    static let maxNesting = 50  // keeps recursion shallow even on small (512 KiB) thread stacks in debug builds
    static let maxRepeatCount = 100_000

    private static let controlEscapes: [Unicode.Scalar: Unicode.Scalar] = [
        "n": "\n", "t": "\t", "r": "\r", "f": "\u{0C}", "a": "\u{07}", "e": "\u{1B}",
    ]

    private let scalars: [Unicode.Scalar]
    private var pos = 0
    private var flags = RegexFlags()
    private var depth = 0

    private init(_ pattern: String) { scalars = Array(pattern.unicodeScalars) }

    static func parse(_ pattern: String) throws(RegexSyntaxError) -> RegexNode {
        var parser = RegexParser(pattern)
        let node = try parser.parseAlternation()
        if parser.pos < parser.scalars.count { throw parser.error("unmatched ')'", at: parser.pos) }
        return node
    }

    private var peek: Unicode.Scalar? { pos < scalars.count ? scalars[pos] : nil }
    private func peek(_ ahead: Int) -> Unicode.Scalar? { pos + ahead < scalars.count ? scalars[pos + ahead] : nil }

    private func error(_ message: String, at offset: Int) -> RegexSyntaxError { RegexSyntaxError(message: message, offset: offset) }
    private func unsupported(_ what: String, at offset: Int) -> RegexSyntaxError {
        error("\(what) not supported (it needs a backtracking matcher)", at: offset)
    }

    /// In comments mode (`(?x)`) whitespace and `#` comments are ignored.
    private mutating func skipTrivia() {
        guard flags.comments else { return }
        while let c = peek, c == "#" || c == " " || ("\t"..."\r").contains(c) {
            if c == "#" { while let d = peek, d != "\n" { pos += 1 } } else { pos += 1 }
        }
    }

    private mutating func parseAlternation() throws(RegexSyntaxError) -> RegexNode {
        var branches = [try parseSequence()]
        while peek == "|" { pos += 1; branches.append(try parseSequence()) }
        return branches.count == 1 ? branches[0] : .alternate(branches)
    }

    private mutating func parseSequence() throws(RegexSyntaxError) -> RegexNode {
        var items: [RegexNode] = []
        while true {
            skipTrivia()
            guard let c = peek, c != "|", c != ")" else { break }
            guard let atom = try parseAtom() else { continue }
            items.append(try parseQuantifier(atom))
        }
        return items.count == 1 ? items[0] : (items.isEmpty ? .empty : .concat(items))
    }

    private mutating func parseQuantifier(_ atom: RegexNode) throws(RegexSyntaxError) -> RegexNode {
        skipTrivia()
        let start = pos
        var min = 0, max: Int? = nil
        switch peek {
        case "*": pos += 1
        case "+": pos += 1; min = 1
        case "?": pos += 1; max = 1
        case "{": (min, max) = try parseBraces()
        default: return atom
        }
        // Lazy (`?`) and possessive (`+`) variants accept the same whole strings as greedy ones.
        if peek == "?" || peek == "+" { pos += 1 }
        return .repeat(atom, min: min, max: max, offset: start)
    }

    /// `{n}`, `{n,}` or `{n,m}`; `pos` is at the `{`.
    private mutating func parseBraces() throws(RegexSyntaxError) -> (Int, Int?) {
        let start = pos
        pos += 1
        guard let min = try parseCount(start) else { throw error("illegal repetition", at: start) }
        var max: Int? = min
        if peek == "," { pos += 1; max = try parseCount(start) }
        guard peek == "}" else { throw error("unclosed repetition", at: start) }
        pos += 1
        if let max, max < min { throw error("illegal repetition range {\(min),\(max)}", at: start) }
        return (min, max)
    }

    private mutating func parseCount(_ start: Int) throws(RegexSyntaxError) -> Int? {
        var value: Int? = nil
        while let c = peek, ("0"..."9").contains(c) {
            value = (value ?? 0) * 10 + Int(c.value - 48)
            if value! > Self.maxRepeatCount { throw error("repetition count too large", at: start) }
            pos += 1
        }
        return value
    }

    /// Parses one atom; returns nil for constructs that match nothing themselves, like `(?i)`.
    private mutating func parseAtom() throws(RegexSyntaxError) -> RegexNode? {
        let start = pos
        let c = scalars[pos]
        pos += 1
        switch c {
        case "(": return try parseGroup(start)
        case "[": return .set(try parseClass(start), foldCase: flags.caseInsensitive)
        case ".": return .any(dotAll: flags.dotAll)
        case "^": return .assertion(flags.multiline ? .lineStart : .textStart)
        case "$": return .assertion(flags.multiline ? .lineEnd : .textEndOrFinalTerminator)
        case "\\": return try parseEscape(start)
        case "*", "+", "?": throw error("dangling meta character '\(c)'", at: start)
        case "{": throw error("illegal repetition", at: start)
        default: return .scalar(c, foldCase: flags.caseInsensitive)
        }
    }

    /// `pos` is just after the `(`.
    private mutating func parseGroup(_ start: Int) throws(RegexSyntaxError) -> RegexNode? {
        depth += 1
        defer { depth -= 1 }
        if depth > Self.maxNesting { throw error("groups nested too deeply", at: start) }
        let outer = flags
        if peek == "?" {
            guard let inner = try parseGroupOptions(start) else { return nil }
            flags = inner
        }
        let body = try parseAlternation()
        flags = outer
        guard peek == ")" else { throw error("unclosed group", at: start) }
        pos += 1
        return body
    }

    /// Parses what follows `(?` and returns the flags for the group's body, or nil for a bare
    /// `(?i)`, which instead changes the flags for the rest of the enclosing group.
    private mutating func parseGroupOptions(_ start: Int) throws(RegexSyntaxError) -> RegexFlags? {
        pos += 1
        switch peek {
        case ":", ">": pos += 1; return flags  // atomic groups are plain groups, like possessive quantifiers
        case "=", "!": throw unsupported("lookahead", at: start)
        case "<" where peek(1) == "=" || peek(1) == "!": throw unsupported("lookbehind", at: start)
        case "<":  // named group
            pos += 1
            let nameStart = pos
            while let c = peek, c.isASCII, c.properties.isAlphabetic || ("0"..."9").contains(c) { pos += 1 }
            guard pos > nameStart, peek == ">" else { throw error("invalid group name", at: start) }
            pos += 1
            return flags
        default:
            var inner = flags, enable = true
            while let c = peek, c != ")", c != ":" {
                switch c {
                case "-" where enable: enable = false
                case "i": inner.caseInsensitive = enable
                case "s": inner.dotAll = enable
                case "m": inner.multiline = enable
                case "x": inner.comments = enable
                case "u": break  // case folding is always Unicode-aware
                default: throw error("unsupported inline flag '\(c)'", at: pos)
                }
                pos += 1
            }
            guard let end = peek else { throw error("unclosed group", at: start) }
            pos += 1
            if end == ":" { return inner }
            flags = inner
            return nil
        }
    }

    /// `pos` is just after the backslash.
    private mutating func parseEscape(_ start: Int) throws(RegexSyntaxError) -> RegexNode {
        guard let e = peek else { throw error("pattern ends with a backslash", at: start) }
        pos += 1
        switch e {
        case "d", "D", "w", "W", "s", "S", "h", "H", "v", "V":
            return .set(RegexCharSet.named(e)!, foldCase: false)
        case "p", "P": return .set(try parseProperty(negated: e == "P", start), foldCase: flags.caseInsensitive)
        case "b": return .assertion(.wordBoundary)
        case "B": return .assertion(.notWordBoundary)
        case "A", "G": return .assertion(.textStart)
        case "z": return .assertion(.textEnd)
        case "Z": return .assertion(.textEndOrFinalTerminator)
        case "R": return .alternate([.concat([.scalar("\r", foldCase: false), .scalar("\n", foldCase: false)]),
                                     .set(RegexCharSet.named("v")!, foldCase: false)])
        case "Q":  // quoted literal text up to `\E`
            let from = pos
            while pos < scalars.count, !(scalars[pos] == "\\" && peek(1) == "E") { pos += 1 }
            defer { pos = min(pos + 2, scalars.count) }
            return .concat(scalars[from..<pos].map { .scalar($0, foldCase: flags.caseInsensitive) })
        case "1"..."9", "k": throw unsupported("back-references", at: start)
        case "X": throw error("grapheme-cluster matching (\\X) not supported", at: start)
        default: return .scalar(try escapedScalar(e, start), foldCase: flags.caseInsensitive)
        }
    }

    /// The scalar denoted by a single-character escape (`pos` is after `e`), shared with classes.
    private mutating func escapedScalar(_ e: Unicode.Scalar, _ start: Int) throws(RegexSyntaxError) -> Unicode.Scalar {
        if let control = Self.controlEscapes[e] { return control }
        switch e {
        case "c":
            guard let c = peek else { throw error("illegal control escape", at: start) }
            pos += 1
            return Unicode.Scalar(c.value ^ 64) ?? c
        case "0":
            var value: UInt32 = 0, digits = 0
            while digits < 3, let c = peek, ("0"..."7").contains(c), value * 8 + c.value - 48 <= 0o377 {
                (value, digits, pos) = (value * 8 + c.value - 48, digits + 1, pos + 1)
            }
            guard digits > 0 else { throw error("illegal octal escape", at: start) }
            return Unicode.Scalar(value)!
        case "x":
            if peek == "{" {
                pos += 1
                let value = try hex(count: nil, start)
                guard peek == "}" else { throw error("unclosed hexadecimal escape", at: start) }
                pos += 1
                return try scalar(value, start)
            }
            return try scalar(try hex(count: 2, start), start)
        case "u":
            var value = try hex(count: 4, start)
            if (0xD800...0xDBFF).contains(value), peek == "\\", peek(1) == "u" {  // surrogate pair
                let resume = pos
                pos += 2
                let low = try hex(count: 4, start)
                if (0xDC00...0xDFFF).contains(low) { value = 0x10000 + ((value - 0xD800) << 10) + (low - 0xDC00) } else { pos = resume }
            }
            return try scalar(value, start)
        default:
            if e.isASCII && (e.properties.isAlphabetic || ("0"..."9").contains(e)) {
                throw error("illegal escape sequence '\\\(e)'", at: start)
            }
            return e
        }
    }

    private mutating func hex(count: Int?, _ start: Int) throws(RegexSyntaxError) -> UInt32 {
        var value: UInt32 = 0, digits = 0
        while digits < (count ?? 8), let c = peek, let d = Int(String(c), radix: 16) {
            (value, digits, pos) = (value * 16 + UInt32(d), digits + 1, pos + 1)
        }
        guard digits > 0, count == nil || digits == count else { throw error("illegal hexadecimal escape", at: start) }
        return value
    }

    private func scalar(_ value: UInt32, _ start: Int) throws(RegexSyntaxError) -> Unicode.Scalar {
        guard let s = Unicode.Scalar(value) else { throw error("escape is not a valid Unicode scalar", at: start) }
        return s
    }

    /// `\p{Name}`, `\pL`; `pos` is after the `p`/`P`.
    private mutating func parseProperty(negated: Bool, _ start: Int) throws(RegexSyntaxError) -> RegexCharSet {
        var name = ""
        if peek == "{" {
            guard let close = scalars[pos...].firstIndex(of: "}") else { throw error("unclosed character property", at: start) }
            name = String(String.UnicodeScalarView(scalars[(pos + 1)..<close]))
            pos = close + 1
        } else if let c = peek {
            name = String(c)
            pos += 1
        }
        guard var set = RegexCharSet.property(named: name) else { throw error("unknown character property '\(name)'", at: start) }
        set.negated = set.negated != negated
        return set
    }

    /// A bracketed class; `pos` is just after the `[`. Supports negation, ranges, escapes,
    /// nested classes (union) and `&&` (intersection).
    private mutating func parseClass(_ start: Int) throws(RegexSyntaxError) -> RegexCharSet {
        depth += 1
        defer { depth -= 1 }
        if depth > Self.maxNesting { throw error("character classes nested too deeply", at: start) }
        var set = RegexCharSet(negated: false, conjuncts: [[]])
        if peek == "^" { pos += 1; set.negated = true }
        var first = true
        while true {
            skipTrivia()
            guard let c = peek else { throw error("unclosed character class", at: start) }
            defer { first = false }
            if c == "]" && !first { pos += 1; break }
            if c == "[" {
                pos += 1
                set.conjuncts[set.conjuncts.count - 1].append(.set(try parseClass(pos - 1)))
            } else if c == "&" && peek(1) == "&" {
                pos += 2
                set.conjuncts.append([])
            } else {
                set.conjuncts[set.conjuncts.count - 1].append(try parseClassRange())
            }
        }
        set.conjuncts.removeAll { $0.isEmpty }
        return set
    }

    private mutating func parseClassRange() throws(RegexSyntaxError) -> RegexClassItem {
        let start = pos
        let item = try parseClassAtom()
        guard case .range(let lower, _) = item, peek == "-", let after = peek(1), after != "]", after != "[" else { return item }
        pos += 1
        guard case .range(let upper, _) = try parseClassAtom() else { throw error("illegal character range", at: start) }
        guard lower <= upper else { throw error("illegal character range \(lower)-\(upper)", at: start) }
        return .range(lower, upper)
    }

    /// A single scalar (as a one-scalar range) or a shorthand/property class.
    private mutating func parseClassAtom() throws(RegexSyntaxError) -> RegexClassItem {
        let start = pos
        let c = scalars[pos]
        pos += 1
        guard c == "\\" else { return .range(c, c) }
        guard let e = peek else { throw error("unclosed character class", at: start) }
        pos += 1
        if let named = RegexCharSet.named(e) { return .set(named) }
        if e == "p" || e == "P" { return .set(try parseProperty(negated: e == "P", start)) }
        let scalar = try escapedScalar(e, start)
        return .range(scalar, scalar)
    }
}
