/// SKIP and LIMIT: the count is evaluated once, when the first row is asked for.
final class SkipLimitOperator: PipelineOperator {
    let skip: (Evaluator, SourceRange)?
    let limit: (Evaluator, SourceRange)?
    @exclusivity(unchecked) var skipCount = 0
    @exclusivity(unchecked) var limitCount = Int.max
    @exclusivity(unchecked) var started = false
    @exclusivity(unchecked) var produced = 0
    /// Set when updating clauses feed this operator.
    let drainsInput: Bool

    init(_ ctx: ExecutionContext, _ input: PhysicalOperator, skip: (Evaluator, SourceRange)?, limit: (Evaluator, SourceRange)?,
         drainsInput: Bool) {
        self.skip = skip
        self.drainsInput = drainsInput
        self.limit = limit
        super.init(ctx, input)
    }

    static func count(_ e: (Evaluator, SourceRange), _ what: String) throws(QueryError) -> Int {
        var empty: Row = []
        switch try e.0(&empty) {
        case .int(let i) where i >= 0: return Int(i)
        case .int: throw .negativeIntegerArgument(what, at: e.1)
        case _: throw .invalidIntegerArgument(what, at: e.1)
        }
    }

    override func produce() throws(QueryError) -> Row? {
        if !started {
            started = true
            if let skip { skipCount = try SkipLimitOperator.count(skip, "SKIP") }
            if let limit { limitCount = try SkipLimitOperator.count(limit, "LIMIT") }
            for _ in 0..<skipCount where try input.next() == nil { return nil }
        }
        guard produced < limitCount else {
            // Rows past the limit are not wanted, but the writes that make them still happen.
            if drainsInput { while try input.next() != nil {} }
            return nil
        }
        guard let row = try input.next() else { return nil }
        produced += 1
        return row
    }

    override func reset() {
        started = false
        produced = 0
        super.reset()
    }

    override var explanation: String { "SkipLimit" }
}
