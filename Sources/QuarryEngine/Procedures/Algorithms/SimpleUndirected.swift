/// The subgraph as a simple undirected graph (each neighbour once, no loops), for the
/// algorithms defined on one: triangles, clustering, cores.
struct SimpleUndirected {
    /// `offsets[i]..<offsets[i+1]` index `adjacent`: node i's neighbours, each once, in the
    /// order the projection first reached them.
    let offsets: [Int]
    let adjacent: [Int32]

    var count: Int { offsets.count - 1 }

    @inline(__always)
    func neighbourCount(_ i: Int) -> Int { offsets[i + 1] - offsets[i] }

    @inline(__always)
    func neighbours(_ i: Int) -> ArraySlice<Int32> { adjacent[offsets[i]..<offsets[i + 1]] }

    /// Every relationship both ways, in flat arrays (a million nodes are not a million lists):
    /// counted, placed, then each node's repeats squeezed out by marking the neighbours seen
    /// (no sort: nothing here needs the neighbours in order).
    init(_ g: ProjectedGraph) {
        let n = g.count
        var bounds = [Int](repeating: 0, count: n + 1)
        var all: [Int32] = []
        var offsets = [Int](repeating: 0, count: n + 1)
        g.offsets.withUnsafeBufferPointer { gOffsets in
            g.targets.withUnsafeBufferPointer { targets in
                bounds.withUnsafeMutableBufferPointer { bounds in
                    for i in 0..<n {
                        for e in gOffsets[i]..<gOffsets[i + 1] where Int(targets[e]) != i {
                            bounds[i + 1] += 1
                            bounds[Int(targets[e]) + 1] += 1
                        }
                    }
                    for i in 0..<n { bounds[i + 1] += bounds[i] }
                    var fill = Array(bounds)
                    all = [Int32](repeating: 0, count: bounds[n])
                    all.withUnsafeMutableBufferPointer { all in
                        fill.withUnsafeMutableBufferPointer { fill in
                            for i in 0..<n {
                                for e in gOffsets[i]..<gOffsets[i + 1] where Int(targets[e]) != i {
                                    let j = Int(targets[e])
                                    all[fill[i]] = targets[e]
                                    fill[i] += 1
                                    all[fill[j]] = Int32(i)
                                    fill[j] += 1
                                }
                            }
                        }
                        var seenBy = [Int32](repeating: -1, count: n)
                        seenBy.withUnsafeMutableBufferPointer { seenBy in
                            offsets.withUnsafeMutableBufferPointer { offsets in
                                var kept = 0
                                for i in 0..<n {
                                    for k in bounds[i]..<bounds[i + 1] where seenBy[Int(all[k])] != Int32(i) {
                                        seenBy[Int(all[k])] = Int32(i)
                                        all[kept] = all[k]
                                        kept += 1
                                    }
                                    offsets[i + 1] = kept
                                }
                            }
                        }
                    }
                }
            }
        }
        all.removeLast(all.count - (offsets.last ?? 0))
        self.offsets = offsets
        adjacent = all
    }

    /// Triangles through each node, and its local clustering coefficient: each triangle is found
    /// once, from its lowest-ranked corner (rank: degree, then index), by marking that corner's
    /// higher-ranked neighbours and looking among theirs.
    func triangles(_ p: ProcedureContext) throws(QueryError) -> [(triangles: Int, coefficient: Double)] {
        let n = count
        func ranksBelow(_ a: Int, _ b: Int) -> Bool {
            let da = neighbourCount(a), db = neighbourCount(b)
            return da != db ? da < db : a < b
        }
        // Each node's higher-ranked neighbours, in flat arrays like the neighbours.
        var higherOffsets = [Int](repeating: 0, count: n + 1)
        var higher: [Int32] = []
        higher.reserveCapacity(adjacent.count / 2)
        for u in 0..<n {
            for v in neighbours(u) where ranksBelow(u, Int(v)) { higher.append(v) }
            higherOffsets[u + 1] = higher.count
        }
        var found = [Int](repeating: 0, count: n)
        var mark = [Int](repeating: -1, count: n)
        for u in 0..<n {
            if u & 0xFFF == 0 { try p.tick() }
            for k in higherOffsets[u]..<higherOffsets[u + 1] { mark[Int(higher[k])] = u }
            for k in higherOffsets[u]..<higherOffsets[u + 1] {
                let v = Int(higher[k])
                for l in higherOffsets[v]..<higherOffsets[v + 1] where mark[Int(higher[l])] == u {
                    let w = higher[l]
                    found[u] += 1
                    found[v] += 1
                    found[Int(w)] += 1
                }
            }
        }
        return (0..<n).map { i in
            let d = neighbourCount(i)
            return (found[i], d < 2 ? 0 : 2 * Double(found[i]) / Double(d * (d - 1)))
        }
    }

    /// Each node's core number (Batagelj and Zaversnik: nodes taken in order of degree).
    func cores() -> [Int] {
        let n = count
        // 32-bit arrays: the loop below is bound by memory traffic to random places.
        var degree = (0..<n).map { Int32(neighbourCount($0)) }
        let maxDegree = Int(degree.max() ?? 0)
        var bins = [Int32](repeating: 0, count: maxDegree + 1)
        for d in degree { bins[Int(d)] += 1 }
        var start: Int32 = 0
        for d in 0...maxDegree {
            let count = bins[d]
            bins[d] = start
            start += count
        }
        var order = [Int32](repeating: 0, count: n), position = [Int32](repeating: 0, count: n)
        for v in 0..<n {
            position[v] = bins[Int(degree[v])]
            order[Int(position[v])] = Int32(v)
            bins[Int(degree[v])] += 1
        }
        for d in stride(from: maxDegree, to: 0, by: -1) { bins[d] = bins[d - 1] }
        if maxDegree >= 0 { bins[0] = 0 }
        // Buffer pointers: with array subscripts this loop was most of the time.
        degree.withUnsafeMutableBufferPointer { degree in
            order.withUnsafeMutableBufferPointer { order in
                position.withUnsafeMutableBufferPointer { position in
                    bins.withUnsafeMutableBufferPointer { bins in
                        offsets.withUnsafeBufferPointer { offsets in
                            adjacent.withUnsafeBufferPointer { adjacent in
                                for i in 0..<n {
                                    let v = Int(order[i])
                                    for k in offsets[v]..<offsets[v + 1] {
                                        let u = Int(adjacent[k])
                                        guard degree[u] > degree[v] else { continue }
                                        let du = Int(degree[u]), pu = Int(position[u]), pw = Int(bins[du]), w = Int(order[pw])
                                        if u != w {
                                            position[u] = Int32(pw); order[pu] = Int32(w)
                                            position[w] = Int32(pu); order[pw] = Int32(u)
                                        }
                                        bins[du] += 1
                                        degree[u] -= 1
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        return degree.map { Int($0) }
    }
}
