/// CALL: for each input row, runs the procedure on the evaluated arguments and hands on one row
/// per result, with the yielded outputs in their slots.
final class ProcedureCallOperator: PipelineOperator {
    let procedure: Procedure
    let arguments: [Evaluator]
    let outputs: [(index: Int, slot: Int)]
    let range: SourceRange
    let text: String
    @exclusivity(unchecked) var current: Row?
    @exclusivity(unchecked) var results = ProcedureRows(columns: [])
    @exclusivity(unchecked) var position = 0

    init(_ ctx: ExecutionContext, _ input: PhysicalOperator, procedure: Procedure, arguments: [Evaluator],
         outputs: [(index: Int, slot: Int)], range: SourceRange, text: String) {
        self.procedure = procedure
        self.arguments = arguments
        self.outputs = outputs
        self.range = range
        self.text = text
        super.init(ctx, input)
    }

    override func produce() throws(QueryError) -> Row? {
        while true {
            if position < results.count, var row = current.take() {
                // Taken out, the row is not shared (the last one handed on has been let go),
                // so the outputs are written in place rather than into a copy per result.
                for o in outputs where o.index < results.columns.count { row[o.slot] = results.columns[o.index][position] }
                position += 1
                current = row
                return row
            }
            guard var row = try input.next() else { return nil }
            var values: [Value] = []
            for a in arguments { values.append(try a(&row)) }
            results = try placed(at: range) { () throws(QueryError) in try procedure.run(ProcedureContext(ctx: ctx), values) }
            current = row
            position = 0
        }
    }

    override func reset() {
        current = nil
        results = ProcedureRows(columns: [])
        position = 0
        super.reset()
    }

    override var explanation: String { "ProcedureCall \(text)" }
}
