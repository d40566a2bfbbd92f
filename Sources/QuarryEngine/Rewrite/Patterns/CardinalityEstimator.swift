/// Rough row counts from label, type and index statistics: enough to choose where a pattern
/// starts. Each WHERE conjunct or inline property on a node keeps 10% of the rows for an equality
/// and 30% otherwise; an expansion multiplies by the average degree of its types.
struct CardinalityEstimator {
    let graph: Graph
    let pending: [(Expr, Set<Int>)]
    let scope: [String: Int]

    func labelled(_ n: PlannedNode) -> Double {
        let counts = n.labels.map { graph.labels.id($0).map { Double(graph.labelCounts[Int($0)]) } ?? 0 }
        return counts.min() ?? Double(graph.nodeCount)
    }

    /// The share of a node's candidates that its own filters keep.
    func selectivity(_ n: PlannedNode) -> Double {
        var s = 1.0
        if let props = n.properties, case .map(let entries) = props.kind { s *= pow10(entries.count) }
        guard let name = n.name else { return s }
        for (e, _) in pending where e.referencedNames.contains(name) {
            if case .binary(.equal, _, _) = e.kind { s *= 0.1 } else { s *= 0.3 }
        }
        return s
    }

    func pow10(_ k: Int) -> Double { (0..<k).reduce(1.0) { r, _ in r * 0.1 } }

    /// Rows one expansion yields per input row.
    func fanOut(_ r: PlannedRelationship, from: PlannedNode, direction: Direction) -> Double {
        let relationships: Double
        if r.types.isEmpty {
            relationships = Double(graph.relationshipCount)
        } else {
            relationships = r.types.reduce(0) { $0 + (graph.types.id($1).map { Double(graph.typeCounts[Int($0)]) } ?? 0) }
        }
        var degree = relationships / max(1, labelled(from)) * (direction == .both ? 2 : 1)
        if let group = r.group {
            // Each iteration goes through the whole chain.
            let perIteration = group.relationships.reduce(1.0) { acc, _ in acc * max(degree, 1) }
            let iterations = Double(min(group.max ?? 3, 3))
            degree = (0..<Int(iterations)).reduce(1.0) { acc, _ in acc * perIteration } + (group.min == 0 ? 1 : 0)
        } else if let length = r.length {
            let hops = Double(min(length.max ?? 3, 3))
            degree = (0..<Int(hops)).reduce(1.0) { acc, _ in acc * max(degree, 1) } + (length.min == 0 ? 1 : 0)
        }
        return degree
    }

    /// The rows produced along the whole chain when it starts at `start` with `startRows` rows.
    func chainCost(_ part: PlannedPart, start: Int, startRows: Double, bound: Set<Int>) -> Double {
        var total = startRows
        for range in [Array(start..<part.relationships.count), Array(stride(from: start - 1, through: 0, by: -1))] {
            var rows = startRows
            for i in range {
                let forward = i >= start
                let r = part.relationships[i]
                let from = part.nodes[forward ? i : i + 1], to = part.nodes[forward ? i + 1 : i]
                let direction = forward ? r.direction : r.direction.reversed
                rows *= fanOut(r, from: from, direction: direction)
                rows *= bound.contains(to.slot) ? 1 / max(1, labelled(to)) : selectivity(to)
                total += rows
            }
        }
        return total
    }
}
