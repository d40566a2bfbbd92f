/// The subqueries checked while analysing a statement (filled through copies of the analyzer,
/// so a class).
final class SubqueryTable {
    var checked: [Int: CheckedExpressionSubquery] = [:]
}

extension Analyzer {
    /// `EXISTS { }`, `COUNT { }`, `COLLECT { }`: the body is a read-only query that sees the
    /// variables in scope where it stands (not those of an enclosing comprehension); its own
    /// variables stay inside. A UNION's parts each see them, and return the same columns (as
    /// `checkUnion` wants of any UNION): EXISTS's parts may all leave out RETURN, and so may
    /// COUNT's under UNION ALL (a distinct UNION needs columns to compare); `COLLECT` returns
    /// exactly one column.
    func checkSubquery(_ kind: SubqueryKind, _ query: Query, _ range: SourceRange, _ ctx: ExpressionContext) throws(QueryError) {
        var parts: [CheckedSingleQuery] = []
        for part in query.parts {
            for clause in part.clauses {
                switch clause.kind {
                case .create, .merge, .set, .remove, .delete:
                    throw .subqueryWrites(kind.rawValue, at: clause.range)
                default: break
                }
            }
            var inner = self
            parts.append(try inner.analyze(part, outer: ctx.scope, subquery: true))
        }
        try Self.checkUnion(query, parts)
        let unionAll = query.unionAll.first ?? false
        if kind == .count, parts.count > 1, !unionAll, parts[0].columns.isEmpty {
            throw .countUnionNeedsReturn(at: query.unionRanges[0])
        }
        if kind == .collect, parts[0].columns.count != 1 {
            throw .collectNeedsOneColumn(got: parts[0].columns.count, at: range)
        }
        subqueries.checked[range.start] = CheckedExpressionSubquery(parts: parts, unionAll: unionAll)
    }
}

extension Analyzer {
    /// `CALL { ... }`: each part of the body is checked with the variables it imports: those of
    /// `CALL (a, b) { }`, or those of a first `WITH a, b` of plain variables, or none. Every part
    /// returns the same columns, or none (a unit subquery, which must write).
    mutating func checkSubqueryCall(_ query: Query, importing: [String]?, scope: Scope, at range: SourceRange) throws(QueryError)
        -> CheckedSubqueryCall {
        var parts: [CheckedSingleQuery] = []
        var writes = false
        for part in query.parts {
            var imported = importing ?? Self.importingWith(part, scope)
            if importing != nil {
                for name in imported where scope[name] == nil { throw .undefinedVariable(name, at: range, suggestion: closestName(to: name, in: scope.keys)) }
            }
            imported = imported.filter { scope[$0] != nil }
            var inner = self
            inner.isUpdating = false
            let checkedPart = try inner.analyze(part, outer: scope.filter { imported.contains($0.key) }, subquery: true)
            // A name of the outer scope declared anew inside would be a second variable under the
            // same name: refused, as in Neo4j (import it, or rename it).
            for clause in checkedPart.clauses {
                if let name = clause.after.keys.sorted().first(where: { scope[$0] != nil && !imported.contains($0) }) {
                    throw .shadowedVariable(name, at: clause.clause.range)
                }
            }
            parts.append(checkedPart)
            writes = writes || inner.isUpdating
        }
        try Self.checkUnion(query, parts)
        if parts[0].columns.isEmpty, !writes {
            throw .invalidClauseComposition("CALL { } must end with RETURN, or write (a unit subquery)", at: range)
        }
        return CheckedSubqueryCall(parts: parts, unionAll: query.unionAll.first ?? false, returnSlots: parts[0].columnSlots, isUpdating: writes)
    }

    /// The variables a first `WITH a, b` (plain variables of the outer scope) imports.
    static func importingWith(_ part: SingleQuery, _ scope: Scope) -> [String] {
        guard case .with(let p)? = part.clauses.first?.kind else { return [] }
        var names: [String] = p.star ? Array(scope.keys) : []
        for item in p.items {
            guard case .variable(let name) = item.expression.kind, scope[name] != nil, item.alias == nil || item.alias == name else { return [] }
            names.append(name)
        }
        return names
    }
}

extension Analyzer {
    /// `FOREACH (x IN list | ...)`: only updating clauses (FOREACH among them), which see the
    /// variables in scope and `x`; nothing they bind is visible after.
    mutating func checkForeach(_ variable: String, _ list: Expr, _ clauses: [Clause], scope: Scope, at range: SourceRange) throws(QueryError)
        -> (body: CheckedSingleQuery, slot: Int) {
        try checkNoAggregate(list, scope, "in FOREACH")
        for clause in clauses {
            switch clause.kind {
            case .create, .merge, .set, .remove, .delete, .foreach: break
            default: throw .invalidClauseComposition("FOREACH holds only updating clauses (CREATE, MERGE, SET, REMOVE, DELETE, FOREACH)", at: clause.range)
            }
        }
        var inner = scope
        try bindNew(variable, .value, in: &inner, at: range)
        guard let slot = inner[variable]?.slot else { throw .internalError("FOREACH's variable has no slot", at: range) }
        var body = self
        let checked = try body.analyze(SingleQuery(clauses: clauses, range: range), outer: inner, subquery: true)
        return (checked, slot)
    }
}
