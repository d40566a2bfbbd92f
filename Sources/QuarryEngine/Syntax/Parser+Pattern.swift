extension Parser {
    mutating func parsePattern() throws(QueryError) -> [PatternPart] {
        var parts = [try parsePatternPart()]
        while accept(symbol: ",") { parts.append(try parsePatternPart()) }
        return parts
    }

    mutating func parsePatternPart() throws(QueryError) -> PatternPart {
        let start = current.range.start
        var pathVariable: String?
        if atVariable, peek().isSymbol("=") {
            pathVariable = try parseVariable()
            position += 1
        }
        var shortest = ShortestKind.none
        var wrapped = false
        if current.isKeyword("SHORTESTPATH") || current.isKeyword("ALLSHORTESTPATHS"), peek().isSymbol("(") {
            shortest = current.isKeyword("SHORTESTPATH") ? .shortest : .all
            position += 2
            wrapped = true
        } else if current.isSymbol("("), peek().isSymbol("(") {
            position += 1
            wrapped = true
        }
        var part = try parseChain(start: start)
        if wrapped { try expect(symbol: ")") }
        part.pathVariable = pathVariable
        part.shortest = shortest
        part.range = SourceRange(start, previousEnd)
        return part
    }

    mutating func parseChain(start: Int) throws(QueryError) -> PatternPart {
        let first = try parseNodePattern()
        var steps: [(relationship: RelationshipPattern, node: NodePattern)] = []
        while current.isSymbol("-") || (current.isSymbol("<") && peek().isSymbol("-")) {
            let rel = try parseRelationshipPattern()
            steps.append((rel, try parseNodePattern()))
        }
        return PatternPart(pathVariable: nil, shortest: .none, start: first, steps: steps,
                           range: SourceRange(start, previousEnd))
    }

    mutating func parseNodePattern() throws(QueryError) -> NodePattern {
        let start = current.range.start
        try expect(symbol: "(")
        var variable: String?
        if atVariable { variable = try parseVariable() }
        var labels: [String] = []
        while accept(symbol: ":") { labels.append(try parseSchemaName("a label")) }
        let properties = try parsePatternProperties()
        if accept(keyword: "WHERE") { patternWheres.append(try parseExpression()) }
        try expect(symbol: ")")
        return NodePattern(variable: variable, labels: labels, properties: properties, range: SourceRange(start, previousEnd))
    }

    mutating func parsePatternProperties() throws(QueryError) -> Expr? {
        if current.isSymbol("{") { return try parseMapLiteral() }
        if current.kind == .parameter {
            let t = advance()
            return Expr(.parameter(t.text), t.range)
        }
        return nil
    }

    mutating func parseRelationshipPattern() throws(QueryError) -> RelationshipPattern {
        let start = current.range.start
        let leftArrow = accept(symbol: "<")
        try expect(symbol: "-")
        var variable: String?
        var types: [String] = []
        var length: (min: Int?, max: Int?)?
        var properties: Expr?
        if accept(symbol: "[") {
            if atVariable { variable = try parseVariable() }
            if accept(symbol: ":") {
                types.append(try parseSchemaName("a relationship type"))
                while accept(symbol: "|") {
                    _ = accept(symbol: ":")
                    types.append(try parseSchemaName("a relationship type"))
                }
            }
            if accept(symbol: "*") {
                var low: Int?
                var high: Int?
                if current.kind == .integer { low = try parseRangeBound() }
                if accept(symbol: "..") {
                    if current.kind == .integer { high = try parseRangeBound() }
                } else {
                    high = low
                }
                length = (low, high)
            }
            properties = try parsePatternProperties()
            if accept(keyword: "WHERE") { patternWheres.append(try parseExpression()) }
            try expect(symbol: "]")
        }
        try expect(symbol: "-")
        let rightArrow = accept(symbol: ">")
        let direction: Direction
        switch (leftArrow, rightArrow) {
        case (true, false): direction = .incoming
        case (false, true): direction = .outgoing
        case (false, false): direction = .both
        case (true, true): direction = .both
        }
        return RelationshipPattern(variable: variable, types: types, direction: direction, length: length,
                                   properties: properties, range: SourceRange(start, previousEnd))
    }

    mutating func parseRangeBound() throws(QueryError) -> Int {
        let t = advance()
        guard let v = Int(t.text) else { throw .integerOverflow(t.text, at: t.range) }
        return v
    }

    /// The `WHERE`s of the patterns parsed since `mark`, joined with `predicate` (the clause's
    /// own WHERE) by AND; they are taken, so they are not joined twice.
    mutating func takePatternWheres(since mark: Int, and predicate: Expr?) -> Expr? {
        let taken = Array(patternWheres[min(mark, patternWheres.count)...])
        patternWheres.removeLast(taken.count)
        return (taken + [predicate].compactMap { $0 }).reduce(nil as Expr?) { joined, next in
            joined.map { Expr(.binary(.and, $0, next), $0.range.union(next.range)) } ?? next
        }
    }

    /// Patterns that create (CREATE, MERGE) take no WHERE.
    mutating func refusePatternWheres(since mark: Int, _ clause: String) throws(QueryError) {
        guard mark < patternWheres.count else { return }
        let first = patternWheres[mark]
        patternWheres.removeLast(patternWheres.count - mark)
        throw .unexpectedSyntax("a WHERE inside a pattern filters what is matched; \(clause) creates, so it takes none", at: first.range)
    }
}
