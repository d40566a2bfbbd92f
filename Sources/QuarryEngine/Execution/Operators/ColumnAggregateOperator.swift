/// `MATCH (n:Label) WHERE … RETURN n.k, count(*), sum(n.x) …` in one pass over the label's
/// members and the columns, without building a row per node: column filters decide which nodes
/// count, grouping keys are read from their columns (one dictionary code is one group), and the
/// aggregates take their arguments straight from the columns. Planned only for statements that
/// do not write. Each output row is the input row with the group's first node in `slot` and the
/// aggregate results in their slots, as `AggregateOperator` gives them.
final class ColumnAggregateOperator: PipelineOperator {
    struct AggregateSpec {
        let function: AggregateFunction
        /// The property the aggregate reads; nil for `count(*)` and `count(n)`.
        let key: Int32?
        let slot: Int
    }

    let slot: Int
    let label: Int32?
    let otherLabels: [Int32]
    let filters: [ColumnFilter]
    let groupKeys: [Int32]
    let specs: [AggregateSpec]
    let width: Int
    let text: String
    private var output: [Row]?
    private var position = 0

    init(_ ctx: ExecutionContext, _ input: PhysicalOperator, slot: Int, label: Int32?, otherLabels: [Int32],
         filters: [ColumnFilter], groupKeys: [Int32], specs: [AggregateSpec], width: Int, text: String) {
        self.slot = slot
        self.label = label
        self.otherLabels = otherLabels
        self.filters = filters
        self.groupKeys = groupKeys
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

    private func aggregate() throws(QueryError) -> [Row] {
        let graph = ctx.graph
        let keyColumns = groupKeys.map { graph.nodeProperties[Int($0)] }
        let argumentColumns = specs.map { $0.key.map { graph.nodeProperties[Int($0)] } }
        // One key stored as dictionary codes: the code is the group (0 for null).
        let byCode = keyColumns.count == 1 && keyColumns[0].representation == .codes
        var groupOfCode = [Int32](repeating: -1, count: byCode ? keyColumns[0].dictionary.count + 1 : 0)
        var groupIndex: [RowKey: Int] = [:]
        var firstRows: [Row] = []
        var accumulators: [[Accumulator]] = []
        let members = graph.members(label: label)
        var batch: [Int] = []
        batch.reserveCapacity(NodeScanOperator.batchSize)
        while var row = try input.next() {
            var position = 0
            var exhausted = false
            while !exhausted {
                batch.removeAll(keepingCapacity: true)
                while batch.count < NodeScanOperator.batchSize {
                    guard let n = members.next(from: position) else {
                        exhausted = true
                        break
                    }
                    position = n + 1
                    try ctx.tick()
                    if otherLabels.isEmpty || otherLabels.allSatisfy({ graph.hasLabel(NodeID(n), $0) }) { batch.append(n) }
                }
                for f in filters where !batch.isEmpty { try f.select(&batch, &row, slot: slot, ctx) }
                for n in batch {
                    row[slot] = .node(NodeID(n))
                    var group: Int
                    if byCode {
                        let code = Int(keyColumns[0].code(n))
                        group = Int(groupOfCode[code])
                        if group < 0 {
                            group = Self.group(for: [keyColumns[0].get(n)], row, &groupIndex, &firstRows, &accumulators, specs)
                            groupOfCode[code] = Int32(group)
                        }
                    } else {
                        group = Self.group(for: keyColumns.map { $0.get(n) }, row, &groupIndex, &firstRows, &accumulators, specs)
                    }
                    for i in specs.indices {
                        try accumulators[group][i].add(argumentColumns[i].map { $0.get(n) } ?? .null, percentile: nil)
                    }
                }
            }
        }
        if firstRows.isEmpty && groupKeys.isEmpty {
            firstRows.append(Row(repeating: .null, count: width))
            accumulators.append(specs.map { Accumulator($0.function) })
        }
        return firstRows.indices.map { g in
            var row = firstRows[g]
            for (i, spec) in specs.enumerated() { row[spec.slot] = accumulators[g][i].result }
            return row
        }
    }

    private static func group(for key: [Value], _ row: Row, _ index: inout [RowKey: Int], _ firstRows: inout [Row],
                              _ accumulators: inout [[Accumulator]], _ specs: [AggregateSpec]) -> Int {
        let k = RowKey(key)
        if let g = index[k] { return g }
        index[k] = firstRows.count
        firstRows.append(row)
        accumulators.append(specs.map { Accumulator($0.function) })
        return firstRows.count - 1
    }

    override func reset() {
        output = nil
        position = 0
        super.reset()
    }

    override var explanation: String { "ColumnAggregate \(text)" }
}
