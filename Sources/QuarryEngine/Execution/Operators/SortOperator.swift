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
            var keyed: [([Value], Int, Row)] = []
            var i = 0
            while var row = try input.next() {
                try ctx.tick()
                var k: [Value] = []
                for key in keys { k.append(try key.value(&row)) }
                keyed.append((k, i, row))
                i += 1
            }
            let descending = keys.map(\.descending)
            keyed.sort { a, b in
                for (j, desc) in descending.enumerated() {
                    let c = Value.orderCompare(a.0[j], b.0[j])
                    if c != 0 { return desc ? c > 0 : c < 0 }
                }
                return a.1 < b.1
            }
            sorted = keyed.map(\.2)
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
