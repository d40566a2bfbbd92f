/// Expressions, by precedence from loosest (OR) to tightest (postfix and atoms).
extension Parser {
    mutating func parseExpression() throws(QueryError) -> Expr {
        try enter()
        defer { leave() }
        return try parseOr()
    }

    mutating func binaryChain(_ ops: [(String, BinaryOperator)],
                              _ next: (inout Parser) throws(QueryError) -> Expr) throws(QueryError) -> Expr {
        var left = try next(&self)
        var chain = 0
        loop: while true {
            for (word, op) in ops where current.isKeyword(word) || current.isSymbol(word) {
                position += 1
                chain += 1
                if chain + depth > Parser.maxDepth { throw .tooDeep(at: current.range) }
                let right = try next(&self)
                left = Expr(.binary(op, left, right), left.range.union(right.range))
                continue loop
            }
            return left
        }
    }

    mutating func parseOr() throws(QueryError) -> Expr {
        try binaryChain([("OR", .or)]) { (p: inout Parser) throws(QueryError) in try p.parseXor() }
    }

    mutating func parseXor() throws(QueryError) -> Expr {
        try binaryChain([("XOR", .xor)]) { (p: inout Parser) throws(QueryError) in try p.parseAnd() }
    }

    mutating func parseAnd() throws(QueryError) -> Expr {
        try binaryChain([("AND", .and)]) { (p: inout Parser) throws(QueryError) in try p.parseNot() }
    }

    mutating func parseNot() throws(QueryError) -> Expr {
        if current.isKeyword("NOT") {
            let start = advance().range.start
            try enter()
            defer { leave() }
            let operand = try parseNot()
            return Expr(.unary(.not, operand), SourceRange(start, operand.range.end))
        }
        return try parseComparison()
    }

    static let comparisonOperators: [String: BinaryOperator] = [
        "=": .equal, "<>": .notEqual, "<": .less, ">": .greater, "<=": .lessEqual, ">=": .greaterEqual,
    ]

    /// `a < b < c` means `a < b AND b < c`.
    mutating func parseComparison() throws(QueryError) -> Expr {
        var left = try parsePredicate()
        var result: Expr?
        var chain = 0
        while current.kind == .symbol, let op = Parser.comparisonOperators[current.text] {
            position += 1
            chain += 1
            if chain + depth > Parser.maxDepth { throw .tooDeep(at: current.range) }
            let right = try parsePredicate()
            let cmp = Expr(.binary(op, left, right), left.range.union(right.range))
            result = result.map { Expr(.binary(.and, $0, cmp), $0.range.union(cmp.range)) } ?? cmp
            left = right
        }
        return result ?? left
    }

    /// STARTS WITH, ENDS WITH, CONTAINS, IN, =~, IS [NOT] NULL.
    mutating func parsePredicate() throws(QueryError) -> Expr {
        var left = try parseAdditive()
        var chain = 0
        while true {
            chain += 1
            if chain + depth > Parser.maxDepth { throw .tooDeep(at: current.range) }
            var op: BinaryOperator?
            if current.isKeyword("STARTS"), peek().isKeyword("WITH") {
                position += 2
                op = .startsWith
            } else if current.isKeyword("ENDS"), peek().isKeyword("WITH") {
                position += 2
                op = .endsWith
            } else if accept(keyword: "CONTAINS") {
                op = .contains
            } else if accept(keyword: "IN") {
                op = .in
            } else if accept(symbol: "=~") {
                op = .regex
            } else if current.isKeyword("IS") {
                position += 1
                let negated = accept(keyword: "NOT")
                try expect(keyword: "NULL")
                left = Expr(.isNull(left, negated: negated), SourceRange(left.range.start, previousEnd))
                continue
            }
            guard let op else { return left }
            let right = try parseAdditive()
            left = Expr(.binary(op, left, right), left.range.union(right.range))
        }
    }

    mutating func parseAdditive() throws(QueryError) -> Expr {
        try binaryChain([("+", .add), ("-", .subtract)]) { (p: inout Parser) throws(QueryError) in try p.parseMultiplicative() }
    }

    mutating func parseMultiplicative() throws(QueryError) -> Expr {
        try binaryChain([("*", .multiply), ("/", .divide), ("%", .modulo)]) { (p: inout Parser) throws(QueryError) in try p.parsePower() }
    }

    mutating func parsePower() throws(QueryError) -> Expr {
        try binaryChain([("^", .power)]) { (p: inout Parser) throws(QueryError) in try p.parseUnary() }
    }

    mutating func parseUnary() throws(QueryError) -> Expr {
        if current.isSymbol("-") || current.isSymbol("+") {
            let t = advance()
            if t.text == "-", current.kind == .integer, Parser.isMinimumMagnitude(current.text) {
                let lit = advance()
                return try parsePostfix(from: Expr(.literal(.int(Int64.min)), t.range.union(lit.range)))
            }
            try enter()
            defer { leave() }
            let operand = try parseUnary()
            return Expr(.unary(t.text == "-" ? .negate : .plus, operand), SourceRange(t.range.start, operand.range.end))
        }
        return try parsePostfix()
    }

    mutating func parseMapProjection(_ subject: Expr) throws(QueryError) -> Expr {
        try expect(symbol: "{")
        var items: [MapProjectionItem] = []
        if !current.isSymbol("}") {
            repeat {
                if accept(symbol: ".") {
                    if accept(symbol: "*") { items.append(.allProperties) } else { items.append(.property(try parseSchemaName("a property key"))) }
                } else if current.isName, peek().isSymbol(":") {
                    let key = advance().text
                    position += 1
                    items.append(.entry(key, try parseExpression()))
                } else {
                    let t = current
                    items.append(.variable(try parseVariable(), t.range))
                }
            } while accept(symbol: ",")
        }
        try expect(symbol: "}")
        return Expr(.mapProjection(subject, items), SourceRange(subject.range.start, previousEnd))
    }

    mutating func parsePostfix() throws(QueryError) -> Expr {
        try parsePostfix(from: try parseAtom())
    }

    mutating func parsePostfix(from atom: Expr) throws(QueryError) -> Expr {
        var e = atom
        var chain = 0
        while true {
            chain += 1
            if chain > Parser.maxDepth { throw .tooDeep(at: current.range) }
            if current.isSymbol("."), peek().isName {
                position += 1
                let key = advance()
                e = Expr(.property(e, key.text), SourceRange(e.range.start, key.range.end))
            } else if current.isSymbol("[") {
                position += 1
                if accept(symbol: "..") {
                    let hi = current.isSymbol("]") ? nil : try parseExpression()
                    try expect(symbol: "]")
                    e = Expr(.slice(e, nil, hi), SourceRange(e.range.start, previousEnd))
                    continue
                }
                let index = try parseExpression()
                if accept(symbol: "..") {
                    let hi = current.isSymbol("]") ? nil : try parseExpression()
                    try expect(symbol: "]")
                    e = Expr(.slice(e, index, hi), SourceRange(e.range.start, previousEnd))
                } else {
                    try expect(symbol: "]")
                    e = Expr(.index(e, index), SourceRange(e.range.start, previousEnd))
                }
            } else if current.isSymbol("{"), case .variable = e.kind {
                e = try parseMapProjection(e)
            } else if current.isSymbol(":"), peek().isName {
                let labels = try parseLabels()
                e = Expr(.hasLabels(e, labels), SourceRange(e.range.start, previousEnd))
            } else {
                return e
            }
        }
    }
}
