/// Node similarity by shared neighbours (in the configured direction): for each node, the
/// `topK` others whose neighbour sets overlap most, by Jaccard (shared / all) or overlap
/// (shared / the smaller set); ties go to the smaller node id.
enum Similarity {
    static func run(_ g: ProjectedGraph, overlap: Bool, topK: Int, _ p: ProcedureContext) throws(QueryError) -> [(Int, Int, Double)] {
        let sets = g.distinctNeighbours()
        var holders = [[Int32]](repeating: [], count: g.count)
        for (i, ns) in sets.enumerated() { for t in ns { holders[Int(t)].append(Int32(i)) } }
        var shared = [Int](repeating: 0, count: g.count)
        var touched: [Int] = []
        var out: [(Int, Int, Double)] = []
        for u in 0..<g.count {
            if u & 0xFF == 0 { try p.tick() }
            for t in sets[u] {
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
            for (v, s) in scored.prefix(topK) { out.append((u, v, s)) }
        }
        return out
    }
}
