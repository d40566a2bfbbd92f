/// An aggregation grouped by the node an expansion starts from (rule `expansion-aggregates`):
/// each input row's matches are found by the expansion as a batch and handed here bound in the
/// row, where the group is found once per start node and each aggregate's argument (and the sort
/// key of an ORDER BY taken into the aggregation) is computed straight into its accumulator, with
/// no row handed on per relationship. Output rows are as `AggregateOperator` gives them.
final class ExpansionAggregateOperator: BufferedOperator {
    let expansion: ExpandOperator
    /// Where the keys read the start node.
    let groupSlot: Int
    let keys: [DirectEvaluator]
    let keySlots: [Int]
    let functions: [AggregateFunction]
    let resultSlots: [Int]
    /// Each aggregate's place in the query, for its errors (`sum()` overflowing).
    let ranges: [SourceRange]
    /// The expressions computed for each match (each once, however many aggregates read it).
    let values: [DirectEvaluator]
    /// Each aggregate's argument among `values` (nil for `count(*)`).
    let argumentOf: [Int?]
    /// The sort keys among `values`, when an ORDER BY was taken into the aggregation.
    let order: [(value: Int, descending: Bool)]?
    /// Each group's matches come in one batch: each start node comes once (a scan of one input
    /// row) and is its group's only key.
    let groupsComeWhole: Bool
    /// The `collect()` aggregates among `functions`: a batch's lists are made at once.
    let collects: [Int]
    /// In push mode each group is handed on as soon as its matches are in (`pushRows`), no table
    /// of groups kept: set when groups come whole and either nothing above depends on their order
    /// (rule `groups-in-any-order`) or there is no ORDER BY (groups come in the order of their
    /// start nodes either way).
    let streamsGroups: Bool
    let rowWidth: SlotAllocator
    let text: String

    init(_ ctx: ExecutionContext, _ expansion: ExpandOperator, groupSlot: Int, keys: [DirectEvaluator], keySlots: [Int],
         functions: [AggregateFunction], resultSlots: [Int], ranges: [SourceRange], values: [DirectEvaluator], argumentOf: [Int?],
         order: [(value: Int, descending: Bool)]?, groupsComeWhole: Bool, streamsGroups: Bool, width: SlotAllocator, text: String) {
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
        self.groupsComeWhole = groupsComeWhole
        // A batch is kept as its matches' values: with none (only `count(*)`), groups are
        // counted row by row by `computeRows`.
        self.streamsGroups = streamsGroups && !values.isEmpty
        collects = functions.indices.filter { functions[$0] == .collect }
        self.rowWidth = width
        self.text = text
        super.init(ctx, expansion)
    }

