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
        }
        var part = try parseChain(start: start)
        if wrapped { try expect(symbol: ")") }
        part.pathVariable = pathVariable
        part.shortest = shortest
        part.range = SourceRange(start, previousEnd)
        return part
    }

    /// A chain of node patterns, relationship patterns and quantified path patterns. A quantified
    /// group may stand without node patterns around it: anonymous nodes are its boundaries.
    mutating func parseChain(start: Int) throws(QueryError) -> PatternPart {
        var steps: [(relationship: RelationshipPattern, node: NodePattern)] = []
        let first: NodePattern
        if atGroup {
            let (parsed, range) = try parseGroup()
            let group: QuantifiedGroup
            switch parsed {
            case .quantified(let g): group = g
            case .plain(let chain, let predicate):
                // `((a)-->(b) WHERE ...)`, a parenthesized path pattern, is its chain and a WHERE.
                guard !atRelationship && !current.isSymbol("(") else { throw Self.unquantified(range) }
                if let predicate { patternWheres.append(predicate) }
                return chain
            }
            first = anonymousNode(at: range.start)
            steps.append((Self.groupStep(group, range), try nodeAfterGroup()))
        } else {
            first = try parseNodePattern()
        }
        while true {
            if atRelationship {
                let mark = patternWheres.count
                var rel = try parseRelationshipPattern()
                if let (low, high) = try parseQuantifier() {
                    // `-[r:R]->{1,3}` is `(()-[r:R]->()){1,3}`.
                    let inner = PatternPart(pathVariable: nil, shortest: .none, start: anonymousNode(at: rel.range.start),
                                            steps: [(rel, anonymousNode(at: rel.range.end))], range: rel.range)
                    let range = SourceRange(rel.range.start, previousEnd)
                    let group = try quantifiedGroup(inner, takePatternWheres(since: mark, and: nil), low, high, range)
                    rel = Self.groupStep(group, range)
                }
                steps.append((rel, try parseNodePattern()))
            } else if atGroup {
                let (parsed, range) = try parseGroup()
                guard case .quantified(let group) = parsed else { throw Self.unquantified(range) }
                steps.append((Self.groupStep(group, range), try nodeAfterGroup()))
            } else {
                break
            }
        }
        return PatternPart(pathVariable: nil, shortest: .none, start: first, steps: steps,
                           range: SourceRange(start, previousEnd))
    }

    var atRelationship: Bool { current.isSymbol("-") || (current.isSymbol("<") && peek().isSymbol("-")) }

    /// `((`: a node pattern never starts with a parenthesis, a group does.
    var atGroup: Bool { current.isSymbol("(") && peek().isSymbol("(") }

    static func unquantified(_ range: SourceRange) -> QueryError {
        .unexpectedSyntax("a parenthesized path pattern inside a longer pattern needs a quantifier: {n}, {m,n}, + or *", at: range)
    }

    private static func groupStep(_ group: QuantifiedGroup, _ range: SourceRange) -> RelationshipPattern {
        RelationshipPattern(variable: nil, types: [], direction: .both, length: nil, properties: nil, range: range, group: group)
    }

    func anonymousNode(at offset: Int) -> NodePattern {
        NodePattern(variable: nil, labels: [], properties: nil, range: SourceRange(offset, offset))
    }

    /// The node pattern after a group, or an anonymous node when another group or a relationship follows.
    mutating func nodeAfterGroup() throws(QueryError) -> NodePattern {
        current.isSymbol("(") && !atGroup ? try parseNodePattern() : anonymousNode(at: previousEnd)
    }

    enum ParsedGroup {
        case quantified(QuantifiedGroup)
        /// No quantifier followed: a parenthesized path pattern.
        case plain(PatternPart, Expr?)
    }

    /// `( chain [WHERE predicate] ) [quantifier]`.
    mutating func parseGroup() throws(QueryError) -> (ParsedGroup, SourceRange) {
        let start = current.range.start
        try expect(symbol: "(")
        let mark = patternWheres.count
        let inner = try parseChain(start: current.range.start)
        let own = accept(keyword: "WHERE") ? try parseExpression() : nil
        let predicate = takePatternWheres(since: mark, and: own)
        try expect(symbol: ")")
        guard let (low, high) = try parseQuantifier() else { return (.plain(inner, predicate), SourceRange(start, previousEnd)) }
        let range = SourceRange(start, previousEnd)
        return (.quantified(try quantifiedGroup(inner, predicate, low, high, range)), range)
    }

    func quantifiedGroup(_ inner: PatternPart, _ predicate: Expr?, _ low: Int, _ high: Int?, _ range: SourceRange) throws(QueryError) -> QuantifiedGroup {
        guard !inner.steps.isEmpty else { throw .unexpectedSyntax("a quantified path pattern needs a relationship to repeat", at: range) }
        for (rel, _) in inner.steps {
            if rel.group != nil { throw .unexpectedSyntax("quantified path patterns cannot be nested", at: rel.range) }
            if rel.length != nil { throw .unexpectedSyntax("a variable-length relationship cannot be repeated by a quantifier: write the repetition once", at: rel.range) }
        }
        if let high, high < low { throw .unexpectedSyntax("the quantifier {\(low),\(high)} matches nothing: its lower bound is above its upper bound", at: range) }
        if let high, high < 1 { throw .unexpectedSyntax("a quantifier's upper bound must be at least 1", at: range) }
        return QuantifiedGroup(inner: inner, predicate: predicate, min: low, max: high)
    }

    /// `{n}`, `{m,n}`, `{m,}`, `{,n}`, `+` or `*` after a group or a relationship pattern.
    mutating func parseQuantifier() throws(QueryError) -> (Int, Int?)? {
        if accept(symbol: "+") { return (1, nil) }
        if accept(symbol: "*") { return (0, nil) }
        guard current.isSymbol("{") else { return nil }
        let open = advance()
        let low = current.kind == .integer ? try parseRangeBound() : nil
        var high: Int?
        if accept(symbol: ",") {
            if current.kind == .integer { high = try parseRangeBound() }
        } else {
            guard let low else { throw .unexpectedSyntax("a quantifier needs a number: {n}, {m,n}, {m,} or {,n}", at: SourceRange(open.range.start, current.range.end)) }
            high = low
        }
        try expect(symbol: "}")
        return (low ?? 0, high)
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
