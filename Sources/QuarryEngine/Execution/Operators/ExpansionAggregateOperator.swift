/// An aggregation grouped by the node an expansion starts from (rule `expansion-aggregates`):
/// each input row's matches are found by the expansion as a batch and handed here bound in the
/// row, where the group is found once per start node and each aggregate's argument (and the sort
/// key of an ORDER BY taken into the aggregation) is computed straight into its accumulator, with
/// no row handed on per relationship. Output rows are as `AggregateOperator` gives them.
final class ExpansionAggregateOperator: BufferedOperator {
    let expansion: ExpandOperator
    /// Where the keys read the start node.
    let groupSlot: Int
    let keys: [Evaluator]
    let keySlots: [Int]
    let functions: [AggregateFunction]
    let resultSlots: [Int]
    /// Each aggregate's place in the query, for its errors (`sum()` overflowing).
    let ranges: [SourceRange]
    /// The expressions computed for each match (each once, however many aggregates read it).
    let values: [Evaluator]
    /// Each aggregate's argument among `values` (nil for `count(*)`).
    let argumentOf: [Int?]
    /// The sort keys among `values`, when an ORDER BY was taken into the aggregation.
    let order: [(value: Int, descending: Bool)]?
    let rowWidth: SlotAllocator
    let text: String

    init(_ ctx: ExecutionContext, _ expansion: ExpandOperator, groupSlot: Int, keys: [Evaluator], keySlots: [Int],
         functions: [AggregateFunction], resultSlots: [Int], ranges: [SourceRange], values: [Evaluator], argumentOf: [Int?],
         order: [(value: Int, descending: Bool)]?, width: SlotAllocator, text: String) {
        self.expansion = expansion
        self.groupSlot = groupSlot
        self.keys = keys
        self.keySlots = keySlots
        self.functions = functions
        self.resultSlots = resultSlots
        self.ranges = ranges
        self.values = values
        self.argumentOf = argumentOf
        self.order = order
        self.rowWidth = width
        self.text = text
        super.init(ctx, expansion)
    }

    override func computeRows() throws(QueryError) -> [Row] {
        var table = GroupTable(keys: keys, hasKeys: true, functions: functions)
        var groupOfNode: [NodeID: Int] = [:]
        var computed = [Value](repeating: .null, count: values.count)
        var batch = ExpandOperator.MatchBatch(expansion)
        let width = functions.count
        // With an ORDER BY taken in: each match's group, sort keys and arguments, fed in order after.
        var groupOfRow: [Int] = []
        var sortKeys: [Value] = []
        var arguments: [Value] = []
        /// The group of the row's start node: found once per node (nodes with equal keys share one).
        func group(_ row: inout Row) throws(QueryError) -> Int {
            guard case .node(let n) = row[expansion.from] else { return try table.group(&row) }
            if let g = groupOfNode[n] { return g }
            row[groupSlot] = row[expansion.from]
            let g = try table.group(&row)
            groupOfNode[n] = g
            return g
        }
        try expansion.input.forEachRow { (row: inout Row) throws(QueryError) in
            var g = -1
            try expansion.forEachMatch(of: &row, &batch) { (row: inout Row) throws(QueryError) in
                expansion.rowsProduced += 1
                if g < 0 { g = try group(&row) }
                for j in values.indices { computed[j] = try values[j](&row) }
                guard let order else {
                    for i in 0..<width { try add(argumentOf[i].map { computed[$0] } ?? .null, i, g, &table) }
                    return
                }
                groupOfRow.append(g)
                for key in order { sortKeys.append(computed[key.value]) }
                for i in 0..<width { arguments.append(argumentOf[i].map { computed[$0] } ?? .null) }
            }
        }
        guard let order else { return table.results(slots: resultSlots, keySlots: keySlots, width: rowWidth.count) }
        try table.reserveLists(forRowsOf: groupOfRow)
        let groupOrder = try AggregateOperator.feedInOrder(sortKeys, descending: order.map(\.descending), groupOfRow: groupOfRow,
                                                           groups: table.count, ctx) { (p: Int, g: Int) throws(QueryError) in
            for i in 0..<width { try add(arguments[p * width + i], i, g, &table) }
        }
        return AggregateOperator.inGroupOrder(table.results(slots: resultSlots, keySlots: keySlots, width: rowWidth.count), groupOrder)
    }

    @inline(__always)
    private func add(_ v: Value, _ i: Int, _ g: Int, _ table: inout GroupTable) throws(QueryError) {
        try placed(at: ranges[i]) { () throws(QueryError) in try table.accumulators[g * functions.count + i].add(v, percentile: nil) }
    }

    override var explanation: String {
        "Aggregate \(text) (per start node of the expansion, from its matches"
            + (order == nil ? ")" : ", taken in order)")
    }
}
