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

extension ShortestPaths {
    /// Every shortest path (fewest relationships) from `source` to `target`, breadth first with
    /// all the parents of each node one level closer; at most `limit` paths.
    static func all(_ g: ProjectedGraph, from source: Int, to target: Int, limit: Int, _ p: ProcedureContext) throws(QueryError)
        -> [(nodes: [Int], relationships: [RelID])] {
        var depth = [Int](repeating: -1, count: g.count)
        var parents = [[(node: Int, relationship: RelID)]](repeating: [], count: g.count)
        depth[source] = 0
        var frontier = [source]
        while !frontier.isEmpty, depth[target] < 0 {
            try p.tick()
            var next: [Int] = []
            for v in frontier {
                for e in g.neighbours(v) {
                    let w = Int(g.targets[e])
                    if depth[w] < 0 {
                        depth[w] = depth[v] + 1
                        next.append(w)
                    }
                    if depth[w] == depth[v] + 1 { parents[w].append((v, g.relationships[e])) }
                }
            }
            frontier = next
        }
        guard depth[target] >= 0 else { return [] }
        if source == target { return [([source], [])] }
        var paths: [(nodes: [Int], relationships: [RelID])] = []
        // Walk back from the target, depth first, with an explicit stack.
        var stack: [(node: Int, nodes: [Int], relationships: [RelID])] = [(target, [target], [])]
        while let (v, nodes, rels) = stack.popLast(), paths.count < limit {
            if v == source {
                paths.append((nodes.reversed(), rels.reversed()))
                continue
            }
            for (u, r) in parents[v].reversed() { stack.append((u, nodes + [u], rels + [r])) }
        }
        return paths
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
