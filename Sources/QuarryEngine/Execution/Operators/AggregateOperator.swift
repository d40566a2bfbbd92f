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
        // Handed over, not shared: the operator above may then change the row in place.
        let row = output![position - 1]
        output![position - 1] = []
        return row
    }

    /// Groups live in flat arrays (a first row per group, `specs.count` accumulators per group,
    /// sets of seen values only for DISTINCT aggregates), so a new group costs few allocations.
    func aggregate() throws(QueryError) -> [Row] {
        var byKeys: [RowKey: Int] = [:]
        var byKey: [GroupKey: Int] = [:]
        var firstRows: [Row] = []
        var accumulators: [Accumulator] = []
        let distinct = specs.indices.filter { specs[$0].distinct }
        var seen: [Set<GroupKey>] = []
        let width = specs.count
        func group(_ row: inout Row) throws(QueryError) -> Int {
            let g = firstRows.count
            if keys.count == 1 {
                let k = GroupKey(try keys[0](&row))
                if let existing = byKey[k] { return existing }
                byKey[k] = g
            } else {
                var k: [Value] = []
                for key in keys { k.append(try key(&row)) }
                let rowKey = RowKey(k)
                if let existing = byKeys[rowKey] { return existing }
                byKeys[rowKey] = g
            }
            firstRows.append(row)
            for spec in specs { accumulators.append(Accumulator(spec.function)) }
            for _ in distinct { seen.append([]) }
            return g
        }
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
                g = try group(&row)
                if let node { groupOfNode[node] = g }
            }
            // Nodes that rarely come back are not worth remembering.
            rowsSeen += 1
            if remembering, rowsSeen == 4096, groupOfNode.count > 3584 {
                remembering = false
                groupOfNode = [:]
            }
            if countedExpansion != nil {
                for i in 0..<width { accumulators[g * width + i].add(count: matches) }
                continue
            }
            for (i, spec) in specs.enumerated() {
                let v = try spec.argument?(&row) ?? .null
                if spec.distinct {
                    let d = g * distinct.count + distinct.firstIndex(of: i)!
                    if v.isNull || !seen[d].insert(GroupKey(v)).inserted { continue }
                }
                let p = try spec.percentile?(&row)
                try accumulators[g * width + i].add(v, percentile: p)
            }
        }
        if firstRows.isEmpty && keys.isEmpty {
            firstRows.append(Row(repeating: .null, count: self.width))
            for spec in specs { accumulators.append(Accumulator(spec.function)) }
        }
        for g in firstRows.indices {
            for (i, spec) in specs.enumerated() { firstRows[g][spec.slot] = accumulators[g * width + i].result }
        }
        return firstRows
    }

    override func reset() {
        output = nil
        position = 0
        super.reset()
    }

    override var explanation: String { "Aggregate \(text)" + (countedExpansion == nil ? "" : " (counting, not making, the rows below)") }
}
