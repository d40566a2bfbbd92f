/// Louvain community detection on the subgraph taken as undirected and weighted (relationships
/// either way, parallel ones adding up): nodes move, one at a time in a seeded order, to the
/// neighbouring community that raises modularity most, until none does; communities then become
/// single nodes and the moves start again, until a level changes nothing.
enum Louvain {
    struct Result {
        /// Each node's community (a dense index of one of its members).
        let community: [Int]
        let modularity: Double
    }

    /// An undirected weighted graph: for each node its neighbours and weights (each pair once per
    /// direction), and each node's loop weight.
    struct Level {
        var neighbours: [[(Int, Double)]]
        var loops: [Double]
    }

    static func run(_ g: ProjectedGraph, seed: UInt64, _ p: ProcedureContext) throws(QueryError) -> Result {
        var level = Level(neighbours: Array(repeating: [], count: g.count), loops: Array(repeating: 0, count: g.count))
        var merged: [[Int: Double]] = Array(repeating: [:], count: g.count)
        for i in 0..<g.count {
            for e in g.neighbours(i) {
                let j = Int(g.targets[e]), w = g.weight(e)
                if i == j { level.loops[i] += w } else { merged[i][j, default: 0] += w; merged[j][i, default: 0] += w }
            }
        }
        level.neighbours = merged.map { $0.sorted { $0.key < $1.key }.map { ($0.key, $0.value) } }
        var membership = Array(0..<g.count)
        var random = SeededRandom(seed: seed)
        while true {
            try p.tick()
            let (community, moved) = try oneLevel(level, &random, p)
            if !moved { break }
            // Renumber the communities 0..<k and fold the graph into them.
            var index: [Int: Int] = [:]
            for c in community where index[c] == nil { index[c] = index.count }
            membership = membership.map { index[community[$0]] ?? 0 }
            var next = Level(neighbours: Array(repeating: [], count: index.count), loops: Array(repeating: 0, count: index.count))
            var folded: [[Int: Double]] = Array(repeating: [:], count: index.count)
            for (v, ns) in level.neighbours.enumerated() {
                let cv = index[community[v]] ?? 0
                next.loops[cv] += level.loops[v]
                for (u, w) in ns {
                    let cu = index[community[u]] ?? 0
                    if cu == cv { next.loops[cv] += w / 2 } else { folded[cv][cu, default: 0] += w }
                }
            }
            next.neighbours = folded.map { $0.sorted { $0.key < $1.key }.map { ($0.key, $0.value) } }
            level = next
        }
        // Name each community by its first member.
        var first: [Int: Int] = [:]
        for (v, c) in membership.enumerated() where first[c] == nil { first[c] = v }
        let community = membership.map { first[$0] ?? 0 }
        return Result(community: community, modularity: modularity(g, community))
    }

    /// Moves nodes between communities until no move raises modularity; whether any moved.
    static func oneLevel(_ level: Level, _ random: inout SeededRandom, _ p: ProcedureContext) throws(QueryError) -> ([Int], Bool) {
        let n = level.neighbours.count
        let degree = (0..<n).map { v in level.neighbours[v].reduce(2 * level.loops[v]) { $0 + $1.1 } }
        let total = degree.reduce(0, +)
        guard total > 0 else { return (Array(0..<n), false) }
        var community = Array(0..<n)
        var communityDegree = degree
        var order = Array(0..<n)
        order.shuffle(using: &random)
        var movedAny = false
        var improved = true
        var links: [Int: Double] = [:]
        while improved {
            try p.tick()
            improved = false
            for v in order {
                let own = community[v]
                links.removeAll(keepingCapacity: true)
                for (u, w) in level.neighbours[v] { links[community[u], default: 0] += w }
                communityDegree[own] -= degree[v]
                var best = own
                var bestGain = (links[own] ?? 0) - communityDegree[own] * degree[v] / total
                for (c, w) in links.sorted(by: { $0.key < $1.key }) {
                    let gain = w - communityDegree[c] * degree[v] / total
                    if gain > bestGain + 1e-12 {
                        best = c
                        bestGain = gain
                    }
                }
                communityDegree[best] += degree[v]
                if best != own {
                    community[v] = best
                    improved = true
                    movedAny = true
                }
            }
        }
        return (community, movedAny)
    }

    /// Newman's modularity of a partition of the subgraph taken as undirected.
    static func modularity(_ g: ProjectedGraph, _ community: [Int]) -> Double {
        var inside = 0.0, total = 0.0
        var degreeOf: [Int: Double] = [:]
        for i in 0..<g.count {
            for e in g.neighbours(i) {
                let j = Int(g.targets[e]), w = g.weight(e)
                total += w
                if community[i] == community[j] { inside += w }
                degreeOf[community[i], default: 0] += w
                degreeOf[community[j], default: 0] += w
            }
        }
        guard total > 0 else { return 0 }
        let m2 = 2 * total
        return (2 * inside) / m2 - degreeOf.values.reduce(0) { $0 + ($1 / m2) * ($1 / m2) }
    }
}
