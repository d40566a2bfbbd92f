extension Parser {
    mutating func parseAtom() throws(QueryError) -> Expr {
        try enter()
        defer { leave() }
        atomsParsed += 1
        let t = current
        switch t.kind {
        case .integer:
            position += 1
            return Expr(.literal(.int(try integerValue(t))), t.range)
        case .float:
            position += 1
            guard let d = Double(t.text), d.isFinite else { throw .floatOverflow(t.text, at: t.range) }
            return Expr(.literal(.float(d)), t.range)
        case .string:
            position += 1
            return Expr(.literal(.string(t.text)), t.range)
        case .parameter:
            position += 1
            return Expr(.parameter(t.text), t.range)
        case .symbol:
            if t.text == "[" { return try parseListAtom() }
            if t.text == "{" { return try parseMapLiteral() }
            if t.text == "(" { return try parseParenthesized() }
            throw unexpected(expected: "an expression")
        case .end:
            throw unexpected(expected: "an expression")
        case .identifier, .quotedIdentifier:
            return try parseNamedAtom()
        }
    }

    func integerValue(_ t: Token) throws(QueryError) -> Int64 {
        let s = t.text.lowercased()
        let value: Int64?
        if s.hasPrefix("0x") {
            value = Int64(s.dropFirst(2), radix: 16)
            if value == nil, !s.dropFirst(2).allSatisfy(\.isHexDigit) || s.count == 2 { throw .invalidNumber(t.text, t.range) }
        } else if s.hasPrefix("0o") {
            value = Int64(s.dropFirst(2), radix: 8)
            if value == nil, !s.dropFirst(2).allSatisfy({ ("0"..."7").contains($0) }) || s.count == 2 { throw .invalidNumber(t.text, t.range) }
        } else {
            value = Int64(s)
        }
        guard let value else { throw .integerOverflow(t.text, at: t.range) }
        return value
    }

    /// The digits of 2^63, whose negation is the smallest integer (`-0x8000000000000000`).
    static func isMinimumMagnitude(_ text: String) -> Bool {
        let s = text.lowercased()
        let value = s.hasPrefix("0x") ? UInt64(s.dropFirst(2), radix: 16) : s.hasPrefix("0o") ? UInt64(s.dropFirst(2), radix: 8) : UInt64(s)
        return value == 1 << 63
    }

    mutating func parseNamedAtom() throws(QueryError) -> Expr {
        let t = current
        if t.kind == .identifier {
            let upper = t.text.uppercased()
            switch upper {
            case "TRUE": position += 1; return Expr(.literal(.bool(true)), t.range)
            case "FALSE": position += 1; return Expr(.literal(.bool(false)), t.range)
            case "NULL": position += 1; return Expr(.literal(.null), t.range)
            case "CASE": return try parseCase()
            case "COUNT" where peek().isSymbol("(") && peek(2).isSymbol("*") && peek(3).isSymbol(")"):
                position += 4
                return Expr(.countStar, SourceRange(t.range.start, previousEnd))
            case "ALL" where isQuantifierStart, "ANY" where isQuantifierStart, "NONE" where isQuantifierStart,
                 "SINGLE" where isQuantifierStart:
                return try parseQuantifier()
            case "REDUCE" where peek().isSymbol("("):
                return try parseReduce()
            case "EXISTS" where peek().isSymbol("{"), "COUNT" where peek().isSymbol("{"), "COLLECT" where peek().isSymbol("{"):
                return try parseSubquery(SubqueryKind(rawValue: upper) ?? .exists)
            default: break
            }
        }
        // Function call, possibly namespaced: name(...) or ns.name(...).
        var k = 1
        while peek(k).isSymbol("."), peek(k + 1).isName { k += 2 }
        if peek(k).isSymbol("("), t.kind == .identifier {
            var name = ""
            for i in stride(from: 0, to: k, by: 2) {
                name += (i == 0 ? "" : ".") + peek(i).text
            }
            position += k + 1
            let distinct = accept(keyword: "DISTINCT")
            var args: [Expr] = []
            if !current.isSymbol(")") { args = try parseExpressionList() }
            try expect(symbol: ")")
            return Expr(.function(name: name, distinct: distinct, args: args), SourceRange(t.range.start, previousEnd))
        }
        let name = try parseVariable()
        return Expr(.variable(name), t.range)
    }

    var isQuantifierStart: Bool { peek().isSymbol("(") && peek(2).isName && peek(3).isKeyword("IN") }

    mutating func parseCase() throws(QueryError) -> Expr {
        let start = advance().range.start
        var subject: Expr?
        if !current.isKeyword("WHEN") { subject = try parseExpression() }
        var whens: [(Expr, Expr)] = []
        while accept(keyword: "WHEN") {
            let w = try parseExpression()
            try expect(keyword: "THEN")
            whens.append((w, try parseExpression()))
        }
        if whens.isEmpty { throw unexpected(expected: "WHEN") }
        var otherwise: Expr?
        if accept(keyword: "ELSE") { otherwise = try parseExpression() }
        try expect(keyword: "END")
        return Expr(.caseExpr(subject: subject, whens: whens, otherwise: otherwise), SourceRange(start, previousEnd))
    }

    mutating func parseQuantifier() throws(QueryError) -> Expr {
        let t = advance()
        position += 1
        let v = try parseVariable()
        try expect(keyword: "IN")
        let list = try parseExpression()
        var predicate: Expr?
        if accept(keyword: "WHERE") { predicate = try parseExpression() }
        try expect(symbol: ")")
        let q = Quantifier(rawValue: t.text.lowercased())!
        return Expr(.quantifier(q, variable: v, list: list, predicate: predicate), SourceRange(t.range.start, previousEnd))
    }

    mutating func parseReduce() throws(QueryError) -> Expr {
        let start = advance().range.start
        position += 1
        let acc = try parseVariable()
        try expect(symbol: "=")
        let initial = try parseExpression()
        try expect(symbol: ",")
        let v = try parseVariable()
        try expect(keyword: "IN")
        let list = try parseExpression()
        try expect(symbol: "|")
        let e = try parseExpression()
        try expect(symbol: ")")
        return Expr(.reduce(accumulator: acc, initial: initial, variable: v, list: list, expression: e), SourceRange(start, previousEnd))
    }

    mutating func parseMapLiteral() throws(QueryError) -> Expr {
        let start = try expect(symbol: "{").range.start
        var entries: [(String, Expr)] = []
        if !current.isSymbol("}") {
            repeat {
                let key = try parseSchemaName("a property key")
                try expect(symbol: ":")
                entries.append((key, try parseExpression()))
            } while accept(symbol: ",")
        }
        try expect(symbol: "}")
        return Expr(.map(entries), SourceRange(start, previousEnd))
    }

    /// `(expr)` or a pattern used as a predicate: `(a)-[:T]->(b)`.
    mutating func parseParenthesized() throws(QueryError) -> Expr {
        try memoized { (parser: inout Parser) throws(QueryError) in try parser.parseParenthesizedOnce() }
    }

    /// Parses the atom at the current token once; later calls there replay the outcome.
    private mutating func memoized(_ parse: (inout Parser) throws(QueryError) -> Expr) throws(QueryError) -> Expr {
        let first = position
        if let outcome = parsedAtoms[first] {
            let (parsed, end) = try outcome.get()
            position = end
            return parsed
        }
        do {
            let parsed = try parse(&self)
            parsedAtoms[first] = .success((parsed, position))
            return parsed
        } catch {
            parsedAtoms[first] = .failure(error)
            throw error
        }
    }

    private mutating func parseParenthesizedOnce() throws(QueryError) -> Expr {
        let saved = position
        let savedDepth = depth
        let mark = patternWheres.count
        if relationshipFollows(parenthesisAt: position), let pattern = try? parsePatternPart(), !pattern.steps.isEmpty {
            guard let predicate = takePatternWheres(since: mark, and: nil) else { return Expr(.patternPredicate(pattern), pattern.range) }
            // A pattern with WHERE inside is an existence test: EXISTS { MATCH pattern WHERE ... }.
            let match = Clause(kind: .match(optional: false, patterns: [pattern], predicate: predicate), range: pattern.range)
            let query = Query(parts: [SingleQuery(clauses: [match], range: pattern.range)], unionAll: [], unionRanges: [])
            let names = Set(tokens[saved..<position].filter(\.isName).map(\.text)).sorted()
            let text = String(decoding: bytes[min(pattern.range.start, bytes.count)..<min(pattern.range.end, bytes.count)], as: UTF8.self)
            return Expr(.subquery(.exists, query, text: text, names: names), pattern.range)
        }
        patternWheres.removeLast(patternWheres.count - mark)
        position = saved
        depth = savedDepth
        let start = advance().range.start
        let inner = try parseExpression()
        try expect(symbol: ")")
        var e = inner
        e.range = SourceRange(start, previousEnd)
        return e
    }

    /// A list literal, a list comprehension or a pattern comprehension.
    mutating func parseListAtom() throws(QueryError) -> Expr {
        try memoized { (parser: inout Parser) throws(QueryError) in try parser.parseListAtomOnce() }
    }

    private mutating func parseListAtomOnce() throws(QueryError) -> Expr {
        let start = advance().range.start
        if atVariable, peek().isKeyword("IN") {
            let saved = position
            let v = try parseVariable()
            position += 1
            let list = try parseExpression()
            if current.isKeyword("WHERE") || current.isSymbol("|") || current.isSymbol("]") {
                var predicate: Expr?
                var projection: Expr?
                if accept(keyword: "WHERE") { predicate = try parseExpression() }
                if accept(symbol: "|") { projection = try parseExpression() }
                try expect(symbol: "]")
                return Expr(.listComprehension(variable: v, list: list, predicate: predicate, projection: projection),
                            SourceRange(start, previousEnd))
            }
            position = saved
        }
        if (atVariable && peek().isSymbol("=") && relationshipFollows(parenthesisAt: position + 2))
            || relationshipFollows(parenthesisAt: position) {
            let saved = position
            let savedDepth = depth
            let mark = patternWheres.count
            if let pattern = try? parsePatternPart(), !pattern.steps.isEmpty || pattern.pathVariable != nil,
               current.isKeyword("WHERE") || current.isSymbol("|") {
                var predicate: Expr?
                if accept(keyword: "WHERE") { predicate = try parseExpression() }
                try expect(symbol: "|")
                let projection = try parseExpression()
                try expect(symbol: "]")
                return Expr(.patternComprehension(pattern, predicate: takePatternWheres(since: mark, and: predicate), projection: projection),
                            SourceRange(start, previousEnd))
            }
            patternWheres.removeLast(patternWheres.count - mark)
            position = saved
            depth = savedDepth
        }
        var items: [Expr] = []
        if !current.isSymbol("]") { items = try parseExpressionList() }
        try expect(symbol: "]")
        return Expr(.list(items), SourceRange(start, previousEnd))
    }

    /// `EXISTS { pattern [WHERE ...] }` or `EXISTS { MATCH ... [RETURN ...] }` (and COUNT, COLLECT):
    /// the pattern form is read as the query `MATCH pattern [WHERE ...]`.
    mutating func parseSubquery(_ kind: SubqueryKind) throws(QueryError) -> Expr {
        let start = advance().range.start
        try expect(symbol: "{")
        let bodyStart = current.range.start
        let firstToken = position
        let query: Query
        if Parser.clauseKeywords.contains(current.text.uppercased()), current.kind == .identifier {
            query = try parseQuery()
        } else {
            let patternStart = current.range.start
            let mark = patternWheres.count
            let pattern = try parsePattern()
            let predicate = takePatternWheres(since: mark, and: accept(keyword: "WHERE") ? try parseExpression() : nil)
            let range = SourceRange(patternStart, previousEnd)
            let match = Clause(kind: .match(optional: false, patterns: pattern, predicate: predicate), range: range)
            query = Query(parts: [SingleQuery(clauses: [match], range: range)], unionAll: [], unionRanges: [])
        }
        let bodyEnd = previousEnd
        try expect(symbol: "}")
        let body = String(decoding: bytes[min(bodyStart, bytes.count)..<min(max(bodyStart, bodyEnd), bytes.count)], as: UTF8.self)
        let text = body.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        let names = Set(tokens[firstToken..<max(firstToken, position - 1)].filter(\.isName).map(\.text))
        return Expr(.subquery(kind, query, text: text, names: names.sorted()), SourceRange(start, previousEnd))
    }
}
