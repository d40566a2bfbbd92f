/// A hand-written recursive-descent parser following `grammar/quarry.ebnf`.
package struct Parser {
    let tokens: [Token]
    let bytes: [UInt8]
    var position = 0
    var depth = 0
    /// List and parenthesised atoms already parsed, by the index of their `[` or `(`: the
    /// expression and the index after it, or the error. `[x IN ..., 0]` is first tried as a
    /// comprehension and then read again as a list, `(...)` first as a pattern: without this each
    /// level of nesting (or of failing, on malformed input) would double the work.
    var parsedAtoms: [Int: Result<(Expr, Int), QueryError>] = [:]
    /// How many atoms were parsed: tests check that it grows with the tokens, not faster.
    var atomsParsed = 0
    /// `WHERE`s written inside node and relationship patterns (`(a:Actor WHERE a.x > 1)`), until
    /// the construct holding the pattern takes them into its own predicate.
    var patternWheres: [Expr] = []

    /// Deep enough for any real query, shallow enough that no stack can overflow on the way.
    static let maxDepth = 400

    /// For each `(` token, the index of its `)` (or the end): lets the parser see whether a
    /// relationship follows without trying, and failing, to parse a pattern at every level.
    let closingParenthesis: [Int]

    init(_ text: String) throws(QueryError) {
        tokens = try Lexer.tokenize(text)
        bytes = Array(text.utf8)
        var closing = [Int](repeating: -1, count: tokens.count)
        var open: [Int] = []
        for (i, t) in tokens.enumerated() where t.kind == .symbol {
            if t.text == "(" { open.append(i) } else if t.text == ")", let o = open.popLast() { closing[o] = i }
        }
        for o in open { closing[o] = tokens.count - 1 }
        closingParenthesis = closing
    }

    /// Whether the `(` at `index` closes and is followed by `-` or `<-`: only then can a pattern start there.
    func relationshipFollows(parenthesisAt index: Int) -> Bool {
        guard index < tokens.count, tokens[index].isSymbol("(") else { return false }
        let after = closingParenthesis[index] + 1
        guard after < tokens.count else { return false }
        return tokens[after].isSymbol("-") || (tokens[after].isSymbol("<") && after + 1 < tokens.count && tokens[after + 1].isSymbol("-"))
    }

    /// Checks that the text is one expression and nothing more (parameter values).
    package static func checkExpression(_ text: String) throws(QueryError) {
        var parser = try Parser(text)
        _ = try parser.parseExpression()
        guard parser.current.kind == .end else { throw parser.unexpected(expected: "the end of the value") }
    }

    static func parse(_ text: String) throws(QueryError) -> Statement {
        var parser = try Parser(text)
        return try parser.parseStatement()
    }

    // MARK: Token helpers

    var current: Token { tokens[position] }

    func peek(_ k: Int = 1) -> Token { tokens[min(position + k, tokens.count - 1)] }

    mutating func advance() -> Token {
        let t = tokens[position]
        if position < tokens.count - 1 { position += 1 }
        return t
    }

    mutating func accept(keyword: String) -> Bool {
        if current.isKeyword(keyword) {
            position += 1
            return true
        }
        return false
    }

    mutating func accept(symbol: String) -> Bool {
        if current.isSymbol(symbol) {
            position += 1
            return true
        }
        return false
    }

    mutating func expect(keyword: String) throws(QueryError) {
        guard accept(keyword: keyword) else { throw unexpected(expected: keyword) }
    }

    @discardableResult
    mutating func expect(symbol: String) throws(QueryError) -> Token {
        guard current.isSymbol(symbol) else { throw unexpected(expected: "'\(symbol)'") }
        return advance()
    }

    func unexpected(expected: String) -> QueryError {
        .unexpectedToken(found: describe(current), expected: expected, at: current.range)
    }

    func describe(_ t: Token) -> String {
        switch t.kind {
        case .end: return "end of input"
        case .string: return "string literal"
        case .quotedIdentifier: return "`\(t.text)`"
        case .parameter: return "parameter $\(t.text)"
        default: return "'\(t.text)'"
        }
    }

    func text(_ r: SourceRange) -> String {
        String(decoding: bytes[r.start..<min(r.end, bytes.count)], as: UTF8.self)
    }

    var previousEnd: Int { position > 0 ? tokens[position - 1].range.end : 0 }

    mutating func enter() throws(QueryError) {
        depth += 1
        if depth > Parser.maxDepth { throw .tooDeep(at: current.range) }
    }

    mutating func leave() { depth -= 1 }

    /// A name: an identifier, a backquoted name, or (where the grammar can tell) a keyword.
    mutating func parseSchemaName(_ what: String) throws(QueryError) -> String {
        guard current.isName else { throw unexpected(expected: what) }
        return advance().text
    }

    /// The reserved words: exactly the first group of `grammar/keywords.txt` (a test checks).
    static let reserved: Set<String> = [
        "ALL", "AND", "AS", "ASC", "ASCENDING", "BY", "CALL", "CASE", "CONTAINS", "CREATE", "DELETE", "DESC",
        "DESCENDING", "DETACH", "DISTINCT", "DROP", "ELSE", "END", "ENDS", "EXISTS", "FALSE", "FOR", "FOREACH",
        "IN", "IS", "LIMIT", "MATCH", "MERGE", "NOT", "NULL", "ON", "OPTIONAL", "OR", "ORDER", "REMOVE", "RETURN",
        "SET", "SKIP", "STARTS", "THEN", "TRUE", "UNION", "UNWIND", "WHEN", "WHERE", "WITH", "XOR", "YIELD",
    ]

    /// A variable: an identifier that is not a reserved word, or any backquoted name.
    mutating func parseVariable() throws(QueryError) -> String {
        if current.kind == .quotedIdentifier { return advance().text }
        guard current.kind == .identifier, !Parser.reserved.contains(current.text.uppercased()) else {
            throw unexpected(expected: "a variable name")
        }
        return advance().text
    }

    var atVariable: Bool {
        current.kind == .quotedIdentifier
            || (current.kind == .identifier && !Parser.reserved.contains(current.text.uppercased()))
    }

    // MARK: Statements

    mutating func parseStatement() throws(QueryError) -> Statement {
        let statement: Statement
        if accept(keyword: "EXPLAIN") {
            statement = .query(try parseQuery(), .explain)
        } else if accept(keyword: "PROFILE") {
            statement = .query(try parseQuery(), .profile)
        } else if current.isKeyword("CREATE"), peek().isKeyword("INDEX") {
            statement = try parseCreateIndex()
        } else if current.isKeyword("DROP"), peek().isKeyword("INDEX") {
            statement = try parseDropIndex()
        } else if current.isKeyword("SHOW"), peek().isKeyword("INDEXES") || peek().isKeyword("INDEX") {
            position += 2
            statement = .showIndexes
        } else {
            statement = .query(try parseQuery(), .normal)
        }
        _ = accept(symbol: ";")
        guard current.kind == .end else { throw unexpected(expected: "end of statement") }
        return statement
    }

    mutating func parseIndexTarget() throws(QueryError) -> (label: String, key: String) {
        if accept(keyword: "ON") {
            try expect(symbol: ":")
            let label = try parseSchemaName("a label")
            try expect(symbol: "(")
            let key = try parseSchemaName("a property key")
            try expect(symbol: ")")
            return (label, key)
        }
        try expect(keyword: "FOR")
        try expect(symbol: "(")
        let v = try parseVariable()
        try expect(symbol: ":")
        let label = try parseSchemaName("a label")
        try expect(symbol: ")")
        try expect(keyword: "ON")
        try expect(symbol: "(")
        let v2 = current
        guard try parseVariable() == v else { throw .unexpectedToken(found: describe(v2), expected: v, at: v2.range) }
        try expect(symbol: ".")
        let key = try parseSchemaName("a property key")
        try expect(symbol: ")")
        return (label, key)
    }

    mutating func parseCreateIndex() throws(QueryError) -> Statement {
        let start = current.range.start
        position += 2
        var name: String?
        if !current.isKeyword("FOR"), !current.isKeyword("ON"), !current.isKeyword("IF") {
            name = try parseSchemaName("an index name")
        }
        if accept(keyword: "IF") {
            try expect(keyword: "NOT")
            try expect(keyword: "EXISTS")
        }
        let target = try parseIndexTarget()
        return .createIndex(name: name, label: target.label, key: target.key, range: SourceRange(start, previousEnd))
    }

    mutating func parseDropIndex() throws(QueryError) -> Statement {
        let start = current.range.start
        position += 2
        if current.isKeyword("ON") || current.isKeyword("FOR") {
            let target = try parseIndexTarget()
            return .dropIndex(name: nil, label: target.label, key: target.key, ifExists: false, range: SourceRange(start, previousEnd))
        }
        let name = try parseSchemaName("an index name")
        var ifExists = false
        if accept(keyword: "IF") {
            try expect(keyword: "EXISTS")
            ifExists = true
        }
        return .dropIndex(name: name, label: nil, key: nil, ifExists: ifExists, range: SourceRange(start, previousEnd))
    }

    mutating func parseQuery() throws(QueryError) -> Query {
        var parts = [try parseSingleQuery()]
        var all: [Bool] = []
        var ranges: [SourceRange] = []
        while current.isKeyword("UNION") {
            let r = advance().range
            let isAll = accept(keyword: "ALL")
            ranges.append(SourceRange(r.start, previousEnd))
            all.append(isAll)
            parts.append(try parseSingleQuery())
        }
        return Query(parts: parts, unionAll: all, unionRanges: ranges)
    }

    mutating func parseSingleQuery() throws(QueryError) -> SingleQuery {
        let start = current.range.start
        var clauses: [Clause] = []
        while current.kind != .end, !current.isKeyword("UNION"), !current.isSymbol(";"), !current.isSymbol("}") {
            clauses.append(try parseClause())
        }
        if clauses.isEmpty { throw unexpected(expected: "a clause (MATCH, CREATE, RETURN, ...)") }
        return SingleQuery(clauses: clauses, range: SourceRange(start, previousEnd))
    }
}
