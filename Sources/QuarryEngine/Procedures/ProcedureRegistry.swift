/// A procedure callable with `CALL`: its signature, what it does, and its implementation, defined
/// together in one entry of the registry.
struct Procedure: Sendable {
    struct Field: Sendable {
        let name: String
        /// The openCypher type name shown in signatures (`STRING`, `LIST<STRING>`, `NODE`, ...).
        let type: String

        init(_ name: String, _ type: String) {
            self.name = name
            self.type = type
        }
    }

    let name: String
    let inputs: [Field]
    let outputs: [Field]
    let description: String
    /// The output columns for the given arguments (checked against `inputs`).
    let run: @Sendable (ProcedureContext, [Value]) throws(QueryError) -> ProcedureRows

    /// A procedure that makes its rows one by one, each of `outputs.count` values.
    init(name: String, inputs: [Field], outputs: [Field], description: String,
         run rows: @escaping @Sendable (ProcedureContext, [Value]) throws(QueryError) -> [[Value]]) {
        let width = outputs.count
        self.init(name: name, inputs: inputs, outputs: outputs, description: description, columns: { (p, args) throws(QueryError) in
            ProcedureRows(rows: try rows(p, args), width: width)
        })
    }

    /// A procedure that makes its output a column at a time (an algorithm's value per node:
    /// no array per row).
    init(name: String, inputs: [Field], outputs: [Field], description: String,
         columns: @escaping @Sendable (ProcedureContext, [Value]) throws(QueryError) -> ProcedureRows) {
        self.name = name
        self.inputs = inputs
        self.outputs = outputs
        self.description = description
        run = columns
    }

    /// `db.labels() :: (label :: STRING)`.
    var signature: String {
        "\(name)(\(inputs.map { "\($0.name) :: \($0.type)" }.joined(separator: ", "))) :: ("
            + outputs.map { "\($0.name) :: \($0.type)" }.joined(separator: ", ") + ")"
    }
}

/// What a procedure returns: one array per output column, each with a value per row.
struct ProcedureRows {
    let columns: [ProcedureColumn]
    let count: Int

    init(columns: [ProcedureColumn]) {
        self.columns = columns
        count = columns.first?.count ?? 0
    }

    init(rows: [[Value]], width: Int) {
        columns = (0..<width).map { c in .values(rows.map { c < $0.count ? $0[c] : .null }) }
        count = rows.count
    }
}

/// One output of a procedure, a value per result: numbers and nodes stay unboxed until a row
/// (or an aggregate that needs a `Value`) reads them.
enum ProcedureColumn {
    case values([Value])
    case floats([Double])
    case integers([Int64])
    case nodes([NodeID])

    var count: Int {
        switch self {
        case .values(let v): return v.count
        case .floats(let v): return v.count
        case .integers(let v): return v.count
        case .nodes(let v): return v.count
        }
    }

    subscript(i: Int) -> Value {
        switch self {
        case .values(let v): return v[i]
        case .floats(let v): return .float(v[i])
        case .integers(let v): return .int(v[i])
        case .nodes(let v): return .node(v[i])
        }
    }

    /// No result has null here.
    var hasNoNull: Bool {
        if case .values(let v) = self { return !v.contains(where: \.isNull) }
        return true
    }
}

/// What a procedure may use: the graph the statement reads, and the limits and cancellation.
struct ProcedureContext {
    let ctx: ExecutionContext
    var graph: Graph { ctx.graph }

    /// Checks for Ctrl-C and the statement's limits; call it in long loops.
    func tick() throws(QueryError) { try ctx.tick() }
}

/// Every procedure, by lowercased name: the one place one is defined.
package enum ProcedureRegistry {
    static let all: [String: Procedure] = Dictionary(
        (DatabaseProcedures.all + SystemProcedures.all + AlgorithmProcedures.all).map { ($0.name.lowercased(), $0) }, uniquingKeysWith: { first, _ in first })

    static func lookup(_ name: String) -> Procedure? { all[name.lowercased()] }

    /// The procedures as `(name, signature, description)`, sorted by name (for `:help procedures`).
    package static var listing: [(name: String, signature: String, description: String)] {
        all.values.sorted { $0.name < $1.name }.map { ($0.name, $0.signature, $0.description) }
    }
}
