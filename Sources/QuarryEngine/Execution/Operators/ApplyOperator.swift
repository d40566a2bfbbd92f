/// CALL { }: runs the inner plan on each input row; each inner row gives the input row with the
/// returned columns copied from it. A unit subquery (nothing returned) runs to its end and gives
/// the input row once.
final class ApplyOperator: PipelineOperator {
    let argument: ArgumentOperator
    let inner: PhysicalOperator
    let returnSlots: [Int]
    @exclusivity(unchecked) var current: Row?

    init(_ ctx: ExecutionContext, _ input: PhysicalOperator, argument: ArgumentOperator, inner: PhysicalOperator, returnSlots: [Int]) {
        self.argument = argument
        self.inner = inner
        self.returnSlots = returnSlots
        super.init(ctx, input)
    }

    override func produce() throws(QueryError) -> Row? {
        while true {
            if var row = current {
                if let innerRow = try inner.next() {
                    for s in returnSlots { row[s] = innerRow[s] }
                    return row
                }
                current = nil
                continue
            }
            guard let row = try input.next() else { return nil }
            argument.row = row
            inner.reset()
            if returnSlots.isEmpty {
                while try inner.next() != nil { try ctx.tick() }
                return row
            }
            current = row
        }
    }

    override func reset() {
        current = nil
        super.reset()
    }

    override var children: [PhysicalOperator] { [input, inner] }

    override var explanation: String { returnSlots.isEmpty ? "Apply (unit subquery)" : "Apply" }
}
