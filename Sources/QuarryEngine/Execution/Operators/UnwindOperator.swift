/// UNWIND: one row per element of the list (a non-list value gives one row, null none).
/// `UNWIND range(a, b, step)` walks the integers without making the list, so the limit on the
/// length of a list `range()` makes does not apply to it (the statement's time limit and Ctrl-C do).
final class UnwindOperator: PipelineOperator {
    /// What is unwound: a list's value, or the bounds of `range()`.
    enum Source {
        case list(Evaluator)
        case integers(IntegerRange)
    }

    let source: Source
    let slot: Int
    let text: String
    @exclusivity(unchecked) var current: Row?
    @exclusivity(unchecked) var elements = Elements.values([], next: 0)

    init(_ ctx: ExecutionContext, _ input: PhysicalOperator, source: Source, slot: Int, text: String) {
        self.source = source
        self.slot = slot
        self.text = text
        super.init(ctx, input)
    }

    override func produce() throws(QueryError) -> Row? {
        while true {
            if let element = elements.next() {
                try ctx.tick()
                // Taken out, the row is not shared (the last one handed on has been let go), so
                // the element is written in place rather than into a copy per element.
                if var row = current.take() {
                    row[slot] = element
                    try fusedProjection?.apply(&row)
                    current = row
                    return row
                }
            }
            guard var row = try input.next() else { return nil }
            elements = try Self.elements(of: source, &row)
            current = row
        }
    }

    override func pushRows(_ body: (inout Row) throws(QueryError) -> Void) throws(QueryError) {
        let project = projectionToApply
        switch source {
        case .list(let list):
            try input.pushRows { (row: inout Row) throws(QueryError) in
                for element in Self.elements(of: try list(&row)) {
                    try ctx.tick()
                    row[slot] = element
                    try pass(&row, project, to: body)
                }
            }
        case .integers(let range):
            try input.pushRows { (row: inout Row) throws(QueryError) in
                guard var integers = try range.bounds(&row) else { return }
                while let i = integers.next() {
                    try ctx.tick()
                    row[slot] = .int(i)
                    try pass(&row, project, to: body)
                }
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

    /// The elements still to come for the row pulled last.
    enum Elements {
        case values([Value], next: Int)
        case integers(IntegerRange.Walk)

        mutating func next() -> Value? {
            switch self {
            case .values(let values, let next):
                guard next < values.count else { return nil }
                self = .values(values, next: next + 1)
                return values[next]
            case .integers(var walk):
                guard let i = walk.next() else { return nil }
                self = .integers(walk)
                return .int(i)
            }
        }
    }

    private static func elements(of source: Source, _ row: inout Row) throws(QueryError) -> Elements {
        switch source {
        case .list(let list): return .values(elements(of: try list(&row)), next: 0)
        case .integers(let range): return .integers(try range.bounds(&row) ?? .empty)
        }
    }

    override func reset() {
        current = nil
        elements = .values([], next: 0)
        super.reset()
    }

    override var keptRowSlots: [Int]? { [slot] }

    override var explanation: String { "Unwind \(text)" }
}

/// `range(from, to, step)` as UNWIND walks it: its arguments checked as the function checks them
/// (integers, a step other than 0; a null one gives no rows), then one integer at a time.
struct IntegerRange {
    let from: Evaluator
    let to: Evaluator
    let step: Evaluator?
    /// The call's place in the query, for its errors.
    let range: SourceRange

    /// The integers from `first` to `last` (inclusive) by `step`, stopping before an overflow.
    struct Walk {
        private var upcoming: Int64
        let last: Int64
        let step: Int64
        private var done: Bool

        init(first: Int64, last: Int64, step: Int64) {
            upcoming = first
            self.last = last
            self.step = step
            done = step > 0 ? first > last : first < last
        }

        /// No integers (a null argument).
        static let empty = Walk(first: 1, last: 0, step: 1)

        @inline(__always)
        mutating func next() -> Int64? {
            guard !done else { return nil }
            let i = upcoming
            let (n, overflow) = i.addingReportingOverflow(step)
            if overflow || (step > 0 ? n > last : n < last) { done = true } else { upcoming = n }
            return i
        }
    }

    /// The walk for this row's arguments (nil when one is null).
    func bounds(_ row: inout Row) throws(QueryError) -> Walk? {
        // All three computed first, as for any call.
        let a = try from(&row), b = try to(&row), c = try step?(&row)
        guard let lo = try Functions.rangeBound(a, at: range), let hi = try Functions.rangeBound(b, at: range) else { return nil }
        guard let c else { return Walk(first: lo, last: hi, step: 1) }
        guard let s = try Functions.rangeBound(c, at: range) else { return nil }
        guard s != 0 else { throw Functions.zeroRangeStep(at: range) }
        return Walk(first: lo, last: hi, step: s)
    }
}
