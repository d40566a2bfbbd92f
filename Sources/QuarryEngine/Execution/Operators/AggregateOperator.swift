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
    /// Set when every grouping key reads one node (`a.name`, `a`) in a statement that does not
    /// write: the node's group is then remembered, and its keys computed once.
    let groupNodeSlot: Int?
    let specs: [Spec]
    /// Set when the input is an expansion whose rows only count (every aggregate is `count(*)`
    /// or counts what it binds, and no key reads that): rows are then taken from the
    /// expansion's input and each adds the number of its matches, made without rows.
    var countedExpansion: ExpandOperator?
    let width: Int
    let text: String
    var output: [Row]?
    var position = 0

    init(_ ctx: ExecutionContext, _ input: PhysicalOperator, keys: [Evaluator], groupNodeSlot: Int?, specs: [Spec], width: Int, text: String) {
        self.keys = keys
        self.groupNodeSlot = groupNodeSlot
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
        var groupOfNode: [NodeID: Int] = [:]
        var remembering = groupNodeSlot != nil
        var rowsSeen = 0
        let source = countedExpansion?.input ?? input
        while var row = try source.next() {
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
                var k: [Value] = []
                for key in keys { k.append(try key(&row)) }
                let rowKey = RowKey(k)
                if let existing = groupIndex[rowKey] {
                    g = existing
                } else {
                    g = groups.count
                    groupIndex[rowKey] = g
                    groups.append((row, specs.map { Accumulator($0.function) }, specs.map { _ in [] }))
                }
                if let node { groupOfNode[node] = g }
                // Nodes that never come back (one row each) are not worth remembering.
                rowsSeen += 1
                if rowsSeen == 4096, groupOfNode.count > 3584 {
                    remembering = false
                    groupOfNode = [:]
                }
            }
            if countedExpansion != nil {
                for i in specs.indices { groups[g].accumulators[i].add(count: matches) }
                continue
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

    override var explanation: String { "Aggregate \(text)" + (countedExpansion == nil ? "" : " (counting, not making, the rows below)") }
}
