/// Computes expressions into slots.
///
/// Right above an operator that keeps the row it hands on (a scan, a seek, an expansion, an
/// unwind: they write the next row into the same one), the projection is done by that operator,
/// on its row, before it hands it on (`fuse`): done here, the first write would copy the row the
/// operator below still holds, once per row. This operator then only passes the rows on.
final class ProjectOperator: PipelineOperator {
    let projection: RowProjection
    let text: String
    private var fused = false

    init(_ ctx: ExecutionContext, _ input: PhysicalOperator, items: [(slot: Int, value: Evaluator)], text: String) {
        projection = RowProjection(items)
        self.text = text
        super.init(ctx, input)
    }

    /// Hands the projection to the operator below when it keeps its rows and the projection
    /// writes only slots that neither it nor the projection's own expressions read (`readSlots`:
    /// every slot the expressions could read).
    func fuse(readSlots: Set<Int>) {
        guard let below = input as? PipelineOperator, let kept = below.keptRowSlots else { return }
        let written = projection.items.map(\.slot)
        guard written.allSatisfy({ !readSlots.contains($0) && !kept.contains($0) }) else { return }
        below.fusedProjection = projection
        fused = true
    }

    override func produce() throws(QueryError) -> Row? {
        if fused { return try input.next() }
        guard var row = try input.next() else { return nil }
        try projection.apply(&row)
        return row
    }

    override var explanation: String { "Projection \(text)" }
}

/// The items of a projection, applied to a row in place.
final class RowProjection {
    let items: [(slot: Int, value: Evaluator)]
    /// The values of one row, computed before any is stored (an item may read a slot another
    /// one writes), then swapped into the row; kept between rows to save an allocation per row.
    @exclusivity(unchecked) private var values: [Value]

    init(_ items: [(slot: Int, value: Evaluator)]) {
        self.items = items
        values = Array(repeating: .null, count: items.count)
    }

    @inline(__always)
    func apply(_ row: inout Row) throws(QueryError) {
        if items.count == 1 {
            // One item: nothing else can read what it writes.
            row[items[0].slot] = try items[0].value(&row)
            return
        }
        for i in items.indices { values[i] = try items[i].value(&row) }
        for i in items.indices { swap(&row[items[i].slot], &values[i]) }
    }
}
