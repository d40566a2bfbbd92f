/// `CALL proc(...) YIELD ... RETURN aggregates` without grouping keys: the aggregates read the
/// procedure's result columns directly, with no row per result. `count(DISTINCT x)` over
/// integers keeps the integers seen in a set of integers. Gives one row, as `AggregateOperator`
/// would: the first input row that had results, with the aggregates in their slots.
final class ProcedureAggregateOperator: BufferedOperator {
    let procedure: Procedure
    let arguments: [Evaluator]
    let aggregates: [ProcedureAggregation.Aggregate]
    let range: SourceRange
    let rowWidth: SlotAllocator
    let text: String

    init(_ ctx: ExecutionContext, _ input: PhysicalOperator, procedure: Procedure, arguments: [Evaluator],
         aggregates: [ProcedureAggregation.Aggregate], range: SourceRange, width: SlotAllocator, text: String) {
        self.procedure = procedure
        self.arguments = arguments
        self.aggregates = aggregates
        self.range = range
        self.rowWidth = width
        self.text = text
        super.init(ctx, input)
    }

    /// The values a DISTINCT aggregate has seen: integers apart while there are only integers.
    enum Seen {
        case integers(Set<Int64>)
        case values(Set<GroupKey>)

        /// Adds `v` (not null); true when it was not seen before.
        mutating func insert(_ v: Value) -> Bool {
            switch (self, v) {
            case (.integers(var set), .int(let i)):
                self = .values([])
                let inserted = set.insert(i).inserted
                self = .integers(set)
                return inserted
            case (.integers(let set), _):
                var keys = Set(set.map { GroupKey(.int($0)) })
                let inserted = keys.insert(GroupKey(v)).inserted
                self = .values(keys)
                return inserted
            case (.values(var keys), _):
                self = .integers([])
                let inserted = keys.insert(GroupKey(v)).inserted
                self = .values(keys)
                return inserted
            }
        }
    }

    override func computeRows() throws(QueryError) -> [Row] {
        var table = GroupTable(keys: [], hasKeys: false, functions: aggregates.map(\.function))
        var seen = [Seen](repeating: .integers([]), count: aggregates.count)
        let width = aggregates.count
        while var row = try input.next() {
            var values: [Value] = []
            for a in arguments { values.append(try a(&row)) }
            let results = try placed(at: range) { () throws(QueryError) in try procedure.run(ProcedureContext(ctx: ctx), values) }
            guard results.count > 0 else { continue }
            let g = try table.group(&row)
            for (i, aggregate) in aggregates.enumerated() {
                guard let output = aggregate.output, output < results.columns.count else {
                    table.accumulators[g * width + i].add(count: results.count)
                    continue
                }
                let column = results.columns[output]
                try placed(at: aggregate.range) { () throws(QueryError) in
                    // Unboxed columns without DISTINCT: counts, sums and averages straight from the numbers.
                    if !aggregate.distinct {
                        switch (column, aggregate.function) {
                        case (_, .count) where column.hasNoNull:
                            table.accumulators[g * width + i].add(count: column.count)
                            return
                        case (.floats(let xs), .sum), (.floats(let xs), .avg):
                            table.accumulators[g * width + i].add(floats: xs)
                            return
                        case (.integers(let xs), .sum), (.integers(let xs), .avg):
                            for x in xs { try table.accumulators[g * width + i].add(integer: x) }
                            return
                        default: break
                        }
                    }
                    for k in 0..<column.count {
                        if k & 0xFFFF == 0 { try ctx.tick() }
                        let v = column[k]
                        if aggregate.distinct && (v.isNull || !seen[i].insert(v)) { continue }
                        try table.accumulators[g * width + i].add(v, percentile: nil)
                    }
                }
            }
        }
        return table.results(slots: aggregates.map(\.slot), width: rowWidth.count)
    }

    override var explanation: String { "ProcedureAggregate \(text)" }
}
