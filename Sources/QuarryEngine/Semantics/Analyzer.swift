/// Semantic analysis: resolves every variable to a row slot and rejects what openCypher rejects
/// before running (undefined or rebound variables, misplaced aggregates, bad clause order).
struct Analyzer {
    var slots = SlotAllocator()
    var isUpdating = false
    /// The subqueries checked so far, by the offset of their expression.
    var subqueries = SubqueryTable()

    static func analyze(_ query: Query) throws(QueryError) -> CheckedQuery {
        var analyzer = Analyzer()
        var parts: [CheckedSingleQuery] = []
        for part in query.parts { parts.append(try analyzer.analyze(part)) }
        try checkUnion(query, parts)
        if parts.count > 1, parts.contains(where: { $0.columns.isEmpty }) {
            throw .invalidClauseComposition("every part of a UNION must end with RETURN", at: query.unionRanges[0])
        }
        return CheckedQuery(parts: parts, unionAll: query.unionAll, slots: analyzer.slots, isUpdating: analyzer.isUpdating,
                            subqueries: analyzer.subqueries.checked)
    }

    /// The parts of a UNION: all UNION or all UNION ALL, and the same columns.
    static func checkUnion(_ query: Query, _ parts: [CheckedSingleQuery]) throws(QueryError) {
        if Set(query.unionAll).count > 1, let r = query.unionRanges.last {
            throw .invalidClauseComposition("UNION and UNION ALL cannot be mixed in one query", at: r)
        }
        for (i, p) in parts.enumerated().dropFirst() where p.columns != parts[0].columns {
            throw .differentColumnsInUnion(at: query.unionRanges[i - 1])
        }
    }

    /// `outer`: the variables a subquery sees; `subquery`: it may end without RETURN and may not write.
    mutating func analyze(_ query: SingleQuery, outer: Scope = [:], subquery: Bool = false) throws(QueryError) -> CheckedSingleQuery {
        var scope: Scope = outer
        var checked: [CheckedClause] = []
        var columns: [String] = []
        var columnSlots: [Int] = []
        var updatedSinceWith = false
        for (i, clause) in query.clauses.enumerated() {
            let isLast = i == query.clauses.count - 1
            var projection: CheckedProjection?
            var subqueryCall: CheckedSubqueryCall?
            var foreach: (body: CheckedSingleQuery, slot: Int)?
            let before = scope
            switch clause.kind {
            case .match(_, let patterns, let predicate):
                if updatedSinceWith {
                    throw .invalidClauseComposition("a MATCH after an updating clause needs a WITH between them", at: clause.range)
                }
                scope = try declareMatch(patterns, in: scope)
                if let predicate {
                    try checkNoAggregate(predicate, scope, "in WHERE")
                    try checkPredicateType(predicate, scope)
                }
            case .unwind(let e, let v):
                if updatedSinceWith {
                    throw .invalidClauseComposition("an UNWIND after an updating clause needs a WITH between them", at: clause.range)
                }
                try checkNoAggregate(e, scope, "in UNWIND")
                try bindNew(v, .value, in: &scope, at: clause.range)
            case .loadCSV(_, let source, let v, _):
                try checkNoAggregate(source, scope, "in LOAD CSV")
                try bindNew(v, .value, in: &scope, at: clause.range)
            case .foreach(let v, let list, let clauses):
                isUpdating = true
                updatedSinceWith = true
                foreach = try checkForeach(v, list, clauses, scope: scope, at: clause.range)
            case .subqueryCall(let inner, let importing):
                let checkedCall = try checkSubqueryCall(inner, importing: importing, scope: scope, at: clause.range)
                for (name, slot) in zip(checkedCall.parts[0].columns, checkedCall.returnSlots) {
                    if scope[name] != nil { throw .variableAlreadyBound(name, at: clause.range) }
                    scope[name] = Variable(slot: slot, kind: .value)
                }
                if checkedCall.isUpdating { isUpdating = true }
                subqueryCall = checkedCall
            case .call(let call):
                if updatedSinceWith {
                    throw .invalidClauseComposition("a CALL after an updating clause needs a WITH between them", at: clause.range)
                }
                let standalone = query.clauses.count == 1
                let yielded = try declareCall(call, in: &scope, standalone: standalone)
                if standalone {
                    columns = yielded.map(\.variable)
                    columnSlots = yielded.compactMap { scope[$0.variable]?.slot }
                }
            case .with(let p), .return(let p):
                let isReturn: Bool
                if case .return = clause.kind { isReturn = true } else { isReturn = false }
                if isReturn, !isLast {
                    throw .invalidClauseComposition("RETURN can only end a query", at: clause.range)
                }
                let result = try analyzeProjection(p, in: scope, isReturn: isReturn)
                projection = result
                scope = [:]
                for item in result.items {
                    scope[item.name] = Variable(slot: item.slot, kind: kindOf(item.expression, in: before))
                }
                if isReturn {
                    columns = result.items.map(\.name)
                    columnSlots = result.items.map(\.slot)
                }
                updatedSinceWith = false
            case .create(let patterns):
                isUpdating = true
                updatedSinceWith = true
                scope = try declareCreate(patterns, in: scope, merge: false)
            case .merge(let part, let onCreate, let onMatch):
                isUpdating = true
                updatedSinceWith = true
                scope = try declareCreate([part], in: scope, merge: true)
                for item in onCreate + onMatch { try checkSetItem(item, scope) }
            case .set(let items):
                isUpdating = true
                updatedSinceWith = true
                for item in items { try checkSetItem(item, scope) }
            case .remove(let items):
                isUpdating = true
                updatedSinceWith = true
                for item in items {
                    switch item {
                    case .property(let target, _): try checkNoAggregate(target, scope, "in REMOVE")
                    case .labels(let v, _, let r): try requireBound(v, scope, at: r)
                    }
                }
            case .delete(let exprs, _):
                isUpdating = true
                updatedSinceWith = true
                for e in exprs {
                    try checkNoAggregate(e, scope, "in DELETE")
                    switch e.kind {
                    case .variable, .property, .index, .function: break
                    case .literal(.null), .parameter: break
                    case .literal, .binary, .unary, .list, .map: throw .invalidArgumentType("DELETE takes nodes, relationships or paths", at: e.range)
                    default: throw .invalidDelete(at: e.range)
                    }
                    if case .variable(let name) = e.kind, let v = scope[name], v.kind == .value || v.kind == .relationshipList {
                        // checked when it runs: a WITH-projected value may hold a node
                    } else if case .variable(let name) = e.kind, scope[name] == nil {
                        try requireBound(name, scope, at: e.range)
                    }
                }
            }
            checked.append(CheckedClause(clause: clause, before: before, after: scope, projection: projection, subquery: subqueryCall,
                                         foreach: foreach))
            if isLast {
                switch clause.kind {
                case .return, .create, .merge, .set, .remove, .delete, .foreach: break
                case .call where query.clauses.count == 1: break
                case .subqueryCall where subqueryCall?.isUpdating == true && subqueryCall?.returnSlots.isEmpty == true: break
                case _ where subquery: break
                default: throw .missingReturn(at: clause.range)
                }
            }
        }
        return CheckedSingleQuery(clauses: checked, columns: columns, columnSlots: columnSlots)
    }

