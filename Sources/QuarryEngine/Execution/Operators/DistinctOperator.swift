/// Passes on the first row of each distinct combination of the values in `slots`.
final class DistinctOperator: PipelineOperator {
    let slots: [Int]
    var seen = Set<RowKey>()

    init(_ ctx: ExecutionContext, _ input: PhysicalOperator, slots: [Int]) {
        self.slots = slots
        super.init(ctx, input)
    }

    override func produce() throws(QueryError) -> Row? {
        while let row = try input.next() {
            try ctx.tick()
            if seen.insert(RowKey(slots.map { row[$0] })).inserted { return row }
        }
        return nil
    }

    override func reset() {
        seen = []
        super.reset()
    }

    override var explanation: String { "Distinct" }
}
