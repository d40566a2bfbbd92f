/// `dbms.*`: what the language offers (functions and procedures).
enum SystemProcedures {
    static let all: [Procedure] = [
        Procedure(name: "dbms.functions", inputs: [],
                  outputs: [.init("name", "STRING"), .init("signature", "STRING"), .init("description", "STRING"),
                            .init("aggregating", "BOOLEAN")],
                  description: "The functions, with the arguments they take.") { _, _ throws(QueryError) in
            functionRows
        },
        Procedure(name: "dbms.procedures", inputs: [],
                  outputs: [.init("name", "STRING"), .init("signature", "STRING"), .init("description", "STRING"), .init("mode", "STRING")],
                  description: "The procedures CALL can run.") { _, _ throws(QueryError) in
            procedureRows
        },
    ]

    /// The rows of these procedures, which read no graph (the Spark back end gives them too).
    static var functionRows: [[Value]] {
        FunctionCatalog.entries.values.sorted { $0.name.lowercased() < $1.name.lowercased() }.map {
            [.string($0.name), .string($0.signature), .string($0.summary), .bool($0.isAggregate)]
        }
    }

    static var procedureRows: [[Value]] {
        ProcedureRegistry.listing.map { [.string($0.name), .string($0.signature), .string($0.description), .string("READ")] }
    }
}
