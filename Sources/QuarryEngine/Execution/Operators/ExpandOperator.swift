/// For each input row, follows the relationships of the node in `from` (one hop), binding the
/// relationship and the node at the other end; checks them instead where they are already bound.
final class ExpandOperator: BindingOperator {
    let from: Int
    let relationshipSlot: Int
    let to: Int
    let direction: Direction
    let types: [Int32]?
    let toBound: Bool
    let relationshipBound: Bool
    /// Relationships bound earlier in the same MATCH: a pattern never uses one twice.
    let excluded: [Int]
    let text: String
    @exclusivity(unchecked) var current: Row?
    @exclusivity(unchecked) var cursor: NeighborCursor?
    /// The other ends of one node's relationships, while counting.
    @exclusivity(unchecked) var candidates = NodeBatch()
    /// While counting in a statement that does not write: the adjacency block read directly
    /// (nil when it has relationships pending a rebuild).
    @exclusivity(unchecked) var block: Adjacency?
    @exclusivity(unchecked) var blockTaken = false

    /// The statement does not write: counting may read the adjacency blocks directly.
    let graphStandsStill: Bool

    init(_ ctx: ExecutionContext, _ input: PhysicalOperator, from: Int, relationship: Int, to: Int,
         direction: Direction, types: [Int32]?, toBound: Bool, relationshipBound: Bool, excluded: [Int], graphStandsStill: Bool,
         text: String) {
        self.graphStandsStill = graphStandsStill
        self.from = from
        self.relationshipSlot = relationship
        self.to = to
        self.direction = direction
        self.types = types
        self.toBound = toBound
        self.relationshipBound = relationshipBound
        self.excluded = excluded
        self.text = text
        super.init(ctx, input, nodeSlot: to)
    }

    override func produce() throws(QueryError) -> Row? {
        while true {
            if cursor != nil {
                while let (e, _) = cursor!.next() {
                    if try matches(e, &current!) { return try handOn(&current) }
                }
                cursor = nil
            }
            guard let row = try input.next() else { return nil }
            guard let n = try start(row) else { continue }
            current = row
            cursor = ctx.neighbours(of: n, direction, types)
        }
    }

    /// The rows of each input row, made in that row. With nothing bound earlier to check, the
    /// other ends are judged by the column filters as a batch first.
    override func pushRows(_ body: (inout Row) throws(QueryError) -> Void) throws(QueryError) {
        guard matchesFromStartAlone else {
            try super.pushRows(body)
            return
        }
        var batch = MatchBatch(self)
        let project = projectionToApply
        try input.pushRows { (row: inout Row) throws(QueryError) in
            try forEachMatch(of: &row, &batch) { (row: inout Row) throws(QueryError) in try pass(&row, project, to: body) }
        }
    }

    /// Nothing bound earlier constrains a match (only the start node does): `forEachMatch` may be used.
    var matchesFromStartAlone: Bool { !toBound && !relationshipBound && excluded.isEmpty }

    /// What `forEachMatch` reuses from one input row to the next: the adjacency block and the
    /// live relationships (taken once, a copy per row would retain each of their arrays) and the
    /// candidates' buffers.
    struct MatchBatch {
        let block: Adjacency?
        let alive: Bitset?
        var others = NodeBatch()
        var relationships: [RelID] = []
        var kept = NodeBatch()
        /// The memos that read the node reached, warmed for the kept nodes of each batch.
        let memos: [StoredValueMemo]

        init(_ expansion: ExpandOperator) {
            block = expansion.hasColumnFilters ? expansion.adjacencyBlock() : nil
            alive = block == nil ? nil : expansion.ctx.snapshot.liveRelationshipsToCheck
            memos = expansion.ctx.memosReadingSlot[expansion.to] ?? []
        }

        /// The kept nodes' codes read ahead by each memo that reads them.
        @inline(__always)
        func warmMemos() {
            for i in memos.indices { memos[i].warm(kept) }
        }
    }

