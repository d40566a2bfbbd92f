/// Dijkstra's shortest path on the weights (1 for each relationship without `weight`).
enum ShortestPaths {
    /// The cheapest path from `source` to `target` (dense indices) and its cost; nil when none.
    static func dijkstra(_ g: ProjectedGraph, from source: Int, to target: Int, _ p: ProcedureContext) throws(QueryError)
        -> (nodes: [Int], relationships: [RelID], cost: Double)? {
        var cost = [Double](repeating: .infinity, count: g.count)
        var via = [Int](repeating: -1, count: g.count), previous = [Int](repeating: -1, count: g.count)
        var done = [Bool](repeating: false, count: g.count)
        var heap = MinHeap()
        cost[source] = 0
        heap.push(0, source)
        var settled = 0
        while let (c, v) = heap.pop() {
            if done[v] { continue }
            done[v] = true
            settled += 1
            if settled & 0xFFF == 0 { try p.tick() }
            if v == target { break }
            for e in g.neighbours(v) {
                let w = g.weight(e)
                guard w >= 0 else { throw .invalidArgument("algo.dijkstra: a weight is negative (\(w)); Dijkstra needs weights of 0 or more") }
                let t = Int(g.targets[e])
                if c + w < cost[t] {
                    cost[t] = c + w
                    via[t] = e
                    previous[t] = v
                    heap.push(c + w, t)
                }
            }
        }
        guard cost[target].isFinite else { return nil }
        var nodes = [target], rels: [RelID] = []
        var at = target
        while at != source {
            guard via[at] >= 0 else { return nil }
            rels.append(g.relationships[via[at]])
            at = previous[at]
            nodes.append(at)
        }
        return (nodes.reversed(), rels.reversed(), cost[target])
    }
}

/// A binary min-heap of (priority, index).
struct MinHeap {
    private var items: [(Double, Int)] = []

    mutating func push(_ priority: Double, _ index: Int) {
        items.append((priority, index))
        var i = items.count - 1
        while i > 0, items[(i - 1) / 2].0 > items[i].0 {
            items.swapAt(i, (i - 1) / 2)
            i = (i - 1) / 2
        }
    }

    mutating func pop() -> (Double, Int)? {
        guard let first = items.first else { return nil }
        let last = items.removeLast()
        if !items.isEmpty {
            items[0] = last
            var i = 0
            while true {
                let l = 2 * i + 1, r = l + 1
                var m = i
                if l < items.count, items[l].0 < items[m].0 { m = l }
                if r < items.count, items[r].0 < items[m].0 { m = r }
                if m == i { break }
                items.swapAt(i, m)
                i = m
            }
        }
        return first
    }
}
