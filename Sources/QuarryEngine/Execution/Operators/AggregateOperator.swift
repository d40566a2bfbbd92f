/// Groups rows by the grouping values and computes the aggregates of each group. Each output row
/// is the group's first input row with the aggregate results in their slots, so expressions over
/// grouping keys can be evaluated on it afterwards.
final class AggregateOperator: BufferedOperator {
    struct Spec {
        let function: AggregateFunction
        let distinct: Bool
        let argument: Evaluator?
        let percentile: Evaluator?
        let slot: Int
        /// The aggregate's place in the query, for its errors (`sum()` overflowing).
        let range: SourceRange
    }

    let keys: [Evaluator]
    /// Set when every grouping key reads one node (`a.name`, `a`) in a statement that does not
    /// write: the node's group is then remembered, and its keys computed once.
    let groupNodeSlot: Int?
    let specs: [Spec]
    /// Where the grouping keys' values go in the output rows (the projection's slots for them),
    /// so that what was computed to group is not computed again.
    let keySlots: [Int]
    /// Set when the rows only count what an expansion of them would make (every aggregate is
    /// `count(*)` or counts what it binds, and no key reads that): each input row adds the
    /// number of its matches, found without making rows.
    let countedExpansion: ExpandOperator?
    /// Where the counted expansion starts: from the input rows, or (grouping by the node it
    /// starts from, in a statement that does not write) from every member of a label, without a
    /// row each.
    let countedStarts: CountedStarts

    enum CountedStarts {
        case inputRows
        case members(of: Int32?, text: String)
    }
    /// The row width (known once the whole statement is compiled).
    let rowWidth: SlotAllocator
    let text: String

    init(_ ctx: ExecutionContext, _ input: PhysicalOperator, keys: [Evaluator], keySlots: [Int], groupNodeSlot: Int?, specs: [Spec],
         countedExpansion: ExpandOperator?, countedStarts: CountedStarts = .inputRows, width: SlotAllocator, text: String) {
        self.countedStarts = countedStarts
        self.keys = keys
        self.keySlots = keySlots
        self.groupNodeSlot = groupNodeSlot
        self.specs = specs
        self.countedExpansion = countedExpansion
        self.rowWidth = width
        self.text = text
        super.init(ctx, input)
    }

    override func computeRows() throws(QueryError) -> [Row] {
        var table = GroupTable(keys: keys, hasKeys: !keys.isEmpty, functions: specs.map(\.function), distinct: specs.indices.filter { specs[$0].distinct })
        let width = specs.count
        if countedExpansion != nil, let slot = groupNodeSlot {
            try countPerNode(slot, &table)
            return table.results(slots: specs.map(\.slot), keySlots: keySlots, width: rowWidth.count)
        }
        /// Each aggregate's place among the DISTINCT ones (nil for the others).
        let distinctPosition = specs.indices.map { table.distinct.firstIndex(of: $0) }
        var groupOfNode: [NodeID: Int] = [:]
        var remembering = groupNodeSlot != nil
        var rowsSeen = 0
        while var row = try input.next() {
            try ctx.tick()
            var matches = 1
            if let countedExpansion {
                matches = try countedExpansion.matchCount(&row)
                if matches == 0 { continue }
            }
            var node: NodeID?
            if remembering, let slot = groupNodeSlot, case .node(let n) = row[slot] { node = n }
            let g: Int
            if let node, let known = groupOfNode[node] {
                g = known
            } else {
                g = try table.group(&row)
                if let node { groupOfNode[node] = g }
            }
            // Nodes that rarely come back are not worth remembering.
            rowsSeen += 1
            if remembering, rowsSeen == 4096, groupOfNode.count > 3584 {
                remembering = false
                groupOfNode = [:]
            }
            if countedExpansion != nil {
                table.addCount(matches, to: g)
                continue
            }
            // By index, not `enumerated()`: copying each spec out cost a retain and release per
            // closure on every row.
            for i in specs.indices {
                let v = try specs[i].argument?(&row) ?? .null
                if let d = distinctPosition[i] {
                    if v.isNull || !table.seen[g * table.distinct.count + d].insert(GroupKey(v)).inserted { continue }
                }
                let p = try specs[i].percentile?(&row)
                try placed(at: specs[i].range) { () throws(QueryError) in try table.accumulators[g * width + i].add(v, percentile: p) }
            }
        }
        return table.results(slots: specs.map(\.slot), keySlots: keySlots, width: rowWidth.count)
    }

    /// Counting an expansion, grouped by one node: the counts are summed per node first, and
    /// each node's keys computed once at the end, on one row with the node put in its slot
    /// (the keys read nothing else).
    private func countPerNode(_ slot: Int, _ table: inout GroupTable) throws(QueryError) {
        guard let expansion = countedExpansion else { return }
        var perNode: [NodeID: Int] = [:]
        var order: [NodeID] = []
        var template: Row?
        func add(_ n: NodeID, _ matches: Int) {
            if let count = perNode[n] {
                perNode[n] = count + matches
            } else {
                perNode[n] = matches
                order.append(n)
            }
        }
        if case .members(let label, _) = countedStarts {
            while var row = try input.next() {
                if template == nil { template = row }
                try expansion.matchCounts(from: ctx.graph.members(label: label), &row, add)
            }
        } else {
            while var row = try input.next() {
                try ctx.tick()
                let matches = try expansion.matchCount(&row)
                if matches == 0 { continue }
                guard case .node(let n) = row[slot] else {
                    table.addCount(matches, to: try table.group(&row))
                    continue
                }
                if template == nil { template = row }
                add(n, matches)
            }
        }
        guard var row = template else { return }
        table.reserve(order.count)
        for n in order {
            row[slot] = .node(n)
            table.addCount(perNode[n] ?? 0, to: try table.group(&row))
        }
    }

    override var explanation: String {
        var from = ""
        if case .members(_, let text) = countedStarts { from = " from every \(text)" }
        return "Aggregate \(text)" + (countedExpansion.map { " (counting the rows of \($0.explanation)\(from))" } ?? "")
    }
}
