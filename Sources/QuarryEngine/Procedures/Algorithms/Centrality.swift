/// Betweenness and closeness from breadth-first searches over the subgraph's neighbours (each
/// neighbour once: parallel relationships do not make more shortest paths).
enum Centrality {
    /// Brandes' algorithm from every node, or from `samples` nodes spread evenly over the ids
    /// (then scaled by n / samples, an estimate). Not normalised; for `BOTH` each pair counts once.
    static func betweenness(_ g: ProjectedGraph, undirected: Bool, samples: Int?, _ p: ProcedureContext) throws(QueryError) -> [Double] {
        let n = g.count
        let adjacency = g.distinctNeighbours()
        var score = [Double](repeating: 0, count: n)
        let sources: [Int]
        if let samples, samples < n, samples > 0 {
            sources = (0..<samples).map { $0 * n / samples }
        } else {
            sources = Array(0..<n)
        }
        var sigma = [Double](repeating: 0, count: n), distance = [Int](repeating: -1, count: n), delta = [Double](repeating: 0, count: n)
        var predecessors = [[Int32]](repeating: [], count: n)
        for s in sources {
            try p.tick()
            var order: [Int] = []
            for i in 0..<n { sigma[i] = 0; distance[i] = -1; delta[i] = 0; predecessors[i].removeAll(keepingCapacity: true) }
            sigma[s] = 1
            distance[s] = 0
            var queue = [s], head = 0
            while head < queue.count {
                let v = queue[head]
                head += 1
                order.append(v)
                for w32 in adjacency[v] {
                    let w = Int(w32)
                    if distance[w] < 0 {
                        distance[w] = distance[v] + 1
                        queue.append(w)
                    }
                    if distance[w] == distance[v] + 1 {
                        sigma[w] += sigma[v]
                        predecessors[w].append(Int32(v))
                    }
                }
            }
            for w in order.reversed() {
                for v32 in predecessors[w] {
                    let v = Int(v32)
                    delta[v] += sigma[v] / sigma[w] * (1 + delta[w])
                }
                if w != s { score[w] += delta[w] }
            }
        }
        let scale = (undirected ? 0.5 : 1) * Double(n) / Double(max(1, sources.count))
        return score.map { $0 * scale }
    }

    /// Closeness from the distances along the direction: (r - 1) / (sum of distances), times
    /// (r - 1) / (n - 1) where r nodes are reachable (Wasserman and Faust), 0 when none is.
    static func closeness(_ g: ProjectedGraph, _ p: ProcedureContext) throws(QueryError) -> [Double] {
        let n = g.count
        let adjacency = g.distinctNeighbours()
        var distance = [Int](repeating: -1, count: n)
        var out: [Double] = []
        for s in 0..<n {
            if s & 0x3F == 0 { try p.tick() }
            for i in 0..<n { distance[i] = -1 }
            distance[s] = 0
            var queue = [s], head = 0, total = 0
            while head < queue.count {
                let v = queue[head]
                head += 1
                total += distance[v]
                for w32 in adjacency[v] where distance[Int(w32)] < 0 {
                    distance[Int(w32)] = distance[v] + 1
                    queue.append(Int(w32))
                }
            }
            let reached = Double(queue.count - 1)
            out.append(total > 0 && n > 1 ? reached / Double(total) * reached / Double(n - 1) : 0)
        }
        return out
    }
}
