import Foundation

extension Database {
    /// A read-only statement as one Spark SQL query over the views of `schema`
    /// (`SparkGraphSchema.registration`). Parameters are written into the SQL as literals.
    /// A shortest path is searched for while compiling, with queries `run` answers.
    public static func sparkStatement(_ text: String, schema: SparkGraphSchema, parameters: [String: Value] = [:],
                                      run: SparkQueryRunner? = nil) throws(QueryError) -> SparkStatement {
        var parser = try Parser(text)
        guard case .query(let query, let mode) = try parser.parseStatement() else {
            throw SparkCompiler.unsupported("an index command (Spark reads the files as they are)")
        }
        if mode == .profile { throw SparkCompiler.unsupported("PROFILE", instead: "EXPLAIN shows the SQL and Spark's plan") }
        let checked = try Analyzer.analyze(query)
        let planner = LogicalPlanner(query: checked)
        // A write is refused at its first writing clause.
        if checked.isUpdating, let write = checked.parts.lazy.flatMap(\.clauses).first(where: planner.isUpdate) {
            throw SparkCompiler.unsupported(SparkCompiler.writing, write.clause.range)
        }
        let plan = planner.plan()
        // Every key of the files: Spark drops the columns a query does not read.
        let keys = Set(schema.nodes.flatMap { $0.properties.map(\.name) } + schema.relationships.flatMap { $0.properties.map(\.name) }).sorted()
        var statement = try SparkCompiler(schema: schema, parameters: parameters, keys: keys, unreferenced: unreferencedNames(parser.tokens),
                                          subqueries: plan.subqueries, run: run).compile(plan)
        statement.explain = mode == .explain
        return statement
    }
}

extension Database {
    /// The names that occur once in the statement, so that a pattern naming one never reads it
    /// again (none when `RETURN *` or `WITH *` could): a node so named is as good as anonymous.
    /// Any other use of the name (a property key, a map key spelled the same) keeps it out.
    static func unreferencedNames(_ tokens: [Token]) -> Set<String> {
        var counts: [String: Int] = [:]
        for (i, t) in tokens.enumerated() {
            if t.isSymbol("*"), i > 0, tokens[i - 1].isKeyword("RETURN") || tokens[i - 1].isKeyword("WITH") || tokens[i - 1].isKeyword("DISTINCT") { return [] }
            if t.isName { counts[t.text, default: 0] += 1 }
        }
        return Set(counts.filter { $0.value == 1 }.keys)
    }
}

extension Database {
    /// The rows of Arrow streams, as they are.
    public static func sparkRows(_ batches: [[UInt8]]) throws(QueryError) -> [[Value]] {
        var rows: [[Value]] = []
        for batch in batches { rows += try ArrowStreamReader.read(batch).rows }
        return rows
    }

    /// EXPLAIN on Spark: the SQL a statement became, then the plan Spark made of it.
    public static func sparkExplanation(_ statement: SparkStatement, plan: [[Value]]) -> QueryResult {
        let text = plan.compactMap { $0.first.flatMap { if case .string(let s) = $0 { s } else { nil } } }.joined(separator: "\n")
        return QueryResult(columns: [], rows: [], statistics: WriteStatistics(), elements: ResultElements(),
                           message: "Spark SQL:\n\(statement.sql)\n\n\(text.trimmingCharacters(in: .newlines))\n")
    }

    /// The rows of a statement run on Spark, from the Arrow streams of its result.
    public static func sparkResult(_ statement: SparkStatement, batches: [[UInt8]], schema: SparkGraphSchema) throws(QueryError) -> QueryResult {
        var rows = try sparkRows(batches)
        var entities = SparkEntities(schema: schema)
        for r in rows.indices {
            for c in rows[r].indices { rows[r][c] = try entities.decode(rows[r][c]) }
        }
        return QueryResult(columns: statement.columns, rows: rows, statistics: WriteStatistics(), elements: entities.elements)
    }
}

extension Database {
    /// Spark's error as the error class Cypher has for it: what the compiled query raises itself
    /// (`SparkExpressions.raise`) keeps its class and detail; Spark's type mismatches are type
    /// errors, its overflows and divisions by zero arithmetic errors.
    public static func sparkError(_ message: String) -> QueryError {
        if let marker = message.range(of: SparkExpressions.raisedMarker) {
            let parts = message[marker.upperBound...].split(separator: ":", maxSplits: 2).map { $0.trimmingCharacters(in: .whitespaces) }
            if parts.count == 3, let errorClass = ErrorClass(rawValue: parts[0]) {
                let text = parts[2].components(separatedBy: " SQLSTATE").first ?? parts[2]
                return QueryError(errorClass, parts[1], text.trimmingCharacters(in: CharacterSet(charactersIn: " .'\"")))
            }
        }
        for (code, errorClass, detail) in [("DATATYPE_MISMATCH", ErrorClass.typeError, "SparkTypeMismatch"), ("CAST_INVALID_INPUT", .typeError, "SparkInvalidCast"),
                                           ("ARITHMETIC_OVERFLOW", .arithmeticError, "SparkOverflow"), ("DIVIDE_BY_ZERO", .arithmeticError, "SparkDivisionByZero")]
        where message.contains(code) {
            return QueryError(errorClass, detail, "Spark: \(message)")
        }
        return QueryError(.runtimeError, "SparkError", "Spark: \(message)")
    }
}
