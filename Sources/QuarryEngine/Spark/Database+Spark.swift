extension Database {
    /// A read-only statement as one Spark SQL query over the views of `schema`
    /// (`SparkGraphSchema.registration`). Parameters are written into the SQL as literals.
    /// A shortest path is searched for while compiling, with queries `run` answers.
    public static func sparkStatement(_ text: String, schema: SparkGraphSchema, parameters: [String: Value] = [:],
                                      run: SparkQueryRunner? = nil) throws(QueryError) -> SparkStatement {
        guard case .query(let query, let mode) = try Parser.parse(text) else {
            throw SparkCompiler.unsupported("an index command (Spark reads the files as they are)")
        }
        if mode != .normal { throw SparkCompiler.unsupported("EXPLAIN and PROFILE") }
        let checked = try Analyzer.analyze(query)
        let plan = LogicalPlanner(query: checked).plan()
        // Every key of the files: Spark drops the columns a query does not read.
        let keys = Set(schema.nodes.flatMap { $0.properties.map(\.name) } + schema.relationships.flatMap { $0.properties.map(\.name) }).sorted()
        return try SparkCompiler(schema: schema, parameters: parameters, keys: keys, subqueries: plan.subqueries, run: run).compile(plan)
    }
}

extension Database {
    /// The rows of Arrow streams, as they are.
    public static func sparkRows(_ batches: [[UInt8]]) throws(QueryError) -> [[Value]] {
        var rows: [[Value]] = []
        for batch in batches { rows += try ArrowStreamReader.read(batch).rows }
        return rows
    }

    /// The rows of a statement run on Spark, from the Arrow streams of its result.
    public static func sparkResult(_ statement: SparkStatement, batches: [[UInt8]], schema: SparkGraphSchema) throws(QueryError) -> QueryResult {
        var rows: [[Value]] = []
        var entities = SparkEntities(schema: schema)
        for batch in batches {
            for row in try ArrowStreamReader.read(batch).rows {
                var decoded: [Value] = []
                decoded.reserveCapacity(row.count)
                for v in row { decoded.append(try entities.decode(v)) }
                rows.append(decoded)
            }
        }
        return QueryResult(columns: statement.columns, rows: rows, statistics: WriteStatistics(), elements: entities.elements)
    }
}
