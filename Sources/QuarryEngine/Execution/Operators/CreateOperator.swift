/// CREATE: for each input row, creates the pattern's new nodes and relationships.
final class CreateOperator: PipelineOperator {
    let patterns: [CreatePatternSpec]
    let text: String

    init(_ ctx: ExecutionContext, _ input: PhysicalOperator, patterns: [CreatePatternSpec], text: String) {
        self.patterns = patterns
        self.text = text
        super.init(ctx, input)
    }

    override func produce() throws(QueryError) -> Row? {
        guard var row = try input.next() else { return nil }
        try ctx.tick()
        for p in patterns { try ctx.create(p, in: &row) }
        return row
    }

    override var explanation: String { "Create \(text)" }
}
