/// Label propagation as networkx's asynchronous version runs it, from a seed so that it repeats:
/// every node starts in a community of its own; in rounds over the nodes in a shuffled order,
/// each takes the community most of its neighbours (relationships either way, by weight) are in,
/// keeping its own when that is among the most common and otherwise drawing among them; it stops
/// when a round changes nothing, or after `iterations` rounds. Communities are named by their
/// smallest node id.
enum LabelPropagation {
    static func run(_ g: ProjectedGraph, iterations: Int, seed: UInt64, _ p: ProcedureContext) throws(QueryError) -> [Int] {
        var community = Array(0..<g.count)
        var random = SeededRandom(seed: seed)
        var votes: [Int: Double] = [:]
        var order = Array(0..<g.count)
        for _ in 0..<iterations {
            try p.tick()
            order.shuffle(using: &random)
            var changed = false
            for v in order {
                votes.removeAll(keepingCapacity: true)
                for e in g.neighbours(v) where Int(g.targets[e]) != v { votes[community[Int(g.targets[e])], default: 0] += g.weight(e) }
                guard let most = votes.values.max() else { continue }
                let best = votes.filter { $0.value == most }.keys.sorted()
                if best.contains(community[v]) { continue }
                community[v] = best[Int(random.next() % UInt64(best.count))]
                changed = true
            }
            if !changed { break }
        }
        var name: [Int: Int] = [:]
        for v in 0..<g.count where name[community[v]] == nil { name[community[v]] = v }
        return community.map { name[$0] ?? $0 }
    }
}

/// SplitMix64: a small seeded generator, so that randomised algorithms (and tests) repeat from their seed.
public struct SeededRandom: RandomNumberGenerator {
    var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
