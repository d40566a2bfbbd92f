/// The one catalogue of error messages. Every error a user can cause is made here.
extension QueryError {
    // MARK: Lexical and syntax errors

    static func unterminatedComment(_ r: SourceRange) -> QueryError {
        QueryError(.syntaxError, "UnexpectedToken", "the comment is not closed with */", at: r)
    }

    static func unexpectedCharacter(_ c: String, _ r: SourceRange) -> QueryError {
        QueryError(.syntaxError, "UnexpectedToken", "unexpected character '\(c)'", at: r)
    }

    static func invalidNumber(_ text: String, _ r: SourceRange) -> QueryError {
        QueryError(.syntaxError, "InvalidNumberLiteral", "'\(text)' is not a valid number", at: r)
    }

    static func unterminated(_ what: String, _ r: SourceRange) -> QueryError {
        QueryError(.syntaxError, "UnexpectedToken", "the \(what) is not closed", at: r)
    }

    static func invalidUnicodeEscape(_ r: SourceRange) -> QueryError {
        QueryError(.syntaxError, "InvalidUnicodeLiteral", "invalid unicode escape: \\u needs 4 hex digits, \\U 8", at: r)
    }

    static func unexpectedToken(found: String, expected: String, at r: SourceRange) -> QueryError {
        QueryError(.syntaxError, "UnexpectedToken", "expected \(expected), found \(found)", at: r)
    }

    static func tooDeep(at r: SourceRange) -> QueryError {
        QueryError(.syntaxError, "NestingTooDeep", "the expression is nested or chained too deeply (split it, or use a list with IN)", at: r)
    }

    static func unexpectedSyntax(_ what: String, at r: SourceRange) -> QueryError {
        QueryError(.syntaxError, "UnexpectedSyntax", what, at: r)
    }

    static func invalidParameterUse(at r: SourceRange) -> QueryError {
        QueryError(.syntaxError, "InvalidParameterUse", "a parameter cannot stand for the properties of a pattern in MATCH or MERGE; write {key: $param.key}", at: r)
    }

    static func unsupported(_ what: String, at r: SourceRange) -> QueryError {
        QueryError(.syntaxError, "UnsupportedFeature", "\(what) is not supported by Quarry", at: r)
    }

    static func integerOverflow(_ text: String, at r: SourceRange) -> QueryError {
        QueryError(.syntaxError, "IntegerOverflow", "\(text) does not fit in a 64-bit integer", at: r)
    }

    static func floatOverflow(_ text: String, at r: SourceRange) -> QueryError {
        QueryError(.syntaxError, "FloatingPointOverflow", "\(text) does not fit in a 64-bit float", at: r)
    }

    // MARK: Semantic errors (found before the query runs)

    static func undefinedVariable(_ name: String, at r: SourceRange, suggestion: String?) -> QueryError {
        QueryError(.syntaxError, "UndefinedVariable", "`\(name)` is not defined", at: r,
                   hint: suggestion.map { "did you mean `\($0)`?" })
    }

    static func variableAlreadyBound(_ name: String, at r: SourceRange) -> QueryError {
        QueryError(.syntaxError, "VariableAlreadyBound", "`\(name)` is already bound and cannot be declared again here", at: r)
    }

    static func relationshipUniquenessViolation(_ name: String, at r: SourceRange) -> QueryError {
        QueryError(.syntaxError, "RelationshipUniquenessViolation",
                   "`\(name)` cannot stand for two relationships of one pattern: a pattern never uses a relationship twice", at: r)
    }

    static func variableTypeConflict(_ name: String, was: String, now: String, at r: SourceRange) -> QueryError {
        QueryError(.syntaxError, "VariableTypeConflict", "`\(name)` is a \(was) and cannot be used as a \(now)", at: r)
    }

    static func unknownFunction(_ name: String, at r: SourceRange, suggestion: String?) -> QueryError {
        QueryError(.syntaxError, "UnknownFunction", "there is no function named \(name)()", at: r,
                   hint: suggestion.map { "did you mean \($0)()?" })
    }

    static func shadowedVariable(_ name: String, at r: SourceRange) -> QueryError {
        QueryError(.syntaxError, "VariableAlreadyBound",
                   "`\(name)` is a variable outside this CALL { }: import it (CALL (\(name)) { ... } or a first WITH \(name)) or use another name", at: r)
    }

    static func subqueryWrites(_ kind: String, at r: SourceRange) -> QueryError {
        QueryError(.syntaxError, "InvalidClauseComposition", "the \(kind) { } subquery only reads: it cannot create, merge, set, remove or delete", at: r)
    }

    static func collectNeedsOneColumn(got: Int, at r: SourceRange) -> QueryError {
        QueryError(.syntaxError, "InvalidClauseComposition",
                   "COLLECT { } must end with RETURN of exactly one column (it returns \(got))", at: r)
    }

