/// Turns query text into tokens. Works on UTF-8 bytes; identifiers may hold any non-ASCII letter.
struct Lexer {
    let bytes: [UInt8]
    var pos = 0
    var tokens: [Token] = []

    init(_ text: String) { bytes = Array(text.utf8) }

    static func tokenize(_ text: String) throws(QueryError) -> [Token] {
        var lexer = Lexer(text)
        return try lexer.run()
    }

    mutating func run() throws(QueryError) -> [Token] {
        while true {
            try skipTrivia()
            guard pos < bytes.count else { break }
            tokens.append(try nextToken())
        }
        tokens.append(Token(kind: .end, text: "", range: SourceRange(bytes.count, bytes.count)))
        return tokens
    }

    mutating func skipTrivia() throws(QueryError) {
        while pos < bytes.count {
            let c = bytes[pos]
            if c == 32 || c == 9 || c == 10 || c == 13 || c == 12 || c == 11 {
                pos += 1
            } else if c == 47, peek(1) == 47 {
                while pos < bytes.count, bytes[pos] != 10 { pos += 1 }
            } else if c == 47, peek(1) == 42 {
                let start = pos
                pos += 2
                while pos < bytes.count, !(bytes[pos] == 42 && peek(1) == 47) { pos += 1 }
                guard pos < bytes.count else { throw .unterminatedComment(SourceRange(start, start + 2)) }
                pos += 2
            } else if c == 0xC2, peek(1) == 0xA0 {
                pos += 2
            } else {
                return
            }
        }
    }

    func peek(_ k: Int) -> UInt8 { pos + k < bytes.count ? bytes[pos + k] : 0 }

