/// `MATCH (n:Label) WHERE … RETURN n.k, count(*), sum(n.x) …` in one pass over the label's
/// members and the columns, without building a row per node: column filters decide which nodes
/// count, grouping keys are read from their columns (one dictionary code is one group), and the
/// aggregates take their arguments straight from the columns. Planned only for statements that
/// do not write. Each output row is the input row with the group's first node in `slot` and the
/// aggregate results in their slots, as `AggregateOperator` gives them.
final class ColumnAggregateOperator: BufferedOperator {
    struct AggregateSpec {
        let function: AggregateFunction
        /// The property the aggregate reads; nil for `count(*)` and `count(n)`.
        let key: Int32?
        /// Its argument computed from that property, or nil for the property itself.
        let derived: Evaluator?
        let slot: Int
        /// The aggregate's place in the query, for its errors (`sum()` overflowing).
        let range: SourceRange
    }

    let slot: Int
    let label: Int32?
    let otherLabels: [Int32]
    let filters: [ColumnFilter]
    let groupKeys: [Int32]
    /// The keys computed from their property (nil: the property itself).
    let derivedKeys: [Evaluator?]
    /// Where the grouping keys' values go in the output rows.
    let keySlots: [Int]
    let specs: [AggregateSpec]
    /// The row width (known once the whole statement is compiled).
    let rowWidth: SlotAllocator
    let text: String

    init(_ ctx: ExecutionContext, _ input: PhysicalOperator, slot: Int, label: Int32?, otherLabels: [Int32],
         filters: [ColumnFilter], groupKeys: [Int32], derivedKeys: [Evaluator?], keySlots: [Int], specs: [AggregateSpec], width: SlotAllocator, text: String) {
        self.keySlots = keySlots
        self.slot = slot
        self.label = label
        self.otherLabels = otherLabels
        self.filters = filters
        self.groupKeys = groupKeys
        self.derivedKeys = derivedKeys
        self.specs = specs
        self.rowWidth = width
        self.text = text
        super.init(ctx, input)
    }

    override func computeRows() throws(QueryError) -> [Row] {
        let graph = ctx.graph
        let keyColumns = groupKeys.map { graph.nodeProperties[Int($0)] }
        let argumentColumns = specs.map { $0.key.map { graph.nodeProperties[Int($0)] } }
        // One key stored as dictionary codes: the code decides the group (0 for null), and a key
        // computed from the property is computed once per code.
        let byCode = keyColumns.count == 1 && keyColumns[0].representation == .codes
        var groupOfCode = [Int32](repeating: -1, count: byCode ? keyColumns[0].dictionary.count + 1 : 0)
        var table = GroupTable(keys: [], hasKeys: !groupKeys.isEmpty, functions: specs.map(\.function))
        // A computed argument of a coded column: computed once per stored value.
        let derivedMemos: [StoredValueMemo?] = zip(argumentColumns, specs).map { column, spec in
            guard spec.derived != nil, let column, column.representation == .codes else { return nil }
            return StoredValueMemo(column)
        }
        let width = specs.count
        let members = graph.members(label: label)
        var batch = NodeBatch()
        var groups: [Int] = []
        groups.reserveCapacity(NodeScanOperator.batchSize)
        while var row = try input.next() {
            var position = 0
            var exhausted = false
            while !exhausted {
                batch.removeAll()
                while batch.count < NodeScanOperator.batchSize {
                    guard let n = members.next(from: position) else {
                        exhausted = true
                        break
                    }
                    position = n + 1
                    if otherLabels.isEmpty || otherLabels.allSatisfy({ graph.hasLabel(NodeID(n), $0) }) { batch.append(n) }
                }
                try ctx.tick()
                for f in filters where !batch.isEmpty { try f.select(&batch, &row, slot: slot, inOrder: true, ctx) }
                groups.removeAll(keepingCapacity: true)
                for n in batch {
                    var g: Int
                    if byCode {
                        let code = Int(keyColumns[0].code(n))
                        g = Int(groupOfCode[code])
                        if g < 0 {
                            var first = Self.with(row, slot, n)
                            let key = try derivedKeys[0].map { f throws(QueryError) in try f(&first) } ?? keyColumns[0].get(n)
                            g = table.group(key: key, first)
                            groupOfCode[code] = Int32(g)
                        }
                    } else if groupKeys.isEmpty {
                        g = table.count == 0 ? table.group([], Self.with(row, slot, n)) : 0
                    } else {
                        var first = Self.with(row, slot, n)
                        var key: [Value] = []
                        for (column, derived) in zip(keyColumns, derivedKeys) {
                            key.append(try derived.map { f throws(QueryError) in try f(&first) } ?? column.get(n))
                        }
                        g = table.group(key, first)
                    }
                    groups.append(g)
                }
                // Aggregate by aggregate over the batch: a column is taken out of its array once
                // per batch, not once per node (each copy of one retains all its storage).
                for i in 0..<width {
                    guard let column = argumentColumns[i] else {
                        for g in groups { table.accumulators[g * width + i].add(count: 1) }
                        continue
                    }
                    try placed(at: specs[i].range) { () throws(QueryError) in
                        if let derived = specs[i].derived {
                            for (n, g) in zip(batch, groups) {
                                let compute = { [slot] () throws(QueryError) -> Value in
                                    var nodeRow = Self.with(row, slot, n)
                                    return try derived(&nodeRow)
                                }
                                let argument: Value
                                if let memo = derivedMemos[i] { argument = try memo.value(for: n) { _ throws(QueryError) in try compute() } } else { argument = try compute() }
                                try table.accumulators[g * width + i].add(argument, percentile: nil)
                            }
                        } else if column.representation == .integers {
                            for (n, g) in zip(batch, groups) {
                                let x = column.integer(n)
                                if x != PropertyColumn.absentInteger { try table.accumulators[g * width + i].add(integer: x) }
                            }
                        } else {
                            for (n, g) in zip(batch, groups) { try table.accumulators[g * width + i].add(column.get(n), percentile: nil) }
                        }
                    }
                }
            }
        }
        return table.results(slots: specs.map(\.slot), keySlots: keySlots, width: rowWidth.count)
    }

    private static func with(_ row: Row, _ slot: Int, _ node: Int) -> Row {
        var row = row
        row[slot] = .node(NodeID(node))
        return row
    }

    override var explanation: String { "ColumnAggregate \(text)" }
}