    static func countUnionNeedsReturn(at r: SourceRange) -> QueryError {
        QueryError(.syntaxError, "InvalidClauseComposition",
                   "COUNT { } with UNION needs RETURN in every part, to tell rows apart (UNION ALL counts them without one)", at: r)
    }

    static func unknownProcedure(_ name: String, at r: SourceRange, suggestion: String?) -> QueryError {
        QueryError(.procedureError, "ProcedureNotFound", "there is no procedure named \(name) (CALL dbms.procedures() lists them)", at: r,
                   hint: suggestion.map { "did you mean \($0)?" })
    }

    static func wrongProcedureArguments(_ name: String, takes: Int, signature: String, got: Int, at r: SourceRange) -> QueryError {
        QueryError(.syntaxError, "InvalidNumberOfArguments",
                   "\(name) takes \(takes == 0 ? "no" : String(takes)) argument\(takes == 1 ? "" : "s"), got \(got) (\(signature))", at: r)
    }

    static func missingProcedureArgument(_ name: String, procedure: String, at r: SourceRange) -> QueryError {
        QueryError(.parameterMissing, "MissingParameter",
                   "\(procedure) needs the argument \(name): give it in parentheses, or as the parameter $\(name)", at: r)
    }

    static func unknownYield(_ output: String, procedure: String, outputs: [String], at r: SourceRange) -> QueryError {
        QueryError(.syntaxError, "UndefinedVariable", "\(procedure) yields no \(output) (it yields \(outputs.joined(separator: ", ")))", at: r,
                   hint: closestName(to: output, in: outputs).map { "did you mean \($0)?" })
    }

    static func callNeedsYield(_ procedure: String, outputs: [String], at r: SourceRange) -> QueryError {
        QueryError(.syntaxError, "UnexpectedSyntax",
                   "a CALL inside a query names what it uses: CALL \(procedure)(...) YIELD \(outputs.joined(separator: ", "))", at: r)
    }

    static func wrongArgumentCount(_ name: String, expected: String, got: Int, at r: SourceRange) -> QueryError {
        QueryError(.syntaxError, "InvalidNumberOfArguments", "\(name)() takes \(expected) argument(s), got \(got)", at: r)
    }

    static func nestedAggregation(at r: SourceRange) -> QueryError {
        QueryError(.syntaxError, "NestedAggregation", "an aggregate function cannot contain another aggregate", at: r)
    }

    static func invalidAggregation(_ what: String, at r: SourceRange) -> QueryError {
        QueryError(.syntaxError, "InvalidAggregation", "aggregate functions are not allowed \(what)", at: r)
    }

    static func ambiguousAggregation(at r: SourceRange) -> QueryError {
        QueryError(.syntaxError, "AmbiguousAggregationExpression",
                   "this expression mixes an aggregate with values that are not grouping keys", at: r)
    }

    static func noExpressionAlias(at r: SourceRange) -> QueryError {
        QueryError(.syntaxError, "NoExpressionAlias", "an expression in WITH must be given a name with AS", at: r)
    }

    static func columnNameConflict(_ name: String, at r: SourceRange) -> QueryError {
        QueryError(.syntaxError, "ColumnNameConflict", "the column name `\(name)` is used twice", at: r)
    }

    static func noVariablesInScope(at r: SourceRange) -> QueryError {
        QueryError(.syntaxError, "NoVariablesInScope", "RETURN * / WITH * needs at least one variable in scope", at: r)
    }

    static func differentColumnsInUnion(at r: SourceRange) -> QueryError {
        QueryError(.syntaxError, "DifferentColumnsInUnion", "all parts of a UNION must return the same column names", at: r)
    }

    static func invalidClauseComposition(_ what: String, at r: SourceRange) -> QueryError {
        QueryError(.syntaxError, "InvalidClauseComposition", what, at: r)
    }

    static func missingReturn(at r: SourceRange) -> QueryError {
        QueryError(.syntaxError, "InvalidClauseComposition", "a query must end with RETURN or an updating clause", at: r)
    }

    static func requiresDirectedRelationship(at r: SourceRange) -> QueryError {
        QueryError(.syntaxError, "RequiresDirectedRelationship", "a relationship created by CREATE or MERGE needs a direction", at: r)
    }

    static func noSingleRelationshipType(at r: SourceRange) -> QueryError {
        QueryError(.syntaxError, "NoSingleRelationshipType", "a relationship created by CREATE or MERGE needs exactly one type", at: r)
    }

    static func creatingVariableLength(at r: SourceRange) -> QueryError {
        QueryError(.syntaxError, "CreatingVarLength", "a variable-length relationship cannot be created", at: r)
    }

