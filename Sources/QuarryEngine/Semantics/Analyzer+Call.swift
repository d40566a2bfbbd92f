extension Analyzer {
    /// `CALL name(args) YIELD ...`: the procedure exists, takes these arguments, yields these
    /// outputs; binds the yielded variables. A standalone call (the whole statement) may leave
    /// out YIELD (or say `YIELD *`) to yield everything, and its parentheses (its arguments are
    /// then the parameters named like its inputs). Returns what it yields, in order.
    mutating func declareCall(_ call: ProcedureCallClause, in scope: inout Scope, standalone: Bool) throws(QueryError)
        -> [(output: Int, variable: String)] {
        guard let procedure = ProcedureRegistry.lookup(call.name) else {
            throw .unknownProcedure(call.name, at: call.nameRange,
                                    suggestion: closestName(to: call.name, in: ProcedureRegistry.all.values.map(\.name)))
        }
        if let arguments = call.arguments {
            guard arguments.count == procedure.inputs.count else {
                throw .wrongProcedureArguments(procedure.name, takes: procedure.inputs.count, signature: procedure.signature, got: arguments.count, at: call.nameRange)
            }
            for a in arguments { try checkNoAggregate(a, scope, "in a procedure's arguments") }
        } else if !standalone, !procedure.inputs.isEmpty {
            throw .wrongProcedureArguments(procedure.name, takes: procedure.inputs.count, signature: procedure.signature, got: 0, at: call.nameRange)
        }
        let outputs = procedure.outputs.map(\.name)
        var yielded: [(output: Int, variable: String, range: SourceRange)] = []
        if let items = call.yields {
            for item in items {
                guard let index = outputs.firstIndex(of: item.output) else {
                    throw .unknownYield(item.output, procedure: procedure.name, outputs: outputs, at: item.range)
                }
                yielded.append((index, item.variable, item.range))
            }
        } else if standalone {
            yielded = outputs.enumerated().map { ($0.offset, $0.element, call.nameRange) }
        } else if !outputs.isEmpty {
            throw .callNeedsYield(procedure.name, outputs: outputs, at: call.nameRange)
        }
        if call.yieldsAll, !standalone {
            throw .callNeedsYield(procedure.name, outputs: outputs, at: call.nameRange)
        }
        for y in yielded { try bindNew(y.variable, Self.kind(ofOutput: procedure.outputs[y.output].type), in: &scope, at: y.range) }
        if let predicate = call.predicate { try checkNoAggregate(predicate, scope, "in WHERE") }
        return yielded.map { ($0.output, $0.variable) }
    }

    /// What a variable holding an output of this type may be used as.
    static func kind(ofOutput type: String) -> VariableKind {
        switch type {
        case "NODE": return .node
        case "RELATIONSHIP": return .relationship
        case "PATH": return .path
        case "STRING", "INTEGER", "FLOAT", "BOOLEAN": return .scalar
        default: return type.hasPrefix("LIST") ? .list : .value
        }
    }
}
