/// One SET or REMOVE item, compiled: changes the graph for one row.
typealias SetAction = (inout Row) throws(QueryError) -> Void

/// SET and REMOVE: applies the actions to each row in turn.
final class SetOperator: PipelineOperator {
    let actions: [SetAction]
    let text: String

    init(_ ctx: ExecutionContext, _ input: PhysicalOperator, actions: [SetAction], text: String) {
        self.actions = actions
        self.text = text
        super.init(ctx, input)
    }

    override func produce() throws(QueryError) -> Row? {
        guard var row = try input.next() else { return nil }
        try ctx.tick()
        for action in actions { try action(&row) }
        return row
    }

    override var explanation: String { text }
}
