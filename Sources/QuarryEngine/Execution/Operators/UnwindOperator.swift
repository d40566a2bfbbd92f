/// UNWIND: one row per element of the list (a non-list value gives one row, null none).
final class UnwindOperator: PipelineOperator {
    let list: Evaluator
    let slot: Int
    let text: String
    @exclusivity(unchecked) var current: Row?
    @exclusivity(unchecked) var elements: [Value] = []
    @exclusivity(unchecked) var position = 0

    init(_ ctx: ExecutionContext, _ input: PhysicalOperator, list: @escaping Evaluator, slot: Int, text: String) {
        self.list = list
        self.slot = slot
        self.text = text
        super.init(ctx, input)
    }

    override func produce() throws(QueryError) -> Row? {
        while true {
            if position < elements.count {
                try ctx.tick()
                // Taken out, the row is not shared (the last one handed on has been let go), so
                // the element is written in place rather than into a copy per element.
                if var row = current.take() {
                    row[slot] = elements[position]
                    position += 1
                    try fusedProjection?.apply(&row)
                    current = row
                    return row
                }
            }
            guard var row = try input.next() else { return nil }
            elements = Self.elements(of: try list(&row))
            current = row
            position = 0
        }
    }

    override func pushRows(_ body: (inout Row) throws(QueryError) -> Void) throws(QueryError) {
        try input.pushRows { (row: inout Row) throws(QueryError) in
            for element in Self.elements(of: try list(&row)) {
                try ctx.tick()
                row[slot] = element
                try pass(&row, to: body)
            }
        }
    }

    /// What UNWIND gives of a value: a list's elements, null nothing, anything else itself.
    static func elements(of v: Value) -> [Value] {
        switch v {
        case .null: return []
        case .list(let l): return l
        default: return [v]
        }
    }

    override func reset() {
        current = nil
        elements = []
        super.reset()
    }

    override var keptRowSlots: [Int]? { [slot] }

    override var explanation: String { "Unwind \(text)" }
}
