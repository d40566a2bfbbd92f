/// Node similarity by shared neighbours (in the configured direction): for each node, the
/// `topK` others whose neighbour sets overlap most, by Jaccard (shared / all) or overlap
/// (shared / the smaller set); ties go to the smaller node id.
enum Similarity {
    /// The pairs as result columns (node1, node2, similarity). The pairs can outnumber the
    /// relationships by far (every two nodes sharing a hub): room for more is asked of the memory
    /// guard before each doubling, and the loops check for Ctrl-C and the limits as they go.
    static func run(_ g: ProjectedGraph, overlap: Bool, topK: Int, _ p: ProcedureContext) throws(QueryError) -> ProcedureRows {
        let sets = g.distinctNeighbours()
        var holders = [[Int32]](repeating: [], count: g.count)
        for (i, ns) in sets.enumerated() { for t in ns { holders[Int(t)].append(Int32(i)) } }
        var shared = [Int](repeating: 0, count: g.count)
        var touched: [Int] = []
        var firsts: [NodeID] = [], seconds: [NodeID] = [], scores: [Double] = []
        for u in 0..<g.count {
            try p.tick()
            for t in sets[u] {
                try p.tick()
                for v32 in holders[Int(t)] where Int(v32) != u {
                    let v = Int(v32)
                    if shared[v] == 0 { touched.append(v) }
                    shared[v] += 1
                }
            }
            var scored: [(Int, Double)] = touched.map { v in
                let common = Double(shared[v]), a = Double(sets[u].count), b = Double(sets[v].count)
                return (v, overlap ? common / min(a, b) : common / (a + b - common))
            }
            for v in touched { shared[v] = 0 }
            touched.removeAll(keepingCapacity: true)
            scored.sort { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }
            for (v, s) in scored.prefix(topK) {
                if firsts.count == firsts.capacity {
                    try MemoryGuard.reserve(max(firsts.count, 1024) * 2 * (2 * MemoryLayout<NodeID>.stride + MemoryLayout<Double>.stride), at: nil)
                    let room = max(firsts.count, 1024) * 2
                    firsts.reserveCapacity(room)
                    seconds.reserveCapacity(room)
                    scores.reserveCapacity(room)
                }
                firsts.append(g.nodes[u])
                seconds.append(g.nodes[v])
                scores.append(s)
            }
        }
        return ProcedureRows(columns: [.nodes(firsts), .nodes(seconds), .floats(scores)])
    }
}