    /// What a projected expression holds, where that is certain.
    func kindOf(_ e: Expr, in scope: Scope) -> VariableKind {
        switch e.kind {
        case .variable(let name): return scope[name]?.kind ?? .value
        case .literal(.null): return .value
        case .literal, .map: return .scalar
        case .list(let items):
            let relationships = !items.isEmpty && items.allSatisfy {
                if case .variable(let n) = $0.kind { return scope[n]?.kind == .relationship }
                return false
            }
            return relationships ? .relationshipList : .list
        default: return .value
        }
    }

    mutating func bindNew(_ name: String, _ kind: VariableKind, in scope: inout Scope, at r: SourceRange) throws(QueryError) {
        if scope[name] != nil { throw .variableAlreadyBound(name, at: r) }
        scope[name] = Variable(slot: slots.next(), kind: kind)
    }

    func requireBound(_ name: String, _ scope: Scope, at r: SourceRange) throws(QueryError) {
        if scope[name] == nil {
            throw .undefinedVariable(name, at: r, suggestion: closestName(to: name, in: scope.keys))
        }
    }

    mutating func checkSetItem(_ item: SetItem, _ scope: Scope) throws(QueryError) {
        switch item {
        case .property(let target, _, let value):
            try checkNoAggregate(target, scope, "in SET")
            try checkNoAggregate(value, scope, "in SET")
        case .replaceProperties(let v, let value, let r), .mergeProperties(let v, let value, let r):
            try requireBound(v, scope, at: r)
            try checkNoAggregate(value, scope, "in SET")
        case .labels(let v, _, let r):
            try requireBound(v, scope, at: r)
        }
    }

    // MARK: Patterns

    /// Binds the variables a MATCH pattern introduces.
    mutating func declareMatch(_ patterns: [PatternPart], in outer: Scope) throws(QueryError) -> Scope {
        var scope = outer
        var relationshipsHere: Set<String> = []
        for part in patterns {
            for node in [part.start] + part.steps.map(\.node) {
                try declareNode(node, in: &scope)
            }
            for step in part.steps {
                let rel = step.relationship
                if let group = rel.group {
                    if part.shortest != .none { throw .unsupported("a quantified path pattern inside shortestPath", at: rel.range) }
                    try declareGroup(group, in: &scope, outer: outer)
                    continue
                }
                guard let name = rel.variable else { continue }
                let kind: VariableKind = rel.length == nil ? .relationship : .relationshipList
                if let existing = scope[name] {
                    if relationshipsHere.contains(name) { throw .relationshipUniquenessViolation(name, at: rel.range) }
                    if existing.kind == .scalar || (existing.kind == .list && rel.length == nil) {
                        throw .variableTypeConflict(name, was: existing.kind.noun, now: kind.noun, at: rel.range)
                    }
                    if existing.kind != kind && existing.kind != .value && existing.kind != .list {
                        if part.shortest != .none || rel.length != nil, existing.kind == .relationship {
                            throw .variableAlreadyBound(name, at: rel.range)
                        }
                        throw .variableTypeConflict(name, was: existing.kind.noun, now: kind.noun, at: rel.range)
                    }
                } else {
                    scope[name] = Variable(slot: slots.next(), kind: kind)
                }
                relationshipsHere.insert(name)
            }
            if let p = part.pathVariable { try bindNew(p, .path, in: &scope, at: part.range) }
        }
        for part in patterns { try checkPatternProperties(part, scope) }
        return scope
    }

