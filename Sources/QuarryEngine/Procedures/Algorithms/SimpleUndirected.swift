/// The subgraph as a simple undirected graph (each neighbour once, no loops), sorted, for the
/// algorithms defined on one: triangles, clustering, cores.
struct SimpleUndirected {
    let neighbours: [[Int32]]

    init(_ g: ProjectedGraph) {
        var lists = [[Int32]](repeating: [], count: g.count)
        for i in 0..<g.count {
            for e in g.neighbours(i) {
                let j = Int(g.targets[e])
                guard j != i else { continue }
                lists[i].append(Int32(j))
                lists[j].append(Int32(i))
            }
        }
        neighbours = lists.map { Array(Set($0)).sorted() }
    }

    /// Triangles through each node, and its local clustering coefficient.
    func triangles(_ p: ProcedureContext) throws(QueryError) -> [(triangles: Int, coefficient: Double)] {
        var out: [(Int, Double)] = []
        for (i, ns) in neighbours.enumerated() {
            if i & 0xFF == 0 { try p.tick() }
            var t = 0
            for (k, a) in ns.enumerated() {
                let na = neighbours[Int(a)]
                for b in ns[(k + 1)...] where Self.contains(na, b) { t += 1 }
            }
            let d = ns.count
            out.append((t, d < 2 ? 0 : 2 * Double(t) / Double(d * (d - 1))))
        }
        return out
    }

    static func contains(_ sorted: [Int32], _ x: Int32) -> Bool {
        var lo = 0, hi = sorted.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if sorted[mid] < x { lo = mid + 1 } else { hi = mid }
        }
        return lo < sorted.count && sorted[lo] == x
    }

    /// Each node's core number (Batagelj and Zaversnik: nodes taken in order of degree).
    func cores() -> [Int] {
        let n = neighbours.count
        var degree = neighbours.map(\.count)
        let maxDegree = degree.max() ?? 0
        var bins = [Int](repeating: 0, count: maxDegree + 1)
        for d in degree { bins[d] += 1 }
        var start = 0
        for d in 0...maxDegree {
            let count = bins[d]
            bins[d] = start
            start += count
        }
        var order = [Int](repeating: 0, count: n), position = [Int](repeating: 0, count: n)
        for v in 0..<n {
            position[v] = bins[degree[v]]
            order[position[v]] = v
            bins[degree[v]] += 1
        }
        for d in stride(from: maxDegree, to: 0, by: -1) { bins[d] = bins[d - 1] }
        if maxDegree >= 0 { bins[0] = 0 }
        for i in 0..<n {
            let v = order[i]
            for u32 in neighbours[v] {
                let u = Int(u32)
                guard degree[u] > degree[v] else { continue }
                let du = degree[u], pu = position[u], pw = bins[du], w = order[pw]
                if u != w {
                    position[u] = pw; order[pu] = w
                    position[w] = pu; order[pw] = u
                }
                bins[du] += 1
                degree[u] -= 1
            }
        }
        return degree
    }
}
