/// Computes expressions into slots.
///
/// Right above an operator that keeps the row it hands on (a scan, a seek, an expansion, an
/// unwind: they write the next row into the same one), the projection is done by that operator,
/// on its row, before it hands it on (decided in `init`): done here, the first write would copy
/// the row the operator below still holds, once per row. This operator then only passes rows on.
final class ProjectOperator: PipelineOperator {
    let projection: RowProjection
    let text: String
    /// Done by the operator below (see the type's comment).
    let fused: Bool

    /// `readSlots`: every slot the items' expressions could read. The projection is handed to the
    /// operator below when that one keeps its rows and the projection writes no slot that either
    /// of them reads or that operator writes.
    init(_ ctx: ExecutionContext, _ input: PhysicalOperator, items: [(slot: Int, value: Evaluator)], readSlots: Set<Int>, text: String) {
        let projection = RowProjection(items)
        if let below = input as? PipelineOperator, let kept = below.keptRowSlots,
           items.allSatisfy({ !readSlots.contains($0.slot) && !kept.contains($0.slot) }) {
            below.fusedProjection = projection
            fused = true
        } else {
            fused = false
        }
        self.projection = projection
        self.text = text
        super.init(ctx, input)
    }

    override func produce() throws(QueryError) -> Row? {
        if fused { return try input.next() }
        guard var row = try input.next() else { return nil }
        try projection.apply(&row)
        return row
    }

    override func pushRows(_ body: (inout Row) throws(QueryError) -> Void) throws(QueryError) {
        try input.pushRows { (row: inout Row) throws(QueryError) in
            if !fused { try projection.apply(&row) }
            rowsProduced += 1
            try body(&row)
        }
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
