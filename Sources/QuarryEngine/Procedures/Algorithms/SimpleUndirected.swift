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
        neighbours = lists.map { list in
            let sorted = list.sorted()
            var unique: [Int32] = []
            unique.reserveCapacity(sorted.count)
            for x in sorted where unique.last != x { unique.append(x) }
            return unique
        }
    }

    /// Triangles through each node, and its local clustering coefficient: each triangle is found
    /// once, from its lowest-ranked corner (rank: degree, then index), by marking that corner's
    /// higher-ranked neighbours and looking among theirs.
    func triangles(_ p: ProcedureContext) throws(QueryError) -> [(triangles: Int, coefficient: Double)] {
        let n = neighbours.count
        func ranksBelow(_ a: Int, _ b: Int) -> Bool {
            let da = neighbours[a].count, db = neighbours[b].count
            return da != db ? da < db : a < b
        }
        let higher: [[Int32]] = (0..<n).map { u in neighbours[u].filter { ranksBelow(u, Int($0)) } }
        var count = [Int](repeating: 0, count: n)
        var mark = [Int](repeating: -1, count: n)
        for u in 0..<n {
            if u & 0xFFF == 0 { try p.tick() }
            for v in higher[u] { mark[Int(v)] = u }
            for v in higher[u] {
                for w in higher[Int(v)] where mark[Int(w)] == u {
                    count[u] += 1
                    count[Int(v)] += 1
                    count[Int(w)] += 1
                }
            }
        }
        return (0..<n).map { i in
            let d = neighbours[i].count
            return (count[i], d < 2 ? 0 : 2 * Double(count[i]) / Double(d * (d - 1)))
        }
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