    static func invalidDelete(at r: SourceRange) -> QueryError {
        QueryError(.syntaxError, "InvalidDelete", "DELETE takes nodes, relationships or paths, not this expression", at: r)
    }

    static func invalidArgumentType(_ what: String, at r: SourceRange) -> QueryError {
        QueryError(.syntaxError, "InvalidArgumentType", what, at: r)
    }

    static func nonConstantExpression(_ what: String, at r: SourceRange) -> QueryError {
        QueryError(.syntaxError, "NonConstantExpression", "\(what) must be a constant (a literal or a parameter)", at: r)
    }

    static func negativeIntegerArgument(_ what: String, at r: SourceRange) -> QueryError {
        QueryError(.syntaxError, "NegativeIntegerArgument", "\(what) must not be negative", at: r)
    }

    static func invalidIntegerArgument(_ what: String, at r: SourceRange) -> QueryError {
        QueryError(.syntaxError, "InvalidArgumentType", "\(what) must be an integer", at: r)
    }

    static func unknownIndex(_ what: String, at r: SourceRange) -> QueryError {
        QueryError(.semanticError, "IndexNotFound", "there is no index \(what)", at: r)
    }

    // MARK: Errors while running

    static func missingParameter(_ name: String, at r: SourceRange) -> QueryError {
        QueryError(.parameterMissing, "MissingParameter", "the parameter $\(name) has no value (set it with :param or --param)", at: r)
    }

    /// `toInteger([])`: a value of a type the conversion does not take (openCypher: a TypeError
    /// with the code InvalidArgumentValue).
    static func cannotConvert(_ function: String, _ v: Value, at r: SourceRange? = nil) -> QueryError {
        QueryError(.typeError, "InvalidArgumentValue", "\(function)() cannot convert a \(v.typeName)", at: r)
    }

    static func typeMismatch(_ what: String, got: Value, at r: SourceRange? = nil) -> QueryError {
        QueryError(.typeError, "InvalidArgumentType", "\(what), got \(got.typeName)", at: r)
    }

    static func propertyTypeMismatch(_ got: Value, at r: SourceRange? = nil) -> QueryError {
        QueryError(.typeError, "InvalidPropertyType", "a property cannot hold a \(got.typeName)", at: r)
    }

    static func overflow(_ what: String, at r: SourceRange? = nil) -> QueryError {
        QueryError(.arithmeticError, "IntegerOverflow", "\(what) overflows a 64-bit integer", at: r)
    }

    static func divisionByZero(at r: SourceRange? = nil) -> QueryError {
        QueryError(.arithmeticError, "DivisionByZero", "integer division by zero", at: r)
    }

    static func invalidArgument(_ what: String, at r: SourceRange? = nil) -> QueryError {
        QueryError(.argumentError, "InvalidArgumentValue", what, at: r)
    }

    static func invalidArgumentValueType(_ what: String, got: Value, at r: SourceRange? = nil) -> QueryError {
        QueryError(.argumentError, "InvalidArgumentType", "\(what), got \(got.typeName)", at: r)
    }

    static func numberOutOfRange(_ what: String, at r: SourceRange? = nil) -> QueryError {
        QueryError(.argumentError, "NumberOutOfRange", what, at: r)
    }

    static func deleteConnectedNode(at r: SourceRange? = nil) -> QueryError {
        QueryError(.constraintVerificationFailed, "DeleteConnectedNode",
                   "cannot delete a node that still has relationships (use DETACH DELETE)", at: r)
    }

    static func deletedEntityAccess(at r: SourceRange? = nil) -> QueryError {
        QueryError(.entityNotFound, "DeletedEntityAccess", "the node or relationship was deleted earlier in this query", at: r)
    }

    static func mergeReadOwnWrites(at r: SourceRange? = nil) -> QueryError {
        QueryError(.semanticError, "MergeReadOwnWrites", "MERGE cannot use a null property value", at: r)
    }

    static func invalidRegex(_ pattern: String, _ reason: RegexSyntaxError, at r: SourceRange? = nil) -> QueryError {
        QueryError(.argumentError, "InvalidRegex",
                   "'\(pattern)' is not a valid regular expression: \(reason.message) at character \(reason.offset + 1)", at: r)
    }

    static func dateOutOfRange(_ text: String, at r: SourceRange? = nil) -> QueryError {
        QueryError(.argumentError, "InvalidArgumentValue", "\(text) falls outside the dates Quarry holds (years -999,999,999 to 999,999,999)", at: r)
    }

    static func invalidDate(_ text: String, at r: SourceRange? = nil) -> QueryError {
        QueryError(.argumentError, "InvalidArgumentValue", "'\(text)' is not a valid date (expected YYYY-MM-DD)", at: r)
    }