    override func computeRows() throws(QueryError) -> [Row] {
        var table = GroupTable(keys: keys, hasKeys: true, functions: functions)
        var groups = NodeGroups(slot: groupSlot)
        var computed = [Value](repeating: .null, count: values.count)
        var batch = ExpandOperator.MatchBatch(expansion)
        let aggregateCount = functions.count
        // With an ORDER BY taken in: the matches kept aside, all of them (fed in order at the
        // end) or, when each group's come in one batch, that batch's (fed in order at once, which
        // keeps the work on a few rows at a time); then each group's first sort keys. A batch is
        // kept aside without an ORDER BY too when a list is collected, to make it at once.
        var kept = KeptRows()
        var leaderKeys: [Value]? = order == nil ? nil : []
        let keepsBatches = groupsComeWhole && (order != nil || !collects.isEmpty)
        let computeValues = EvaluatorChain.into(values), appendValues = EvaluatorChain.appending(values)
        try expansion.input.forEachRow { (row: inout Row) throws(QueryError) in
            var g = -1, matched = false
            try expansion.forEachMatch(of: &row, &batch) { (row: inout Row) throws(QueryError) in
                expansion.rowsProduced += 1
                if !matched {
                    matched = true
                    // The keys read the start node where the projection would have put it.
                    row[groupSlot] = row[expansion.from]
                    // Each start node coming once as its group's key, its group is new. A batch's
                    // is made after it (made now, its first row would be copied at the next match).
                    if !keepsBatches { g = groupsComeWhole ? try table.newGroup(&row) : try groups.group(of: &row, &table) }
                }
                if keepsBatches {
                    // The batch keeps each match's values once; its sort keys and arguments are
                    // read among them.
                    try appendValues(&row, &kept.batchValues)
                    return
                }
                try computeValues(&row, &computed)
                guard order != nil else {
                    for i in 0..<aggregateCount { try table.add(argumentOf[i].map { computed[$0] } ?? .null, to: i, of: g, at: ranges[i]) }
                    return
                }
                kept.groupOfRow.append(g)
                kept.startOfRow.append(row[expansion.from].nodeID ?? -1)
                if let order { for key in order { kept.sortKeys.append(computed[key.value]) } }
                for i in 0..<aggregateCount { kept.arguments.append(argumentOf[i].map { computed[$0] } ?? .null) }
            }
            guard keepsBatches, matched else { return }
            let group = try table.newGroup(&row)
            try feedWhole(&kept, into: &table.accumulators, from: group * aggregateCount, leaderKeys: &leaderKeys)
            kept.batchValues.removeAll(keepingCapacity: true)
        }
        guard let order else { return table.results(slots: resultSlots, keySlots: keySlots, width: rowWidth.count) }
        let descending = order.map(\.descending)
        if groupsComeWhole {
            let groupOrder = SortOperator.sortedPositions(leaderKeys ?? [], rows: table.count, descending: descending, keep: nil)
            return AggregateOperator.inGroupOrder(table.results(slots: resultSlots, keySlots: keySlots, width: rowWidth.count), groupOrder)
        }
        try table.reserveLists(forRowsOf: kept.groupOfRow)
        var leader = [Int](repeating: -1, count: table.count)
        let groupOrder = try AggregateOperator.feedInOrder(kept.sortKeys, descending: descending, groupOfRow: kept.groupOfRow,
                                                           groups: table.count, ctx) { (p: Int, g: Int) throws(QueryError) in
            if leader[g] < 0 { leader[g] = p }
            for i in 0..<aggregateCount { try table.add(kept.arguments[p * aggregateCount + i], to: i, of: g, at: ranges[i]) }
        }
        // Each group's first row in the order of the keys stands for it, as after a sort: start
        // nodes with equal keys (1 and 1.0) share a group, and the key value is that row's node's.
        for g in leader.indices where leader[g] >= 0 && kept.startOfRow[leader[g]] != table.firstRows[g][expansion.from].nodeID {
            var row = table.firstRows[g]
            row[groupSlot] = .node(kept.startOfRow[leader[g]])
            try table.represent(g, by: &row)
        }
        return AggregateOperator.inGroupOrder(table.results(slots: resultSlots, keySlots: keySlots, width: rowWidth.count), groupOrder)
    }

    /// Matches kept aside until they can be fed in the order of their sort keys (each one's group
    /// and start node only when a group's may come in several batches).
    struct KeptRows {
        var groupOfRow: [Int] = []
        var startOfRow: [NodeID] = []
        var sortKeys: [Value] = []
        var arguments: [Value] = []
        /// When groups come whole: the batch's matches' `values`, match after match.
        var batchValues: [Value] = []
        /// A batch's one sort key as integers (its first rows; the buffer only grows), and its
        /// rows' order: kept from batch to batch so that ordering one allocates nothing.
        var integerKeys: [Int64] = []
        var positions: [Int] = []
    }

    /// Each group handed on as soon as its matches are in (`streamsGroups`): its keys and results
    /// written into the scan's row, which goes on to `body` (no table of groups, no copy of the
    /// row). Under PROFILE, rows are pulled and the groups come from `computeRows`.
    override func pushRows(_ body: (inout Row) throws(QueryError) -> Void) throws(QueryError) {
        guard streamsGroups else { return try super.pushRows(body) }
        var accumulators = functions.map(Accumulator.init)
        var keyValues = [Value](repeating: .null, count: keys.count)
        var batch = ExpandOperator.MatchBatch(expansion)
        var kept = KeptRows()
        // The groups' order is not wanted: no first keys kept.
        var noLeaderKeys: [Value]?
        let appendValues = EvaluatorChain.appending(values)
        try expansion.input.forEachRow { (row: inout Row) throws(QueryError) in
            var matched = false
            try expansion.forEachMatch(of: &row, &batch) { (row: inout Row) throws(QueryError) in
                expansion.rowsProduced += 1
                if !matched {
                    matched = true
                    row[groupSlot] = row[expansion.from]
                }
                try appendValues(&row, &kept.batchValues)
            }
            guard matched else { return }
            for i in accumulators.indices { accumulators[i] = Accumulator(functions[i]) }
            try feedWhole(&kept, into: &accumulators, from: 0, leaderKeys: &noLeaderKeys)
            kept.batchValues.removeAll(keepingCapacity: true)
            // Every key computed before any is stored: a key slot may be one a key reads.
            for i in keys.indices { keyValues[i] = try keys[i].evaluate(&row) }
            for i in keySlots.indices { swap(&row[keySlots[i]], &keyValues[i]) }
            for i in resultSlots.indices { row[resultSlots[i]] = accumulators[i].result }
            rowsProduced += 1
            try body(&row)
        }
    }

    override var explanation: String {
        "Aggregate \(text) (per start node of the expansion, from its matches"
            + (order == nil ? ")" : ", taken in order)")
    }
}
