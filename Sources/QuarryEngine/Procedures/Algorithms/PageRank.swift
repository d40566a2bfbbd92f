/// PageRank by power iteration, as networkx computes it: every node starts at 1/n; each round a
/// node passes `damping` of its rank along its relationships (split by weight), what dangling
/// nodes hold is spread as the teleport is, and `1 - damping` teleports (uniformly, or to the
/// source nodes of a personalised PageRank); it stops when the total change is under
/// `n * tolerance`, or after `iterations` rounds.
enum PageRank {
    static func run(_ g: ProjectedGraph, damping: Double, iterations: Int, tolerance: Double, sources: [Int],
                    _ p: ProcedureContext) throws(QueryError) -> [Double] {
        let n = g.count
        guard n > 0 else { return [] }
        var teleport = [Double](repeating: 1 / Double(n), count: n)
        if !sources.isEmpty {
            teleport = [Double](repeating: 0, count: n)
            for s in sources { teleport[s] += 1 / Double(sources.count) }
        }
        let outWeight = Degree.run(g)
        var rank = [Double](repeating: 1 / Double(n), count: n)
        var next = [Double](repeating: 0, count: n)
        for _ in 0..<iterations {
            try p.tick()
            var dangling = 0.0
            for i in 0..<n where outWeight[i] == 0 { dangling += rank[i] }
            for i in 0..<n { next[i] = (damping * dangling + (1 - damping)) * teleport[i] }
            spread(g, rank, outWeight, damping, into: &next)
            var change = 0.0
            for i in 0..<n { change += abs(next[i] - rank[i]) }
            swap(&rank, &next)
            if change < Double(n) * tolerance { break }
        }
        return rank
    }

    /// Adds what each node passes along its relationships to `next` (buffer pointers: this loop
    /// is nearly all of the time).
    private static func spread(_ g: ProjectedGraph, _ rank: [Double], _ outWeight: [Double], _ damping: Double, into next: inout [Double]) {
        next.withUnsafeMutableBufferPointer { next in
            rank.withUnsafeBufferPointer { rank in
                outWeight.withUnsafeBufferPointer { outWeight in
                    g.offsets.withUnsafeBufferPointer { offsets in
                        g.targets.withUnsafeBufferPointer { targets in
                            g.weights.withUnsafeBufferPointer { weights in
                                for i in 0..<rank.count where outWeight[i] > 0 {
                                    let share = damping * rank[i] / outWeight[i]
                                    if g.weighted {
                                        for e in offsets[i]..<offsets[i + 1] { next[Int(targets[e])] += share * weights[e] }
                                    } else {
                                        for e in offsets[i]..<offsets[i + 1] { next[Int(targets[e])] += share }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
