/// CALL of the procedures whose rows the files give (or that read no graph), as a relation
/// joined with every input row. Others (the graph algorithms) are refused by name.
extension SparkCompiler {
    func procedure(_ input: SparkRelation, _ call: ProcedureCall) throws(QueryError) -> SparkRelation {
        guard let procedure = ProcedureRegistry.lookup(call.name) else { throw Self.unsupported("the procedure \(call.name)", call.range) }
        let rows: String
        switch procedure.name {
        case "db.labels":
            rows = try distinctNames(schema.nodes.map { ($0.view, $0.label, "explode(_labels)") }, procedure)
        case "db.relationshipTypes":
            rows = try distinctNames(schema.relationships.map { ($0.view, $0.type, "_type") }, procedure)
        case "db.propertyKeys":
            rows = try values(keys.map { [.string($0)] }, procedure)
        case "dbms.functions":
            rows = try values(SystemProcedures.functionRows, procedure)
        case "dbms.procedures":
            rows = try values(SystemProcedures.procedureRows, procedure)
        default:
            throw Self.unsupported("the procedure \(procedure.name)", call.range)
        }
        var slots = input.slots
        var list = input.columns(keys: keys).map { "i.\($0)" }
        for (index, slot) in call.outputs {
            slots[slot] = .value(Self.type(procedure.outputs[index].type))
            list.append("p.o\(index) AS \(SparkSlot.column(slot))")
        }
        let from = input.sql.map { "(\($0)) i CROSS JOIN (\(rows)) p" } ?? "(\(rows)) p"
        return SparkRelation(sql: "SELECT \(list.isEmpty ? "1 AS _unit" : list.joined(separator: ", ")) FROM \(from)", slots: slots, order: input.order)
    }

    /// The labels (types) of the files: a file's own when it has a row, else each row's from
    /// its `:LABEL` (`:TYPE`) column, read by `perRow`.
    func distinctNames(_ files: [(view: String, own: String?, perRow: String)], _ procedure: Procedure) throws(QueryError) -> String {
        guard !files.isEmpty else { return try values([], procedure) }
        let parts = files.map { f in
            f.own.map { "SELECT \(SparkSQL.string($0)) AS o0 FROM (SELECT 1 FROM \(SparkSQL.name(f.view)) LIMIT 1) \(names.next())" }
                ?? "SELECT \(f.perRow) AS o0 FROM \(SparkSQL.name(f.view))"
        }
        return "SELECT DISTINCT o0 FROM (\(parts.joined(separator: " UNION ALL "))) \(names.next())"
    }

    /// Rows of values as an inline table with columns `o0`, `o1`, ... (none: no row, typed).
    func values(_ rows: [[Value]], _ procedure: Procedure) throws(QueryError) -> String {
        let x = expressions(.unit, Bindings(scope: [:]))
        let names = procedure.outputs.indices.map { "o\($0)" }
        guard !rows.isEmpty else {
            let columns = procedure.outputs.enumerated().map { "CAST(NULL AS \((Self.type($0.element.type) ?? .string).sql)) AS o\($0.offset)" }
            return "SELECT \(columns.joined(separator: ", ")) WHERE FALSE"
        }
        let tuples = try rows.map { row throws(QueryError) in "(" + (try row.map { v throws(QueryError) in try x.literal(v, SourceRange(0, 0)) }).joined(separator: ", ") + ")" }
        return "SELECT * FROM VALUES \(tuples.joined(separator: ", ")) AS v(\(names.joined(separator: ", ")))"
    }

    /// A procedure output's declared type as Spark's.
    static func type(_ name: String) -> SparkType? {
        switch name {
        case "STRING": .string
        case "INTEGER": .bigint
        case "FLOAT": .double
        case "BOOLEAN": .boolean
        case "LIST<STRING>": .array(.string)
        default: nil
        }
    }
}