    /// A quantified path pattern's variables are new, and lists outside it; its WHERE and
    /// properties see them one iteration at a time, beside the variables of earlier clauses.
    mutating func declareGroup(_ group: QuantifiedGroup, in scope: inout Scope, outer: Scope) throws(QueryError) {
        var inner = outer
        var relationships: Set<String> = []
        for (r, _) in group.inner.steps {
            if let name = r.variable, !relationships.insert(name).inserted { throw .relationshipUniquenessViolation(name, at: r.range) }
        }
        for v in group.variables {
            if scope[v.name] != nil { throw .variableAlreadyBound(v.name, at: v.range) }
            scope[v.name] = Variable(slot: slots.next(), kind: v.isRelationship ? .relationshipList : .list)
            inner[v.name] = Variable(slot: slots.next(), kind: v.isRelationship ? .relationship : .node)
        }
        try checkPatternProperties(group.inner, inner)
        if let predicate = group.predicate {
            try checkNoAggregate(predicate, inner, "in WHERE")
            try checkPredicateType(predicate, inner)
        }
    }

    mutating func declareNode(_ node: NodePattern, in scope: inout Scope) throws(QueryError) {
        guard let name = node.variable else { return }
        if let existing = scope[name] {
            if existing.kind != .node && existing.kind != .value {
                throw .variableTypeConflict(name, was: existing.kind.noun, now: "node", at: node.range)
            }
        } else {
            scope[name] = Variable(slot: slots.next(), kind: .node)
        }
    }

    mutating func checkPatternProperties(_ part: PatternPart, _ scope: Scope) throws(QueryError) {
        try rejectParameterMaps(part)
        for node in [part.start] + part.steps.map(\.node) {
            if let p = node.properties { try checkNoAggregate(p, scope, "in a pattern") }
        }
        for step in part.steps {
            if let p = step.relationship.properties { try checkNoAggregate(p, scope, "in a pattern") }
        }
    }

    /// `(n $map)` is only for CREATE: a pattern that is matched needs its keys written out.
    func rejectParameterMaps(_ part: PatternPart) throws(QueryError) {
        let maps = ([part.start] + part.steps.map(\.node)).map(\.properties) + part.steps.map(\.relationship.properties)
        for case let p? in maps {
            if case .parameter = p.kind { throw .invalidParameterUse(at: p.range) }
        }
    }

    /// Binds the variables CREATE or MERGE introduce, rejecting what cannot be created.
    mutating func declareCreate(_ patterns: [PatternPart], in outer: Scope, merge: Bool) throws(QueryError) -> Scope {
        var scope = outer
        for part in patterns {
            if part.shortest != .none { throw .invalidClauseComposition("shortestPath cannot be created", at: part.range) }
            if merge { try rejectParameterMaps(part) }
            let nodes = [part.start] + part.steps.map(\.node)
            for node in nodes {
                guard let name = node.variable else { continue }
                if let existing = scope[name] {
                    let declaresMore = !node.labels.isEmpty || node.properties != nil
                    let standalone = part.steps.isEmpty
                    if declaresMore || standalone {
                        throw .variableAlreadyBound(name, at: node.range)
                    }
                    if existing.kind != .node && existing.kind != .value {
                        throw .variableTypeConflict(name, was: existing.kind.noun, now: "node", at: node.range)
                    }
                } else {
                    scope[name] = Variable(slot: slots.next(), kind: .node)
                }
            }
            for step in part.steps {
                let rel = step.relationship
                if rel.group != nil { throw .unexpectedSyntax("\(merge ? "MERGE" : "CREATE") cannot make a quantified path pattern: it matches a repetition of unknown length", at: rel.range) }
                if let name = rel.variable, scope[name] != nil { throw .variableAlreadyBound(name, at: rel.range) }
                if rel.length != nil { throw .creatingVariableLength(at: rel.range) }
                if rel.types.count != 1 { throw .noSingleRelationshipType(at: rel.range) }
                if rel.direction == .both && !merge { throw .requiresDirectedRelationship(at: rel.range) }
                if let name = rel.variable {
                    try bindNew(name, .relationship, in: &scope, at: rel.range)
                }
            }
            if let p = part.pathVariable { try bindNew(p, .path, in: &scope, at: part.range) }
            for node in nodes {
                if let p = node.properties { try checkNoAggregate(p, scope, "in a pattern") }
            }
            for step in part.steps {
                if let p = step.relationship.properties { try checkNoAggregate(p, scope, "in a pattern") }
            }
        }
        return scope
    }
}
