/// The leaf of every plan: yields one row, the argument of a nested plan or the empty first row.
final class ArgumentOperator: PhysicalOperator {
    @exclusivity(unchecked) var row: Row
    @exclusivity(unchecked) var done = false

    init(_ ctx: ExecutionContext, width: Int) {
        row = Row(repeating: .null, count: width)
        super.init(ctx)
    }

    override func produce() throws(QueryError) -> Row? {
        if done { return nil }
        done = true
        return row
    }

    override func reset() { done = false }

    override var explanation: String { "Argument" }
}
