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
    init(_ ctx: ExecutionContext, _ input: PhysicalOperator, items: [(slot: Int, value: DirectEvaluator)], readSlots: Set<Int>, text: String) {
        let projection = RowProjection(items)
        if !items.isEmpty, let below = input as? PipelineOperator, let kept = below.keptRowSlots,
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
        if fused || projection.isEmpty { return try input.next() }
        guard var row = try input.next() else { return nil }
        try projection.apply(&row)
        return row
    }

    override func pushRows(_ body: (inout Row) throws(QueryError) -> Void) throws(QueryError) {
        // Taken into a local once: read from the projection per row, the closure would be
        // retained and released around every call.
        let project = fused || projection.isEmpty ? nil : projection.apply
        try input.pushRows { (row: inout Row) throws(QueryError) in
            try project?(&row)
            rowsProduced += 1
            try body(&row)
        }
    }

    override var explanation: String { "Projection \(text)" }
}

/// The items of a projection, applied to a row in place.
final class RowProjection {
    typealias Apply = (inout Row) throws(QueryError) -> Void
    /// All the items applied as one closure that holds each item's evaluator (called out of an
    /// array, each evaluator would be retained and released around every call). Every value of
    /// a row is computed before any is stored: an item may read a slot another one writes.
    let apply: Apply
    /// No item: nothing to apply.
    let isEmpty: Bool

    init(_ items: [(slot: Int, value: DirectEvaluator)]) {
        apply = Self.composed(items)
        isEmpty = items.isEmpty
    }

    private static func composed(_ items: [(slot: Int, value: DirectEvaluator)]) -> Apply {
        switch items.count {
        case 0:
            return { _ in }
        case 1:
            let slot = items[0].slot, value = items[0].value.evaluate
            return { (row: inout Row) throws(QueryError) in row[slot] = try value(&row) }
        default:
            let slots = items.map(\.slot)
            let compute = EvaluatorChain.into(items.map(\.value))
            // Kept between rows to save an allocation per row (in a class, not a captured
            // variable, whose every access would be checked for exclusivity).
            let buffer = ArgumentList(count: items.count)
            return { (row: inout Row) throws(QueryError) in
                try compute(&row, &buffer.values)
                for i in slots.indices { swap(&row[slots[i]], &buffer.values[i]) }
            }
        }
    }
}
