/// Connected components, each named by the smallest node id in it.
enum Components {
    /// Weakly connected: relationships joined either way (union-find with path halving).
    static func weak(_ g: ProjectedGraph, _ p: ProcedureContext) throws(QueryError) -> [Int] {
        var parent = Array(0..<g.count)
        func find(_ x: Int) -> Int {
            var x = x
            while parent[x] != x {
                parent[x] = parent[parent[x]]
                x = parent[x]
            }
            return x
        }
        for i in 0..<g.count {
            if i & 0xFFF == 0 { try p.tick() }
            for e in g.neighbours(i) {
                let a = find(i), b = find(Int(g.targets[e]))
                // Dense indices follow node ids: the smaller root keeps the smaller id.
                if a != b { parent[max(a, b)] = min(a, b) }
            }
        }
        return (0..<g.count).map { find($0) }
    }

    /// Strongly connected: Tarjan's algorithm with an explicit stack (no recursion, so any depth).
    static func strong(_ g: ProjectedGraph, _ p: ProcedureContext) throws(QueryError) -> [Int] {
        let n = g.count
        var index = [Int](repeating: -1, count: n), low = [Int](repeating: 0, count: n)
        var onStack = [Bool](repeating: false, count: n)
        var stack: [Int] = []
        var component = [Int](repeating: -1, count: n)
        var counter = 0
        var visited = 0
        for root in 0..<n where index[root] < 0 {
            var work: [(node: Int, edge: Int)] = [(root, g.offsets[root])]
            index[root] = counter; low[root] = counter; counter += 1
            stack.append(root); onStack[root] = true
            while var frame = work.popLast() {
                visited += 1
                if visited & 0xFFF == 0 { try p.tick() }
                let v = frame.node
                if frame.edge < g.offsets[v + 1] {
                    let w = Int(g.targets[frame.edge])
                    frame.edge += 1
                    work.append(frame)
                    if index[w] < 0 {
                        index[w] = counter; low[w] = counter; counter += 1
                        stack.append(w); onStack[w] = true
                        work.append((w, g.offsets[w]))
                    } else if onStack[w] {
                        low[v] = min(low[v], index[w])
                    }
                    continue
                }
                if let parent = work.last { low[parent.node] = min(low[parent.node], low[v]) }
                if low[v] == index[v] {
                    var members: [Int] = []
                    while let w = stack.popLast() {
                        onStack[w] = false
                        members.append(w)
                        if w == v { break }
                    }
                    let name = members.min() ?? v
                    for m in members { component[m] = name }
                }
            }
        }
        return component
    }
}
