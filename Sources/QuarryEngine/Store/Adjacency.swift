/// One neighbour of a node: the relationship, its type and the node at the other end.
struct AdjacencyEntry: Sendable, BitwiseCopyable {
    var relationship: RelID
    var type: Int32
    var other: NodeID
}

/// The relationships of every node in one direction: a compressed sparse row block sorted by node
/// and type, plus the relationships added since the block was last rebuilt. Deleted relationships
/// stay in place until the next rebuild; readers skip them.
struct Adjacency: Sendable {
    var offsets: [Int32] = [0]
    var entries: [AdjacencyEntry] = []
    var pending: [NodeID: [AdjacencyEntry]] = [:]
    var pendingCount = 0

    init() {}

    /// The compressed block's range for `node`.
    @inline(__always)
    func range(of node: NodeID) -> Range<Int> {
        let n = Int(node)
        guard n + 1 < offsets.count else { return 0..<0 }
        return Int(offsets[n])..<Int(offsets[n + 1])
    }

    mutating func add(_ node: NodeID, _ entry: AdjacencyEntry) {
        pending[node, default: []].append(entry)
        pendingCount += 1
    }

    var needsRebuild: Bool { pendingCount > 4096 && pendingCount > entries.count / 8 }

    /// Rebuilds the block straight from the relationship columns (a counting sort by `keys`, the
    /// start or end node; `others` is the node at the far end), with no intermediate copies.
    mutating func rebuild(nodeCount: Int, keys: [NodeID], others: [NodeID], types: [Int32], alive: Bitset) {
        var counts = [Int32](repeating: 0, count: nodeCount + 1)
        var r = alive.next(from: 0)
        while let rel = r {
            counts[Int(keys[rel]) + 1] += 1
            r = alive.next(from: rel + 1)
        }
        for i in 0..<nodeCount { counts[i + 1] += counts[i] }
        var fill = counts
        var out = [AdjacencyEntry](repeating: AdjacencyEntry(relationship: 0, type: 0, other: 0), count: Int(counts[nodeCount]))
        r = alive.next(from: 0)
        while let rel = r {
            let n = Int(keys[rel])
            out[Int(fill[n])] = AdjacencyEntry(relationship: RelID(rel), type: types[rel], other: others[rel])
            fill[n] += 1
            r = alive.next(from: rel + 1)
        }
        for n in 0..<nodeCount where counts[n + 1] - counts[n] > 1 {
            out[Int(counts[n])..<Int(counts[n + 1])].sort { ($0.type, $0.relationship) < ($1.type, $1.relationship) }
        }
        offsets = counts
        entries = out
        pending = [:]
        pendingCount = 0
    }
}
