/// Connected components, each named by the smallest node id in it.
enum Components {
    /// Weakly connected: relationships joined either way (union-find with path halving, the
    /// smaller root kept, so a component's root is its smallest dense index). The arrays are
    /// read through buffer pointers: a nested function over a captured array paid for an
    /// exclusivity check on every step.
    static func weak(_ g: ProjectedGraph, _ p: ProcedureContext) throws(QueryError) -> [Int] {
        let n = g.count
        var parent = (0..<n).map { Int32($0) }
        let chunk = 1 << 16
        for first in stride(from: 0, to: n, by: chunk) {
            try p.tick()
            parent.withUnsafeMutableBufferPointer { parent in
                g.offsets.withUnsafeBufferPointer { offsets in
                    g.targets.withUnsafeBufferPointer { targets in
                        func find(_ x: Int32) -> Int32 {
                            var x = x
                            while parent[Int(x)] != x {
                                let up = parent[Int(parent[Int(x)])]
                                parent[Int(x)] = up
                                x = up
                            }
                            return x
                        }
                        for i in first..<min(first + chunk, n) {
                            for e in offsets[i]..<offsets[i + 1] {
                                let a = find(Int32(i)), b = find(targets[e])
                                if a != b { parent[Int(max(a, b))] = min(a, b) }
                            }
                        }
                    }
                }
            }
        }
        return parent.withUnsafeMutableBufferPointer { parent in
            // Roots come before their members (smaller indices), so one pass in order resolves all.
            for i in 0..<n { parent[i] = parent[Int(parent[i])] }
            return parent.map { Int($0) }
        }
    }

    /// Strongly connected: Tarjan's algorithm with an explicit stack (no recursion, so any
    /// depth), over buffer pointers.
    static func strong(_ g: ProjectedGraph, _ p: ProcedureContext) throws(QueryError) -> [Int] {
        let n = g.count
        var index = [Int32](repeating: -1, count: n), low = [Int32](repeating: 0, count: n)
        var onStack = [Bool](repeating: false, count: n)
        var component = [Int32](repeating: -1, count: n)
        var stack: [Int32] = [], work: [(node: Int32, edge: Int)] = []
        try index.withUnsafeMutableBufferPointer { (index) throws(QueryError) in
            try low.withUnsafeMutableBufferPointer { (low) throws(QueryError) in
                try onStack.withUnsafeMutableBufferPointer { (onStack) throws(QueryError) in
                    try component.withUnsafeMutableBufferPointer { (component) throws(QueryError) in
                        try g.offsets.withUnsafeBufferPointer { (offsets) throws(QueryError) in
                            try g.targets.withUnsafeBufferPointer { (targets) throws(QueryError) in
                                var counter: Int32 = 0, visited = 0
                                for root in 0..<n where index[root] < 0 {
                                    work.append((Int32(root), offsets[root]))
                                    index[root] = counter; low[root] = counter; counter += 1
                                    stack.append(Int32(root)); onStack[root] = true
                                    while var frame = work.popLast() {
                                        visited += 1
                                        if visited & 0xFFFF == 0 { try p.tick() }
                                        let v = Int(frame.node)
                                        if frame.edge < offsets[v + 1] {
                                            let w = Int(targets[frame.edge])
                                            frame.edge += 1
                                            work.append(frame)
                                            if index[w] < 0 {
                                                index[w] = counter; low[w] = counter; counter += 1
                                                stack.append(Int32(w)); onStack[w] = true
                                                work.append((Int32(w), offsets[w]))
                                            } else if onStack[w] {
                                                low[v] = min(low[v], index[w])
                                            }
                                            continue
                                        }
                                        if let parent = work.last { low[Int(parent.node)] = min(low[Int(parent.node)], low[v]) }
                                        if low[v] == index[v] {
                                            // The component is the stack down to v; named by its smallest member.
                                            var name = Int32(v), at = stack.count - 1
                                            while stack[at] != Int32(v) {
                                                name = min(name, stack[at])
                                                at -= 1
                                            }
                                            for k in at..<stack.count {
                                                onStack[Int(stack[k])] = false
                                                component[Int(stack[k])] = name
                                            }
                                            stack.removeLast(stack.count - at)
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        return component.map { Int($0) }
    }
}
