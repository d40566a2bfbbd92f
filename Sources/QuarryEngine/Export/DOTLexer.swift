/// One token of a DOT file.
struct DOTToken {
    enum Kind { case id, open, close, openBracket, closeBracket, semicolon, comma, equals, colon, edgeOperator, end }

    let kind: Kind
    /// An id's text (quotes, escapes and HTML brackets removed).
    var text = ""
    /// Quoted or HTML: never a keyword.
    var quoted = false
    let offset: Int
}

/// Splits DOT text into tokens: ids (plain, numeral, quoted with `\"` and line continuations,
/// `"a" + "b"`, HTML `<...>`), punctuation and edge operators; comments (`//`, `/* */`, and
/// `#` lines from the C preprocessor) are skipped. Linear in the input.
struct DOTLexer {
    private let bytes: [UInt8]
    private let file: String
    private let cancellation: CancellationFlag?
    private var position = 0
    private var lines = LineCounter()

    init(bytes: [UInt8], file: String, cancellation: CancellationFlag?) {
        self.bytes = bytes
        self.file = file
        self.cancellation = cancellation
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { position = 3 }
    }

    mutating func error(_ what: String, at offset: Int) -> QueryError {
        let (line, column) = lines.place(of: offset, in: bytes)
        return .csv(what, file: file, line: line, column: column)
    }

    /// All the tokens, ending with `.end`; the lexer comes along for placing later errors.
    consuming func tokens() throws(QueryError) -> (DOTLexer, [DOTToken]) {
        var out: [DOTToken] = []
        while true {
            if out.count & 0xFFFF == 0, cancellation?.isCancelled == true { throw .cancelled() }
            let token = try next()
            out.append(token)
            if token.kind == .end { return (self, out) }
        }
    }

    private func byte(_ offset: Int) -> UInt8? { offset < bytes.count ? bytes[offset] : nil }

    private static func isIDByte(_ b: UInt8) -> Bool {
        switch b {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "_"),
             UInt8(ascii: "0")...UInt8(ascii: "9"), 0x80...: return true
        default: return false
        }
    }

    private static let punctuation: [UInt8: DOTToken.Kind] = [
        UInt8(ascii: "{"): .open, UInt8(ascii: "}"): .close, UInt8(ascii: "["): .openBracket, UInt8(ascii: "]"): .closeBracket,
        UInt8(ascii: ";"): .semicolon, UInt8(ascii: ","): .comma, UInt8(ascii: "="): .equals, UInt8(ascii: ":"): .colon,
    ]

    private static func isDigit(_ b: UInt8?) -> Bool { b.map { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) } ?? false }

    private mutating func skipSpaceAndComments() throws(QueryError) {
        var lineStart = position == 0 || byte(position - 1) == 0x0A
        while let b = byte(position) {
            if b == 0x0A {
                lineStart = true
                position += 1
            } else if b == 0x20 || b == 0x09 || b == 0x0D || b == 0x0C {
                position += 1
            } else if b == UInt8(ascii: "#") && lineStart || b == UInt8(ascii: "/") && byte(position + 1) == UInt8(ascii: "/") {
                while let c = byte(position), c != 0x0A { position += 1 }
            } else if b == UInt8(ascii: "/") && byte(position + 1) == UInt8(ascii: "*") {
                let start = position
                position += 2
                while position < bytes.count, !(bytes[position] == UInt8(ascii: "*") && byte(position + 1) == UInt8(ascii: "/")) { position += 1 }
                guard position < bytes.count else { throw error("the comment is never closed", at: start) }
                position += 2
            } else {
                return
            }
        }
    }

    private mutating func next() throws(QueryError) -> DOTToken {
        try skipSpaceAndComments()
        let start = position
        guard let b = byte(position) else { return DOTToken(kind: .end, offset: start) }
        if let kind = Self.punctuation[b] {
            position += 1
            return DOTToken(kind: kind, offset: start)
        }
        if b == UInt8(ascii: "-"), byte(position + 1) == UInt8(ascii: ">") || byte(position + 1) == UInt8(ascii: "-") {
            position += 2
            return DOTToken(kind: .edgeOperator, offset: start)
        }
        if b == UInt8(ascii: "\"") { return DOTToken(kind: .id, text: try quoted(), quoted: true, offset: start) }
        if b == UInt8(ascii: "<") { return DOTToken(kind: .id, text: try html(), quoted: true, offset: start) }
        if b == UInt8(ascii: "-") || b == UInt8(ascii: ".") || Self.isDigit(b) {
            position += b == UInt8(ascii: "-") ? 1 : 0
            let digitsStart = position
            while Self.isDigit(byte(position)) { position += 1 }
            if byte(position) == UInt8(ascii: ".") {
                position += 1
                while Self.isDigit(byte(position)) { position += 1 }
            }
            guard bytes[digitsStart..<position].contains(where: { Self.isDigit($0) }) else { throw error("expected a number", at: start) }
            return DOTToken(kind: .id, text: String(decoding: bytes[start..<position], as: UTF8.self), offset: start)
        }
        guard Self.isIDByte(b) else {
            throw error("unexpected '\(String(decoding: [b], as: UTF8.self))'", at: start)
        }
        while let c = byte(position), Self.isIDByte(c) { position += 1 }
        return DOTToken(kind: .id, text: String(decoding: bytes[start..<position], as: UTF8.self), offset: start)
    }

    /// A quoted id and any `+ "more"` joined to it. `\"` is a quote and a backslash before a line
    /// break continues the line; `\\` and `\n` (as `DOTExport` writes them) are a backslash and a
    /// line break; other escapes (`\l`, `\N`) are Graphviz's and kept as written.
    private mutating func quoted() throws(QueryError) -> String {
        var out: [UInt8] = []
        while true {
            let start = position
            position += 1
            while true {
                guard let c = byte(position) else { throw error("the quoted string is never closed", at: start) }
                position += 1
                if c == UInt8(ascii: "\"") { break }
                guard c == UInt8(ascii: "\\"), let e = byte(position) else {
                    out.append(c)
                    continue
                }
                position += 1
                switch e {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"): out.append(e)
                case UInt8(ascii: "n"): out.append(0x0A)
                case 0x0A: break
                case 0x0D: if byte(position) == 0x0A { position += 1 }
                default: out += [c, e]
                }
            }
            let afterString = position
            try skipSpaceAndComments()
            guard byte(position) == UInt8(ascii: "+") else {
                position = afterString
                return String(decoding: out, as: UTF8.self)
            }
            position += 1
            try skipSpaceAndComments()
            guard byte(position) == UInt8(ascii: "\"") else { throw error("expected a quoted string after '+'", at: position) }
        }
    }

    /// An HTML id `<...>` with balanced brackets inside; the text between the outer brackets.
    private mutating func html() throws(QueryError) -> String {
        let start = position
        var depth = 0
        while let c = byte(position) {
            position += 1
            if c == UInt8(ascii: "<") { depth += 1 }
            if c == UInt8(ascii: ">") {
                depth -= 1
                if depth == 0 { return String(decoding: bytes[(start + 1)..<(position - 1)], as: UTF8.self) }
            }
        }
        throw error("the HTML id is never closed (expected '>')", at: start)
    }
}
