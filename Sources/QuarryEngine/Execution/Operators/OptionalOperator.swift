/// OPTIONAL MATCH: runs the inner plan on each input row; when it finds nothing, passes the row
/// on with the inner plan's new variables set to null.
final class OptionalOperator: PipelineOperator {
    let argument: ArgumentOperator
    let inner: PhysicalOperator
    let nullSlots: [Int]
    @exclusivity(unchecked) var active = false
    @exclusivity(unchecked) var matchedAny = false
    @exclusivity(unchecked) var current: Row?

    init(_ ctx: ExecutionContext, _ input: PhysicalOperator, argument: ArgumentOperator, inner: PhysicalOperator, nullSlots: [Int]) {
        self.argument = argument
        self.inner = inner
        self.nullSlots = nullSlots
        super.init(ctx, input)
    }

    override func produce() throws(QueryError) -> Row? {
        while true {
            if active {
                if let row = try inner.next() {
                    matchedAny = true
                    return row
                }
                active = false
                if !matchedAny, var row = current {
                    for s in nullSlots { row[s] = .null }
                    return row
                }
            }
            guard let row = try input.next() else { return nil }
            current = row
            argument.row = row
            inner.reset()
            active = true
            matchedAny = false
        }
    }

    override func reset() {
        active = false
        super.reset()
    }

    override var children: [PhysicalOperator] { [input, inner] }

    override var explanation: String { "Optional" }
}