    static func memoryLimitExceeded(_ limit: Int, at r: SourceRange? = nil) -> QueryError {
        QueryError(.runtimeError, "MemoryLimitExceeded",
                   "the statement needed more memory than the limit of \(MemoryGuard.describe(limit)) and was stopped; the graph is as it was (--memory-limit or :set memory-limit changes the limit)", at: r)
    }

    package static func sparkResultTooLarge(_ limit: Int, received: Int) -> QueryError {
        QueryError(.runtimeError, "MemoryLimitExceeded",
                   "the result from Spark would need more memory than the limit of \(MemoryGuard.describe(limit)) (\(MemoryGuard.describe(received)) received so far) and was stopped; "
                   + "aggregate it or add LIMIT, or change the limit (--memory-limit, :set memory-limit)")
    }

    static func nestedTooDeep(at r: SourceRange? = nil) -> QueryError {
        QueryError(.runtimeError, "NestingTooDeep",
                   "lists and maps nested more than \(Value.maximumNesting) deep; the statement was stopped and the graph is as it was", at: r)
    }

    public static func timedOut(_ seconds: Double) -> QueryError {
        QueryError(.runtimeError, "Timeout",
                   "the statement ran longer than the limit of \(seconds < 1 ? "\(Int(seconds * 1000)) ms" : "\(seconds) s") and was stopped; the graph is as it was (--timeout or :set timeout changes the limit)")
    }

    /// A broken invariant: a bug in Quarry, reported instead of crashing; the statement is rolled back.
    static func internalError(_ what: String, at r: SourceRange? = nil) -> QueryError {
        QueryError(.runtimeError, "InternalError", "\(what) (a bug in Quarry: the statement was stopped and the graph is as it was)", at: r)
    }

    public static func cancelled() -> QueryError {
        QueryError(.cancelled, "Interrupted", "the query was cancelled")
    }

    static func csv(_ what: String, file: String, line: Int, column: Int) -> QueryError {
        var e = QueryError(.importError, "MalformedFile", "\(file):\(line):\(column): \(what)")
        e.fileLocation = FileLocation(path: file, line: line, column: column)
        return e
    }

    static func file(_ what: String, path: String) -> QueryError {
        QueryError(.importError, "FileError", "\(path): \(what)")
    }

    // MARK: Scripts run by the engine

    /// A `:` command other than `:run` in a script run outside the shell.
    static func scriptCommand(_ command: String) -> QueryError {
        QueryError(.syntaxError, "ShellCommand", "\(command) is a command of the quarry shell; a script run by the engine has only statements and :run")
    }

    static func runTooDeep(_ depth: Int) -> QueryError {
        QueryError(.runtimeError, "RunTooDeep", "scripts run each other more than \(depth) deep (does one run itself?)")
    }

    static func outsideDatasetFolder(_ path: String) -> QueryError {
        QueryError(.runtimeError, "OutsideDataset", "\(path) is outside the dataset's folder: a dataset reads only its own files")
    }

    // MARK: Graph files and journals

    /// `case.quarry: cannot write: disk full`.
    static func storage(_ path: String, _ action: String, errno code: Int32) -> QueryError {
        storage(path, action, reason: SystemReason.text(code))
    }

    static func storage(_ path: String, _ action: String, reason: String) -> QueryError {
        QueryError(.storageError, "FileError", "\(path): \(action): \(reason)")
    }

    static func damagedFile(_ path: String, _ what: String) -> QueryError {
        QueryError(.storageError, "DamagedFile", "\(path): \(what)")
    }

    static func notGraphFile(_ path: String) -> QueryError {
        QueryError(.storageError, "NotAGraphFile", "\(path): not a Quarry graph file")
    }

    static func futureGraphFile(_ path: String, version: UInt32) -> QueryError {
        QueryError(.storageError, "UnsupportedVersion",
                   "\(path): written by a newer Quarry (format \(version); this one reads up to \(GraphFileFormat.version))")
    }

    static func fileLocked(_ path: String) -> QueryError {
        QueryError(.storageError, "FileLocked",
                   "\(path): another quarry has this graph open for writing (open it with --read-only to look without changing it)")
    }

    static func readOnlyGraph(_ path: String) -> QueryError {
        QueryError(.storageError, "ReadOnly", "\(path) is open read-only: the statement was not run (:save FILE keeps a copy you can change)")
    }

    static func groupSyncFailed(_ underlying: QueryError) -> QueryError {
        QueryError(.storageError, underlying.detail, underlying.message
                   + "; the statements since the last results shown are not in the graph file, and this session writes no more (open the file again to go on)")
    }

    static func journalFailed(_ underlying: QueryError) -> QueryError {
        QueryError(.storageError, underlying.detail, underlying.message + "; the statement was not applied and the graph is as it was")
    }
}
