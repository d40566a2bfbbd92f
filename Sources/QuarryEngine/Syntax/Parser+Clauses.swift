extension Parser {
    static let clauseKeywords = ["MATCH", "OPTIONAL", "UNWIND", "WITH", "RETURN", "CREATE", "MERGE", "SET",
                                 "REMOVE", "DELETE", "DETACH", "LOAD", "CALL", "FOREACH"]

    mutating func parseClause() throws(QueryError) -> Clause {
        let start = current.range.start
        let kind: Clause.Kind
        if accept(keyword: "MATCH") {
            kind = try parseMatch(optional: false)
        } else if current.isKeyword("OPTIONAL") {
            position += 1
            try expect(keyword: "MATCH")
            kind = try parseMatch(optional: true)
        } else if accept(keyword: "UNWIND") {
            let e = try parseExpression()
            try expect(keyword: "AS")
            kind = .unwind(e, variable: try parseVariable())
        } else if accept(keyword: "WITH") {
            kind = .with(try parseProjection(start: start, allowWhere: true))
        } else if accept(keyword: "RETURN") {
            kind = .return(try parseProjection(start: start, allowWhere: false))
        } else if accept(keyword: "CREATE") {
            let mark = patternWheres.count
            kind = .create(try parsePattern())
            try refusePatternWheres(since: mark, "CREATE")
        } else if accept(keyword: "MERGE") {
            kind = try parseMerge()
        } else if accept(keyword: "SET") {
            kind = .set(try parseSetItems())
        } else if accept(keyword: "REMOVE") {
            kind = .remove(try parseRemoveItems())
        } else if accept(keyword: "DELETE") {
            kind = .delete(try parseExpressionList(), detach: false)
        } else if accept(keyword: "DETACH") {
            try expect(keyword: "DELETE")
            kind = .delete(try parseExpressionList(), detach: true)
        } else if current.isKeyword("LOAD") {
            position += 1
            try expect(keyword: "CSV")
            let headers = accept(keyword: "WITH")
            if headers { try expect(keyword: "HEADERS") }
            try expect(keyword: "FROM")
            let source = try parseExpression()
            try expect(keyword: "AS")
            let v = try parseVariable()
            var terminator: String?
            if accept(keyword: "FIELDTERMINATOR") {
                guard current.kind == .string else { throw unexpected(expected: "a string") }
                let token = advance()
                let text = token.text == "\\t" ? "\t" : token.text
                guard text.utf8.count == 1, let byte = text.utf8.first, byte != 10, byte != 13, byte != UInt8(ascii: "\"") else {
                    throw .invalidArgument("FIELDTERMINATOR must be one ASCII character other than a quote or line break, got '\(token.text)'",
                                           at: token.range)
                }
                terminator = text
            }
            kind = .loadCSV(withHeaders: headers, source: source, variable: v, fieldTerminator: terminator)
        } else if current.isKeyword("CALL"), peek().isSymbol("{") || peek().isSymbol("(") {
            position += 1
            var importing: [String]?
            if accept(symbol: "(") {
                var names: [String] = []
                if !current.isSymbol(")") {
                    repeat { names.append(try parseVariable()) } while accept(symbol: ",")
                }
                try expect(symbol: ")")
                importing = names
            }
            try expect(symbol: "{")
            let query = try parseQuery()
            try expect(symbol: "}")
            kind = .subqueryCall(query, importing: importing)
        } else if current.isKeyword("CALL") {
            position += 1
            kind = .call(try parseProcedureCall())
        } else if accept(keyword: "FOREACH") {
            try expect(symbol: "(")
            let v = try parseVariable()
            try expect(keyword: "IN")
            let list = try parseExpression()
            try expect(symbol: "|")
            var clauses: [Clause] = []
            repeat { clauses.append(try parseClause()) } while !current.isSymbol(")") && current.kind != .end
            try expect(symbol: ")")
            kind = .foreach(variable: v, list: list, clauses: clauses)
        } else {
            throw unexpected(expected: "a clause (MATCH, CREATE, RETURN, ...)")
        }
        return Clause(kind: kind, range: SourceRange(start, previousEnd))
    }

    mutating func parseMatch(optional: Bool) throws(QueryError) -> Clause.Kind {
        let mark = patternWheres.count
        let patterns = try parsePattern()
        var predicate: Expr?
        if accept(keyword: "WHERE") { predicate = try parseExpression() }
        return .match(optional: optional, patterns: patterns, predicate: takePatternWheres(since: mark, and: predicate))
    }

    mutating func parseExpressionList() throws(QueryError) -> [Expr] {
        var list = [try parseExpression()]
        while accept(symbol: ",") { list.append(try parseExpression()) }
        return list
    }

    mutating func parseProjection(start: Int, allowWhere: Bool) throws(QueryError) -> Projection {
        let distinct = accept(keyword: "DISTINCT")
        var star = false
        var items: [ProjectionItem] = []
        if accept(symbol: "*") {
            star = true
        }
        if !star || current.isSymbol(",") {
            if star { position += 1 }
            repeat {
                let e = try parseExpression()
                var alias: String?
                if accept(keyword: "AS") { alias = try parseVariable() }
                items.append(ProjectionItem(expression: e, alias: alias, name: alias ?? text(e.range)))
            } while accept(symbol: ",")
        }
        var order: [SortItem] = []
        if accept(keyword: "ORDER") {
            try expect(keyword: "BY")
            repeat {
                let e = try parseExpression()
                var desc = false
                if accept(keyword: "DESC") || accept(keyword: "DESCENDING") {
                    desc = true
                } else if accept(keyword: "ASC") || accept(keyword: "ASCENDING") {
                    desc = false
                }
                order.append(SortItem(expression: e, descending: desc))
            } while accept(symbol: ",")
        }
        var skip: Expr?
        var limit: Expr?
        if accept(keyword: "SKIP") { skip = try parseExpression() }
        if accept(keyword: "LIMIT") { limit = try parseExpression() }
        var predicate: Expr?
        if allowWhere, accept(keyword: "WHERE") { predicate = try parseExpression() }
        return Projection(distinct: distinct, star: star, items: items, orderBy: order, skip: skip,
                          limit: limit, predicate: predicate, range: SourceRange(start, previousEnd))
    }

    mutating func parseMerge() throws(QueryError) -> Clause.Kind {
        let mark = patternWheres.count
        let part = try parsePatternPart()
        try refusePatternWheres(since: mark, "MERGE")
        var onCreate: [SetItem] = []
        var onMatch: [SetItem] = []
        while current.isKeyword("ON") {
            position += 1
            if accept(keyword: "CREATE") {
                try expect(keyword: "SET")
                onCreate += try parseSetItems()
            } else {
                try expect(keyword: "MATCH")
                try expect(keyword: "SET")
                onMatch += try parseSetItems()
            }
        }
        return .merge(part, onCreate: onCreate, onMatch: onMatch)
    }

    mutating func parseSetItems() throws(QueryError) -> [SetItem] {
        var items: [SetItem] = []
        repeat {
            let start = current.range.start
            if atVariable, peek().isSymbol("=") || peek().isSymbol("+=") || peek().isSymbol(":") {
                let v = try parseVariable()
                if accept(symbol: "=") {
                    items.append(.replaceProperties(variable: v, value: try parseExpression(), range: SourceRange(start, previousEnd)))
                } else if accept(symbol: "+=") {
                    items.append(.mergeProperties(variable: v, value: try parseExpression(), range: SourceRange(start, previousEnd)))
                } else {
                    items.append(.labels(variable: v, labels: try parseLabels(), range: SourceRange(start, previousEnd)))
                }
                continue
            }
            let target = try parsePropertyTarget()
            try expect(symbol: "=")
            items.append(.property(target: target.object, key: target.key, value: try parseExpression()))
        } while accept(symbol: ",")
        return items
    }

    /// `expr.key` on the left of SET or in REMOVE.
    mutating func parsePropertyTarget() throws(QueryError) -> (object: Expr, key: String) {
        let e = try parsePostfix()
        guard case .property(let object, let key) = e.kind else {
            throw .unexpectedToken(found: text(e.range), expected: "a property (n.key)", at: e.range)
        }
        return (object, key)
    }

    mutating func parseLabels() throws(QueryError) -> [String] {
        var labels: [String] = []
        while accept(symbol: ":") { labels.append(try parseSchemaName("a label")) }
        if labels.isEmpty { throw unexpected(expected: "':'") }
        return labels
    }

    mutating func parseRemoveItems() throws(QueryError) -> [RemoveItem] {
        var items: [RemoveItem] = []
        repeat {
            let start = current.range.start
            if atVariable, peek().isSymbol(":") {
                let v = try parseVariable()
                items.append(.labels(variable: v, labels: try parseLabels(), range: SourceRange(start, previousEnd)))
            } else {
                let target = try parsePropertyTarget()
                items.append(.property(target: target.object, key: target.key))
            }
        } while accept(symbol: ",")
        return items
    }

    /// After CALL: `name.space(args)` (the parentheses may be left out), `YIELD *` or `YIELD out
    /// [AS v], ...`, and a WHERE over what it yields.
    mutating func parseProcedureCall() throws(QueryError) -> ProcedureCallClause {
        let start = current.range.start
        var name = try parseSchemaName("a procedure name")
        while current.isSymbol("."), peek().isName {
            position += 1
            name += "." + advance().text
        }
        let nameRange = SourceRange(start, tokens[position - 1].range.end)
        var arguments: [Expr]?
        if accept(symbol: "(") {
            arguments = current.isSymbol(")") ? [] : try parseExpressionList()
            try expect(symbol: ")")
        }
        var yields: [ProcedureCallClause.YieldItem]?
        var yieldsAll = false
        var predicate: Expr?
        if accept(keyword: "YIELD") {
            if accept(symbol: "*") {
                yieldsAll = true
            } else {
                var items: [ProcedureCallClause.YieldItem] = []
                repeat {
                    let itemStart = current.range
                    let output = try parseSchemaName("an output of the procedure")
                    let variable = accept(keyword: "AS") ? try parseVariable() : output
                    items.append(.init(output: output, variable: variable, range: itemStart.union(tokens[position - 1].range)))
                } while accept(symbol: ",")
                yields = items
            }
            if accept(keyword: "WHERE") { predicate = try parseExpression() }
        }
        return ProcedureCallClause(name: name, nameRange: nameRange, arguments: arguments, yields: yields, yieldsAll: yieldsAll,
                                   predicate: predicate)
    }
}
