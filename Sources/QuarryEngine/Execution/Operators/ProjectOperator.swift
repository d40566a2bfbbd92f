/// Computes expressions into slots.
final class ProjectOperator: PipelineOperator {
    let items: [(slot: Int, value: Evaluator)]
    let text: String

    init(_ ctx: ExecutionContext, _ input: PhysicalOperator, items: [(slot: Int, value: Evaluator)], text: String) {
        self.items = items
        self.text = text
        super.init(ctx, input)
    }

    /// The values of one row, computed before any is stored (an item may read a slot another
    /// one writes); kept between rows to save an allocation per row.
    @exclusivity(unchecked) private var values: [Value] = []

    override func produce() throws(QueryError) -> Row? {
        guard var row = try input.next() else { return nil }
        values.removeAll(keepingCapacity: true)
        for item in items { values.append(try item.value(&row)) }
        for (i, item) in items.enumerated() { row[item.slot] = values[i] }
        return row
    }

    override var explanation: String { "Projection \(text)" }
}