    /// Each match of `row` (when `matchesFromStartAlone`), bound in it and handed to `body` (which
    /// counts it). With column filters the other ends are judged as a batch first.
    @inline(__always)
    func forEachMatch(of row: inout Row, _ batch: inout MatchBatch, _ body: (inout Row) throws(QueryError) -> Void) throws(QueryError) {
        guard let n = try start(row) else { return }
        guard hasColumnFilters else {
            var neighbours = ctx.neighbours(of: n, direction, types)
            while let (e, _) = neighbours.next() {
                guard try matches(e, &row) else { continue }
                try body(&row)
            }
            return
        }
        try ctx.tick()
        /// The relationship and the other end bound, the row checked and handed on.
        func handOn(_ relationship: RelID, _ other: Int) throws(QueryError) {
            try ctx.tick()
            // Both slots written under one check that the row is not shared (and one that they
            // are in it: a buffer's subscript checks nothing).
            row.withUnsafeMutableBufferPointer { slots in
                precondition(relationshipSlot < slots.count && to < slots.count, "a match's slots lie outside its row")
                slots[relationshipSlot] = .relationship(relationship)
                slots[to] = .node(NodeID(other))
            }
            guard try acceptsRow(&row) else { return }
            try body(&row)
        }
        // The filters judge nodes only, so a node kept once is kept wherever it comes: the kept
        // ones are the candidates in order, and each is found again by walking both.
        if let run = wholeRun(from: n, batch.block, batch.alive), let block = batch.block {
            // The wanted relationships are one run of the block: judged straight from it.
            if run.isEmpty { return }
            batch.kept.fill(otherEndsOf: run, in: block)
            try selectByColumns(&batch.kept, &row)
            batch.warmMemos()
            var k = 0
            try block.entries.withUnsafeBufferPointer { (entries) throws(QueryError) in
                try batch.kept.withNodes { (kept) throws(QueryError) in
                    for i in run where k < kept.count && Int(entries[i].other) == kept[k] {
                        k += 1
                        try handOn(entries[i].relationship, kept[k - 1])
                    }
                }
            }
            return
        }
        batch.others.removeAll()
        batch.relationships.removeAll(keepingCapacity: true)
        gather(from: n, batch.block, batch.alive) { other, relationship in
            batch.others.append(other)
            batch.relationships.append(relationship)
        }
        if batch.others.isEmpty { return }
        batch.kept.fill(from: batch.others)
        try selectByColumns(&batch.kept, &row)
        batch.warmMemos()
        var k = 0
        for i in batch.others.indices where k < batch.kept.count && batch.others[i] == batch.kept[k] {
            k += 1
            try handOn(batch.relationships[i], batch.others[i])
        }
    }

    /// How many rows the expansion would make of `row`, without making them (an aggregate that
    /// only counts them asks this). The last candidate is left in `row`.
    func matchCount(_ row: inout Row) throws(QueryError) -> Int {
        guard let n = try start(row) else { return 0 }
        return try matchCount(from: n, &row)
    }

    /// The same, from a node the caller knows (`row` may hold anything in the `from` slot).
    func matchCount(from n: NodeID, _ row: inout Row) throws(QueryError) -> Int {
        if countsInBatches { return try batchCount(from: n, adjacencyBlock(), ctx.snapshot.liveRelationshipsToCheck, &candidates, &row) }
        var neighbours = ctx.neighbours(of: n, direction, types)
        var count = 0
        while let (e, _) = neighbours.next() {
            if try matches(e, &row) { count += 1 }
        }
        return count
    }

    /// No filter needs the row and nothing bound earlier constrains the match: counts come
    /// from the other ends alone.
    private var countsInBatches: Bool { !hasRowFilters && !toBound && !relationshipBound && excluded.isEmpty }

    /// `matchCount(from:)` for every node of `members` in one loop, reporting the nodes with
    /// matches: the adjacency block and the batch stay local to the loop.
    func matchCounts(from members: Bitset, _ row: inout Row, _ report: (NodeID, Int) -> Void) throws(QueryError) {
        let batched = countsInBatches
        let block = batched ? adjacencyBlock() : nil, alive = ctx.snapshot.liveRelationshipsToCheck
        var found = NodeBatch()
        var position = 0
        while let n = members.next(from: position) {
            position = n + 1
            let matches = batched ? try batchCount(from: NodeID(n), block, alive, &found, &row) : try matchCount(from: NodeID(n), &row)
            if matches > 0 { report(NodeID(n), matches) }
        }
    }

