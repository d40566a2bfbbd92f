/// For each input row with both end nodes bound, the shortest path between them (or all of the
/// shortest ones), found breadth first; binds the path and its relationship list.
final class ShortestPathOperator: PipelineOperator {
    let from: Int
    let to: Int
    let relationshipsSlot: Int
    let pathSlot: Int?
    let direction: Direction
    let types: [Int32]?
    let minHops: Int
    let maxHops: Int?
    let all: Bool
    /// One path, searched from both ends at once (the planner's choice).
    let bidirectional: Bool
    let text: String
    @exclusivity(unchecked) var current: Row?
    @exclusivity(unchecked) var results: [PathValue] = []
    @exclusivity(unchecked) var position = 0

    init(_ ctx: ExecutionContext, _ input: PhysicalOperator, from: Int, to: Int, relationships: Int, path: Int?,
         direction: Direction, types: [Int32]?, minHops: Int, maxHops: Int?, all: Bool, bidirectional: Bool, text: String) {
        self.from = from
        self.to = to
        self.relationshipsSlot = relationships
        self.pathSlot = path
        self.direction = direction
        self.types = types
        self.minHops = minHops
        self.maxHops = maxHops
        self.all = all
        self.bidirectional = bidirectional && !all
        self.text = text
        super.init(ctx, input)
    }

    override func produce() throws(QueryError) -> Row? {
        while true {
            if position < results.count, var row = current.take() {
                let p = results[position]
                position += 1
                row[relationshipsSlot] = .list(p.relationships.map { .relationship($0) })
                if let pathSlot { row[pathSlot] = .path(p) }
                current = row
                return row
            }
            guard let row = try input.next() else { return nil }
            guard case .node(let a) = row[from], case .node(let b) = row[to] else { continue }
            results = try search(from: a, to: b)
            current = row
            position = 0
        }
    }

    /// Breadth-first search keeping, for every node reached, the (node, relationship) pairs one
    /// level closer to the start.
    func search(from a: NodeID, to b: NodeID) throws(QueryError) -> [PathValue] {
        if a == b {
            return minHops == 0 ? [PathValue(nodes: [a], relationships: [])] : []
        }
        if bidirectional { return try meetInTheMiddle(from: a, to: b).map { [$0] } ?? [] }
        var parents: [NodeID: [(NodeID, RelID)]] = [a: []]
        var frontier = [a]
        var depth = 0
        var found = false
        while !frontier.isEmpty, !found {
            if let maxHops, depth >= maxHops { break }
            depth += 1
            var nextFrontier: [NodeID] = []
            var reachedThisLevel: [NodeID: [(NodeID, RelID)]] = [:]
            for n in frontier {
                var cursor = ctx.neighbours(of: n, direction, types)
                while let (e, _) = cursor.next() {
                    try ctx.tick()
                    if parents[e.other] != nil { continue }
                    if reachedThisLevel[e.other] == nil { nextFrontier.append(e.other) }
                    if all || reachedThisLevel[e.other] == nil {
                        reachedThisLevel[e.other, default: []].append((n, e.relationship))
                    }
                    if e.other == b { found = true }
                }
                if found && !all { break }
            }
            for (k, v) in reachedThisLevel { parents[k] = v }
            frontier = nextFrontier
        }
        guard found, depth >= minHops else { return [] }
        var paths: [PathValue] = []
        func walk(_ node: NodeID, _ nodes: [NodeID], _ rels: [RelID]) {
            if node == a {
                paths.append(PathValue(nodes: [a] + nodes.reversed(), relationships: rels.reversed()))
                return
            }
            for (p, r) in parents[node] ?? [] {
                walk(p, nodes + [node], rels + [r])
                if !all && !paths.isEmpty { return }
            }
        }
        walk(b, [], [])
        return paths
    }

    /// One shortest path, searched from both ends at once, a level at a time from the side
    /// whose frontier is smaller: around a hub this touches far fewer nodes than a search from
    /// one end. Nil when none is within `maxHops`.
    func meetInTheMiddle(from a: NodeID, to b: NodeID) throws(QueryError) -> PathValue? {
        let backward = direction.reversed
        // For each side: the nodes reached, each with its depth and the step one level closer.
        var reached: [[NodeID: (depth: Int, parent: NodeID, relationship: RelID)]] = [[a: (0, a, -1)], [b: (0, b, -1)]]
        var frontiers: [[NodeID]] = [[a], [b]]
        var depths = [0, 0]
        while !frontiers[0].isEmpty, !frontiers[1].isEmpty {
            if let maxHops, depths[0] + depths[1] >= maxHops { return nil }
            let side = frontiers[0].count <= frontiers[1].count ? 0 : 1
            let other = 1 - side
            depths[side] += 1
            var next: [NodeID] = []
            var meeting: (node: NodeID, total: Int)?
            for n in frontiers[side] {
                var cursor = ctx.neighbours(of: n, side == 0 ? direction : backward, types)
                while let (e, _) = cursor.next() {
                    try ctx.tick()
                    if reached[side][e.other] != nil { continue }
                    reached[side][e.other] = (depths[side], n, e.relationship)
                    next.append(e.other)
                    if let there = reached[other][e.other], meeting == nil || depths[side] + there.depth < meeting!.total {
                        meeting = (e.other, depths[side] + there.depth)
                    }
                }
            }
            if let meeting {
                if let maxHops, meeting.total > maxHops { return nil }
                return path(through: meeting.node, reached, a, b)
            }
            frontiers[side] = next
        }
        return nil
    }

    /// The path a … m … b from the steps each side recorded.
    private func path(through m: NodeID, _ reached: [[NodeID: (depth: Int, parent: NodeID, relationship: RelID)]],
                      _ a: NodeID, _ b: NodeID) -> PathValue {
        var nodes = [m], relationships: [RelID] = []
        var n = m
        while n != a, let step = reached[0][n] {
            nodes.append(step.parent)
            relationships.append(step.relationship)
            n = step.parent
        }
        nodes.reverse()
        relationships.reverse()
        n = m
        while n != b, let step = reached[1][n] {
            nodes.append(step.parent)
            relationships.append(step.relationship)
            n = step.parent
        }
        return PathValue(nodes: nodes, relationships: relationships)
    }

    override func reset() {
        current = nil
        results = []
        super.reset()
    }

    override var explanation: String { "\(all ? "AllShortestPaths" : bidirectional ? "BidirectionalShortestPath" : "ShortestPath") \(text)" }
}
