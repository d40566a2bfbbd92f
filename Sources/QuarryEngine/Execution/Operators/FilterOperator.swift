/// Keeps the rows for which the predicate is true (not false, not null).
final class FilterOperator: PipelineOperator {
    let predicate: Evaluator
    let text: String

    init(_ ctx: ExecutionContext, _ input: PhysicalOperator, predicate: @escaping Evaluator, text: String) {
        self.predicate = predicate
        self.text = text
        super.init(ctx, input)
    }

    override func produce() throws(QueryError) -> Row? {
        while var row = try input.next() {
            if case .bool(true) = try predicate(&row) { return row }
            try ctx.tick()
        }
        return nil
    }

    override func pushRows(_ body: (inout Row) throws(QueryError) -> Void) throws(QueryError) {
        try input.pushRows { (row: inout Row) throws(QueryError) in
            try ctx.tick()
            guard case .bool(true) = try predicate(&row) else { return }
            rowsProduced += 1
            try body(&row)
        }
    }

    override var explanation: String { "Filter \(text)" }
}