    /// The count when only the other ends matter: they are gathered into `found` and filtered
    /// as a batch, column by column.
    @inline(__always)
    private func batchCount(from n: NodeID, _ block: Adjacency?, _ alive: Bitset?, _ found: inout NodeBatch,
                            _ row: inout Row) throws(QueryError) -> Int {
        if let run = wholeRun(from: n, block, alive), let block {
            found.fill(otherEndsOf: run, in: block)
        } else {
            found.removeAll()
            gather(from: n, block, alive) { other, _ in found.append(other) }
        }
        try ctx.tick()
        if found.isEmpty { return 0 }
        try selectByColumns(&found, &row)
        return found.count
    }

    /// The compressed adjacency block in the expansion's direction, read directly in a statement
    /// that does not write (nil when it has relationships pending a rebuild, or for both ways).
    private func adjacencyBlock() -> Adjacency? {
        if graphStandsStill, direction != .both, !blockTaken {
            let adjacency = direction == .outgoing ? ctx.snapshot.outgoing : ctx.snapshot.incoming
            if adjacency.pending.isEmpty { block = adjacency }
            blockTaken = true
        }
        return block
    }

    /// The entries of the adjacency block that are exactly `n`'s wanted relationships, when
    /// they lie in one run (any type or one type, nothing deleted since the block was built):
    /// taken whole, with no test and no append per entry. Nil otherwise.
    @inline(__always)
    private func wholeRun(from n: NodeID, _ block: Adjacency?, _ alive: Bitset?) -> Range<Int>? {
        guard let block, alive == nil else { return nil }
        guard let types else { return block.range(of: n) }
        guard types.count == 1 else { return nil }
        let run = NeighborCursor.narrowed(block.range(of: n), block.entries, types)
        // Entries are sorted by type, so the run is all of one type when both of its ends are
        // (narrowing leaves a run of one entry as it is).
        guard let first = run.first, let last = run.last else { return run }
        return block.entries[first].type == types[0] && block.entries[last].type == types[0] ? run : nil
    }

    /// The other ends and relationships of `n`'s live relationships of the wanted types: from the
    /// adjacency block read directly when there is one, else through the graph's cursor.
    @inline(__always)
    private func gather(from n: NodeID, _ block: Adjacency?, _ alive: Bitset?, _ add: (_ other: Int, _ relationship: RelID) -> Void) {
        guard let block else {
            var neighbours = ctx.neighbours(of: n, direction, types)
            while let (e, _) = neighbours.next() { add(Int(e.other), e.relationship) }
            return
        }
        for i in NeighborCursor.narrowed(block.range(of: n), block.entries, types) {
            let e = block.entries[i]
            if let types, !types.contains(e.type) { continue }
            if let alive, !alive.contains(Int(e.relationship)) { continue }
            add(Int(e.other), e.relationship)
        }
    }

    /// The node to expand from, or nil when the row yields nothing.
    private func start(_ row: Row) throws(QueryError) -> NodeID? {
        guard case .node(let n) = row[from] else {
            if row[from].isNull { return nil }
            throw .typeMismatch("a pattern expects a node", got: row[from])
        }
        if toBound, !(row[to].isNode) { return nil }
        return n
    }

    /// Binds the relationship and the node at its other end in `row` and checks them.
    @inline(__always)
    private func matches(_ e: AdjacencyEntry, _ row: inout Row) throws(QueryError) -> Bool {
        try ctx.tick()
        if toBound {
            guard case .node(let t) = row[to], t == e.other else { return false }
        }
        if relationshipBound {
            guard case .relationship(let r) = row[relationshipSlot], r == e.relationship else { return false }
        }
        if row.binds(e.relationship, in: excluded) { return false }
        row[relationshipSlot] = .relationship(e.relationship)
        row[to] = .node(e.other)
        return try accepts(&row, node: e.other)
    }

    override func reset() {
        current = nil
        cursor = nil
        super.reset()
    }

    override var candidatesInOrder: Bool { false }

    override var keptRowSlots: [Int]? { [relationshipSlot, to] }

    override var bindingText: String { "Expand \(text)" }
}

extension Row {
    /// True when one of `slots` holds the relationship, alone or in a list (a pattern never
    /// uses a relationship twice).
    @inline(__always)
    func binds(_ r: RelID, in slots: [Int]) -> Bool {
        for s in slots {
            switch self[s] {
            case .relationship(let x) where x == r: return true
            case .list(let l) where l.contains(where: { $0.relationshipID == r }): return true
            default: continue
            }
        }
        return false
    }
}

extension Value {
    var isNode: Bool {
        if case .node = self { return true }
        return false
    }
}