    static func isIdentStart(_ c: UInt8) -> Bool {
        (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c == 95 || c >= 0x80
    }

    static func isIdentPart(_ c: UInt8) -> Bool { isIdentStart(c) || (c >= 48 && c <= 57) }

    static func isDigit(_ c: UInt8) -> Bool { c >= 48 && c <= 57 }

    func text(_ a: Int, _ b: Int) -> String { String(decoding: bytes[a..<b], as: UTF8.self) }

    /// A `.` starts a number only where an operand may stand (`.5`), not after a name (`n.x`).
    var previousEndsOperand: Bool {
        guard let last = tokens.last else { return false }
        switch last.kind {
        case .identifier: return !Parser.reserved.contains(last.text.uppercased())
        case .quotedIdentifier, .integer, .float, .string, .parameter: return true
        case .symbol: return last.text == ")" || last.text == "]" || last.text == "}"
        case .end: return false
        }
    }

    mutating func nextToken() throws(QueryError) -> Token {
        let start = pos
        let c = bytes[pos]
        if Lexer.isIdentStart(c) {
            while pos < bytes.count, Lexer.isIdentPart(bytes[pos]) { pos += 1 }
            return Token(kind: .identifier, text: text(start, pos), range: SourceRange(start, pos))
        }
        if Lexer.isDigit(c) || (c == 46 && Lexer.isDigit(peek(1)) && !previousEndsOperand) {
            return try number()
        }
        switch c {
        case 96: return try quotedIdentifier()
        case 39, 34: return try string(quote: c)
        case 36:
            pos += 1
            let nameStart = pos
            if pos < bytes.count, bytes[pos] == 96 {
                let q = try quotedIdentifier()
                return Token(kind: .parameter, text: q.text, range: SourceRange(start, pos))
            }
            while pos < bytes.count, Lexer.isIdentPart(bytes[pos]) { pos += 1 }
            guard pos > nameStart else { throw .unexpectedCharacter("$", SourceRange(start, start + 1)) }
            return Token(kind: .parameter, text: text(nameStart, pos), range: SourceRange(start, pos))
        default: break
        }
        let two = pos + 1 < bytes.count ? text(pos, pos + 2) : ""
        if ["..", "<>", "!=", "<=", ">=", "=~", "+="].contains(two) {
            pos += 2
            return Token(kind: .symbol, text: two == "!=" ? "<>" : two, range: SourceRange(start, pos))
        }
        if "()[]{},.:;|+-*/%^=<>".utf8.contains(c) {
            pos += 1
            return Token(kind: .symbol, text: text(start, pos), range: SourceRange(start, pos))
        }
        // Unicode dashes and arrows that editors put in by themselves.
        let scalarEnd = Lexer.scalarEnd(bytes, pos)
        let scalar = text(pos, scalarEnd)
        if ["\u{2010}", "\u{2011}", "\u{2012}", "\u{2013}", "\u{2014}", "\u{2015}", "\u{2212}", "\u{FE58}", "\u{FE63}", "\u{FF0D}"].contains(scalar) {
            pos = scalarEnd
            return Token(kind: .symbol, text: "-", range: SourceRange(start, pos))
        }
        if ["\u{27E8}", "\u{3008}", "\u{FE64}", "\u{FF1C}"].contains(scalar) {
            pos = scalarEnd
            return Token(kind: .symbol, text: "<", range: SourceRange(start, pos))
        }
        if ["\u{27E9}", "\u{3009}", "\u{FE65}", "\u{FF1E}"].contains(scalar) {
            pos = scalarEnd
            return Token(kind: .symbol, text: ">", range: SourceRange(start, pos))
        }
        throw .unexpectedCharacter(scalar, SourceRange(start, scalarEnd))
    }

    static func scalarEnd(_ bytes: [UInt8], _ p: Int) -> Int {
        var e = p + 1
        while e < bytes.count, bytes[e] & 0xC0 == 0x80 { e += 1 }
        return e
    }

    mutating func number() throws(QueryError) -> Token {
        let start = pos
        if bytes[pos] == 48, peek(1) == 120 || peek(1) == 111 {
            pos += 2
            while pos < bytes.count, Lexer.isIdentPart(bytes[pos]) { pos += 1 }
            return Token(kind: .integer, text: text(start, pos), range: SourceRange(start, pos))
        }
        var isFloat = false
        while pos < bytes.count, Lexer.isDigit(bytes[pos]) { pos += 1 }
        if pos < bytes.count, bytes[pos] == 46, Lexer.isDigit(peek(1)) {
            isFloat = true
            pos += 1
            while pos < bytes.count, Lexer.isDigit(bytes[pos]) { pos += 1 }
        }
        if pos < bytes.count, bytes[pos] == 101 || bytes[pos] == 69 {
            var k = 1
            if peek(1) == 43 || peek(1) == 45 { k = 2 }
            if Lexer.isDigit(peek(k)) {
                isFloat = true
                pos += k
                while pos < bytes.count, Lexer.isDigit(bytes[pos]) { pos += 1 }
            }
        }
        if pos < bytes.count, Lexer.isIdentStart(bytes[pos]) {
            while pos < bytes.count, Lexer.isIdentPart(bytes[pos]) { pos += 1 }
            throw .invalidNumber(text(start, pos), SourceRange(start, pos))
        }
        return Token(kind: isFloat ? .float : .integer, text: text(start, pos), range: SourceRange(start, pos))
    }

    mutating func quotedIdentifier() throws(QueryError) -> Token {
        let start = pos
        pos += 1
        var out: [UInt8] = []
        while true {
            guard pos < bytes.count else { throw .unterminated("backquoted name", SourceRange(start, start + 1)) }
            if bytes[pos] == 96 {
                if peek(1) == 96 {
                    out.append(96)
                    pos += 2
                    continue
                }
                pos += 1
                break
            }
            out.append(bytes[pos])
            pos += 1
        }
        return Token(kind: .quotedIdentifier, text: String(decoding: out, as: UTF8.self), range: SourceRange(start, pos))
    }

    mutating func string(quote: UInt8) throws(QueryError) -> Token {
        let start = pos
        pos += 1
        var out: [UInt8] = []
        while true {
            guard pos < bytes.count else { throw .unterminated("string", SourceRange(start, start + 1)) }
            let c = bytes[pos]
            if c == quote {
                pos += 1
                break
            }
            if c == 92 {
                let escStart = pos
                pos += 1
                guard pos < bytes.count else { throw .unterminated("string", SourceRange(start, start + 1)) }
                let e = bytes[pos]
                pos += 1
                switch e {
                case 92, 39, 34: out.append(e)
                case 110: out.append(10)
                case 116: out.append(9)
                case 114: out.append(13)
                case 98: out.append(8)
                case 102: out.append(12)
                case 117, 85:
                    let n = e == 117 ? 4 : 8
                    guard pos + n <= bytes.count, let v = UInt32(text(pos, pos + n), radix: 16),
                          let scalar = Unicode.Scalar(v) else {
                        throw .invalidUnicodeEscape(SourceRange(escStart, min(bytes.count, pos + n)))
                    }
                    pos += n
                    out.append(contentsOf: Array(String(Character(scalar)).utf8))
                default:
                    out.append(92)
                    out.append(e)
                }
                continue
            }
            out.append(c)
            pos += 1
        }
        return Token(kind: .string, text: String(decoding: out, as: UTF8.self), range: SourceRange(start, pos))
    }
}
