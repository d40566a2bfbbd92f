/// For each input row, every live node (or every node with a label), bound to `slot`.
final class NodeScanOperator: BindingOperator {
    let slot: Int
    let label: Int32?
    let labelName: String?
    @exclusivity(unchecked) var current: Row?
    @exclusivity(unchecked) var position = 0
    /// In a statement that does not write, the label's members, taken once per input row.
    @exclusivity(unchecked) var members: Bitset?
    /// Candidates of the current batch, already through the column filters.
    @exclusivity(unchecked) var batch = NodeBatch()
    @exclusivity(unchecked) var batchPosition = 0
    static let batchSize = 1024

    /// The statement does not write: the label's members can be taken once per input row.
    let graphStandsStill: Bool

    init(_ ctx: ExecutionContext, _ input: PhysicalOperator, slot: Int, label: Int32?, labelName: String?, graphStandsStill: Bool) {
        self.slot = slot
        self.graphStandsStill = graphStandsStill
        self.label = label
        self.labelName = labelName
        super.init(ctx, input, nodeSlot: slot)
    }

    override func produce() throws(QueryError) -> Row? {
        while true {
            if current == nil {
                guard let row = try input.next() else { return nil }
                current = row
                position = 0
                batch.removeAll()
                batchPosition = 0
                if graphStandsStill { members = ctx.graph.members(label: label) }
            }
            if let label, Int(label) >= ctx.graph.labelCounts.count {
                current = nil
                continue
            }
            if hasColumnFilters {
                if let row = try nextFromBatch() { return row }
                continue
            }
            while let n = nextCandidate() {
                position = n + 1
                try ctx.tick()
                current![slot] = .node(NodeID(n))
                if try accepts(&current!, node: NodeID(n)) { return try handOn(&current) }
            }
            current = nil
        }
    }

    /// The next node at or after `position`: from the members taken for a statement that does
    /// not write, otherwise from the graph as it is now.
    private func nextCandidate() -> Int? { nextCandidate(members, from: position) }

    @inline(__always)
    private func nextCandidate(_ members: Bitset?, from position: Int) -> Int? {
        if let members { return members.next(from: position) }
        return ctx.graph.nextNode(from: position, label: label)
    }

    /// Push mode: each input row's candidates are written into that row and handed on, with no
    /// copy of it kept for the next one (see `PhysicalOperator.forEachRow`).
    override func pushRows(_ body: (inout Row) throws(QueryError) -> Void) throws(QueryError) {
        let project = projectionToApply
        var batch = NodeBatch()
        try input.pushRows { (row: inout Row) throws(QueryError) in
            if let label, Int(label) >= ctx.graph.labelCounts.count { return }
            let members = graphStandsStill ? ctx.graph.members(label: label) : nil
            var position = 0
            guard let members, hasColumnFilters else {
                while let n = nextCandidate(members, from: position) {
                    position = n + 1
                    try ctx.tick()
                    row[slot] = .node(NodeID(n))
                    if try accepts(&row, node: NodeID(n)) { try pass(&row, project, to: body) }
                }
                return
            }
            // With column filters (a statement that does not write): candidates in batches,
            // filtered column by column, then the remaining filters row by row.
            while true {
                try fill(&batch, from: members, at: &position)
                if batch.isEmpty { return }
                try selectByColumns(&batch, &row)
                for i in batch.indices {
                    row[slot] = .node(NodeID(batch[i]))
                    if try acceptsRow(&row) { try pass(&row, project, to: body) }
                }
            }
        }
    }

    /// With column filters (a statement that does not write): candidates in batches, filtered
    /// column by column, then the remaining filters row by row. Nil when the batch is used up
    /// (and `current` is cleared when the scan is).
    private func nextFromBatch() throws(QueryError) -> Row? {
        while batchPosition < batch.count {
            let n = batch[batchPosition]
            batchPosition += 1
            current![slot] = .node(NodeID(n))
            if try acceptsRow(&current!) { return try handOn(&current) }
        }
        batchPosition = 0
        if let members { try fill(&batch, from: members, at: &position) } else { batch.removeAll() }
        if batch.isEmpty {
            current = nil
            return nil
        }
        try selectByColumns(&batch, &current!)
        return nil
    }

    /// The next batch of candidates: up to `batchSize` members from `position` on.
    private func fill(_ batch: inout NodeBatch, from members: Bitset, at position: inout Int) throws(QueryError) {
        batch.removeAll()
        while batch.count < Self.batchSize, let n = members.next(from: position) {
            position = n + 1
            try ctx.tick()
            batch.append(n)
        }
    }

    override func reset() {
        current = nil
        members = nil
        batch = NodeBatch()
        batchPosition = 0
        super.reset()
    }

    override var keptRowSlots: [Int]? { [slot] }

    override var bindingText: String { labelName.map { "NodeByLabelScan :\($0)" } ?? "AllNodesScan" }
}
