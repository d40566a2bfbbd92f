/// Groups rows by the grouping values and computes the aggregates of each group. Each output row
/// is the group's first input row with the aggregate results in their slots, so expressions over
/// grouping keys can be evaluated on it afterwards.
final class AggregateOperator: PipelineOperator {
    struct Spec {
        let function: AggregateFunction
        let distinct: Bool
        let argument: Evaluator?
        let percentile: Evaluator?
        let slot: Int
    }

    let keys: [Evaluator]
    let specs: [Spec]
    let width: Int
    let text: String
    var output: [Row]?
    var position = 0

    init(_ ctx: ExecutionContext, _ input: PhysicalOperator, keys: [Evaluator], specs: [Spec], width: Int, text: String) {
        self.keys = keys
        self.specs = specs
        self.width = width
        self.text = text
        super.init(ctx, input)
    }

    override func produce() throws(QueryError) -> Row? {
        if output == nil { output = try aggregate() }
        guard position < output!.count else { return nil }
        position += 1
        return output![position - 1]
    }

    func aggregate() throws(QueryError) -> [Row] {
        var groupIndex: [RowKey: Int] = [:]
        var groups: [(row: Row, accumulators: [Accumulator], seen: [Set<GroupKey>])] = []
        while var row = try input.next() {
            try ctx.tick()
            var k: [Value] = []
            for key in keys { k.append(try key(&row)) }
            let rowKey = RowKey(k)
            let g: Int
            if let existing = groupIndex[rowKey] {
                g = existing
            } else {
                g = groups.count
                groupIndex[rowKey] = g
                groups.append((row, specs.map { Accumulator($0.function) }, specs.map { _ in [] }))
            }
            for (i, spec) in specs.enumerated() {
                let v = try spec.argument?(&row) ?? .null
                if spec.distinct {
                    if v.isNull || !groups[g].seen[i].insert(GroupKey(v)).inserted { continue }
                }
                let p = try spec.percentile?(&row)
                try groups[g].accumulators[i].add(v, percentile: p)
            }
        }
        if groups.isEmpty && keys.isEmpty {
            groups.append((Row(repeating: .null, count: width), specs.map { Accumulator($0.function) }, []))
        }
        return groups.map { group in
            var row = group.row
            for (i, spec) in specs.enumerated() { row[spec.slot] = group.accumulators[i].result }
            return row
        }
    }

    override func reset() {
        output = nil
        position = 0
        super.reset()
    }

    override var explanation: String { "Aggregate \(text)" }
}
