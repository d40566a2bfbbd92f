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

    override var explanation: String { "Filter \(text)" }
}
