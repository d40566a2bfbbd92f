/// Passes on the first row of each distinct combination of the values in `slots`.
final class DistinctOperator: PipelineOperator {
    let slots: [Int]
    @exclusivity(unchecked) var seen = Set<RowKey>()
    /// One slot (the usual case): its values, without an array per row.
    @exclusivity(unchecked) var seenValues = Set<GroupKey>()

    init(_ ctx: ExecutionContext, _ input: PhysicalOperator, slots: [Int]) {
        self.slots = slots
        super.init(ctx, input)
    }

    override func produce() throws(QueryError) -> Row? {
        while let row = try input.next() {
            try ctx.tick()
            if slots.count == 1 {
                if seenValues.insert(GroupKey(row[slots[0]])).inserted { return row }
            } else if seen.insert(RowKey(slots.map { row[$0] })).inserted {
                return row
            }
        }
        return nil
    }

    override func reset() {
        seen = []
        seenValues = []
        super.reset()
    }

    override var explanation: String { "Distinct" }
}
