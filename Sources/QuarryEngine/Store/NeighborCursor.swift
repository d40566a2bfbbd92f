/// Walks the live relationships of one node in one direction (or both), filtered by type,
/// straight over the adjacency arrays: no hashing, no allocation, and no copy of the graph (it
/// keeps references to the few arrays it reads).
struct NeighborCursor {
    let node: NodeID
    let direction: Direction
    let types: [Int32]?
    /// Nil when every relationship in the adjacency is live.
    let alive: Bitset?
    /// The incoming adjacency, kept only to walk both directions.
    let incoming: Adjacency?
    var entries: [AdjacencyEntry]
    var range: Range<Int>
    var pending: [AdjacencyEntry]
    var phase = 0
    var index: Int

    init(graph: Graph, node: NodeID, direction: Direction, types: [Int32]?) {
        self.init(alive: graph.liveRelationshipsToCheck, outgoing: graph.outgoing, incoming: graph.incoming, node: node, direction: direction, types: types)
    }

    /// From the three parts of the graph it reads, so that a caller holding the graph in a class
    /// need not copy all of it.
    init(alive: Bitset?, outgoing: Adjacency, incoming: Adjacency, node: NodeID, direction: Direction, types: [Int32]?) {
        self.node = node
        self.direction = direction
        self.types = types
        self.alive = alive
        self.incoming = direction == .both ? incoming : nil
        let adj = direction == .incoming ? incoming : outgoing
        entries = adj.entries
        range = Self.narrowed(adj.range(of: node), adj.entries, types)
        pending = adj.pending.isEmpty ? [] : adj.pending[node] ?? []
        index = range.lowerBound
    }

    /// A node's entries are sorted by type: only the part between the smallest and the largest
    /// wanted type needs reading (found by binary search, which matters for hubs).
    static func narrowed(_ range: Range<Int>, _ entries: [AdjacencyEntry], _ types: [Int32]?) -> Range<Int> {
        guard let types, !types.isEmpty, range.count > 1 else { return range }
        var low = types[0], high = types[0]
        for t in types { low = min(low, t); high = max(high, t) }
        return entries.withUnsafeBufferPointer { e in
            var a = range.lowerBound, b = range.upperBound
            while a < b {
                let m = (a + b) >> 1
                if e[m].type >= low { b = m } else { a = m + 1 }
            }
            let start = a
            b = range.upperBound
            while a < b {
                let m = (a + b) >> 1
                if e[m].type > high { b = m } else { a = m + 1 }
            }
            return start..<a
        }
    }

    /// The next neighbour and whether the relationship points away from `node`.
    mutating func next() -> (entry: AdjacencyEntry, outgoing: Bool)? {
        while true {
            let e: AdjacencyEntry
            if phase == 0 || phase == 2 {
                guard index < range.upperBound else {
                    phase += 1
                    index = 0
                    continue
                }
                e = entries[index]
            } else if phase == 1 || phase == 3 {
                guard index < pending.count else {
                    if phase == 1, let incoming {
                        phase = 2
                        entries = incoming.entries
                        range = Self.narrowed(incoming.range(of: node), incoming.entries, types)
                        pending = incoming.pending.isEmpty ? [] : incoming.pending[node] ?? []
                        index = range.lowerBound
                        continue
                    }
                    return nil
                }
                e = pending[index]
            } else {
                return nil
            }
            index += 1
            if let types, !types.contains(e.type) { continue }
            if let alive, !alive.contains(Int(e.relationship)) { continue }
            let isIncomingPhase = direction == .incoming || phase >= 2
            if isIncomingPhase && direction == .both && e.other == node { continue }
            return (e, !isIncomingPhase)
        }
    }
}
