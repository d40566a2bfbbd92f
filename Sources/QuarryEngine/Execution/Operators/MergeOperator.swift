/// MERGE: for each input row, the rows where the pattern matches (after ON MATCH SET), or, when
/// it matches nowhere, the row with the pattern created (after ON CREATE SET).
final class MergeOperator: PipelineOperator {
    let argument: ArgumentOperator
    let matcher: PhysicalOperator
    let pattern: CreatePatternSpec
    let onCreate: [SetAction]
    let onMatch: [SetAction]
    /// Property values of the pattern: MERGE cannot match or create a null.
    let requiredValues: [Evaluator]
    let text: String
    @exclusivity(unchecked) var matched: [Row] = []
    @exclusivity(unchecked) var position = 0

    init(_ ctx: ExecutionContext, _ input: PhysicalOperator, argument: ArgumentOperator, matcher: PhysicalOperator,
         pattern: CreatePatternSpec, onCreate: [SetAction], onMatch: [SetAction], requiredValues: [Evaluator], text: String) {
        self.argument = argument
        self.matcher = matcher
        self.pattern = pattern
        self.onCreate = onCreate
        self.onMatch = onMatch
        self.requiredValues = requiredValues
        self.text = text
        super.init(ctx, input)
    }

    override func produce() throws(QueryError) -> Row? {
        while true {
            if position < matched.count {
                position += 1
                return matched[position - 1]
            }
            guard var row = try input.next() else { return nil }
            try ctx.tick()
            for v in requiredValues where try v(&row).isNull { throw .mergeReadOwnWrites() }
            argument.row = row
            matcher.reset()
            var found: [Row] = []
            while let m = try matcher.next() { found.append(m) }
            if found.isEmpty {
                try ctx.create(pattern, in: &row)
                for action in onCreate { try action(&row) }
                found = [row]
            } else {
                for i in found.indices {
                    for action in onMatch { try action(&found[i]) }
                }
            }
            matched = found
            position = 0
        }
    }

    override func reset() {
        matched = []
        position = 0
        super.reset()
    }

    override var children: [PhysicalOperator] { [input, matcher] }

    override var explanation: String { "Merge \(text)" }
}
