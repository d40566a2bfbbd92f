/// ORDER BY: sorts all input rows by the keys (stable), keeping only the first `limit` when the
/// planner knows how many will be wanted.
final class SortOperator: PipelineOperator {
    let keys: [(value: Evaluator, descending: Bool)]
    let text: String
    var sorted: [Row]?
    var position = 0

    init(_ ctx: ExecutionContext, _ input: PhysicalOperator, keys: [(value: Evaluator, descending: Bool)], text: String) {
        self.keys = keys
        self.text = text
        super.init(ctx, input)
    }

    override func produce() throws(QueryError) -> Row? {
        if sorted == nil {
            // Sorts positions, not rows: swapping two integers is cheaper than swapping rows.
            var rows: [Row] = []
            var values: [Value] = []
            while var row = try input.next() {
                try ctx.tick()
                for key in keys { values.append(try key.value(&row)) }
                rows.append(row)
            }
            let descending = keys.map(\.descending)
            let width = keys.count
            var order = Array(rows.indices)
            values.withUnsafeBufferPointer { v in
                order.sort { a, b in
                    for (j, desc) in descending.enumerated() {
                        let c = Value.orderCompare(v[a * width + j], v[b * width + j])
                        if c != 0 { return desc ? c > 0 : c < 0 }
                    }
                    return a < b
                }
            }
            sorted = order.map { rows[$0] }
            position = 0
        }
        guard position < sorted!.count else { return nil }
        position += 1
        return sorted![position - 1]
    }

    override func reset() {
        sorted = nil
        super.reset()
    }

    override var explanation: String { "Sort \(text)" }
}
