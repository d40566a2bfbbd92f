/// UNION ALL: the rows of each branch in turn (UNION adds a DistinctOperator on top).
final class UnionOperator: PhysicalOperator {
    let branches: [PhysicalOperator]
    @exclusivity(unchecked) var current = 0

    init(_ ctx: ExecutionContext, branches: [PhysicalOperator]) {
        self.branches = branches
        super.init(ctx)
    }

    override func produce() throws(QueryError) -> Row? {
        while current < branches.count {
            if let row = try branches[current].next() { return row }
            current += 1
            // Branches inside a subquery share its argument: each starts it afresh.
            if current < branches.count { branches[current].reset() }
        }
        return nil
    }

    override func reset() {
        current = 0
        super.reset()
    }

    override var children: [PhysicalOperator] { branches }

    override var explanation: String { "Union" }
}
