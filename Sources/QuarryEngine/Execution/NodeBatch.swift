/// Candidate nodes of a scan or an expansion, filtered in place: one buffer kept from batch to
/// batch, its count set directly. An `[Int]` emptied and refilled for each start node went
/// through the standard library's general `removeAll(keepingCapacity:)`, `append(contentsOf:)`
/// and `removeLast(_:)`, which cost more than the few candidates of a node.
struct NodeBatch: RandomAccessCollection {
    /// Only ever grows; the nodes are its first `count` elements.
    private var storage: [Int] = []
    private(set) var count = 0

    var startIndex: Int { 0 }
    var endIndex: Int { count }

    @inline(__always)
    subscript(i: Int) -> Int {
        precondition(i < count, "node batch index out of range")
        return storage[i]
    }

    mutating func removeAll() { count = 0 }

    @inline(__always)
    mutating func append(_ node: Int) {
        if count < storage.count { storage[count] = node } else { storage.append(node) }
        count += 1
    }

    /// The batch made `n` nodes, which `write` writes into the buffer it is given.
    @inline(__always)
    mutating func fill(count n: Int, _ write: (UnsafeMutableBufferPointer<Int>) -> Void) {
        if storage.count < n { storage.append(contentsOf: repeatElement(0, count: n - storage.count)) }
        storage.withUnsafeMutableBufferPointer { write(UnsafeMutableBufferPointer(rebasing: $0[0..<n])) }
        count = n
    }

    /// The batch made the other ends of `run`, entries of an adjacency block.
    @inline(__always)
    mutating func fill(otherEndsOf run: Range<Int>, in block: Adjacency) {
        block.entries.withUnsafeBufferPointer { entries in
            fill(count: run.count) { nodes in
                for k in nodes.indices { nodes[k] = Int(entries[run.lowerBound + k].other) }
            }
        }
    }

    /// The batch made a copy of `other`.
    @inline(__always)
    mutating func fill(from other: NodeBatch) {
        fill(count: other.count) { nodes in other.withNodes { _ = nodes.update(fromContentsOf: $0) } }
    }

    /// Keeps the first nodes as `select` leaves them: it moves the ones it keeps to the front of
    /// the buffer it is given, in order, and returns how many it kept.
    @inline(__always)
    mutating func keep<E: Error>(_ select: (UnsafeMutableBufferPointer<Int>) throws(E) -> Int) throws(E) {
        let n = count
        let kept = try storage.withUnsafeMutableBufferPointer { (all) throws(E) -> Int in
            try select(UnsafeMutableBufferPointer(rebasing: all[0..<n]))
        }
        precondition(kept <= n, "a filter kept more nodes than it was given")
        count = kept
    }

    @inline(__always)
    func withNodes<R, E: Error>(_ body: (UnsafeBufferPointer<Int>) throws(E) -> R) throws(E) -> R {
        let n = count
        return try storage.withUnsafeBufferPointer { (all) throws(E) -> R in try body(UnsafeBufferPointer(rebasing: all[0..<n])) }
    }
}
