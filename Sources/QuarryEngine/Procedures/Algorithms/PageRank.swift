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
            for i in 0..<n where outWeight[i] > 0 {
                let share = damping * rank[i] / outWeight[i]
                for e in g.neighbours(i) { next[Int(g.targets[e])] += share * g.weight(e) }
            }
            var change = 0.0
            for i in 0..<n { change += abs(next[i] - rank[i]) }
            swap(&rank, &next)
            if change < Double(n) * tolerance { break }
        }
        return rank
    }
}
