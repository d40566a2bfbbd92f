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
    let text: String
    var current: Row?
    var results: [PathValue] = []
    var position = 0

    init(_ ctx: ExecutionContext, _ input: PhysicalOperator, from: Int, to: Int, relationships: Int, path: Int?,
         direction: Direction, types: [Int32]?, minHops: Int, maxHops: Int?, all: Bool, text: String) {
        self.from = from
        self.to = to
        self.relationshipsSlot = relationships
        self.pathSlot = path
        self.direction = direction
        self.types = types
        self.minHops = minHops
        self.maxHops = maxHops
        self.all = all
        self.text = text
        super.init(ctx, input)
    }

    override func produce() throws(QueryError) -> Row? {
        while true {
            if var row = current, position < results.count {
                let p = results[position]
                position += 1
                row[relationshipsSlot] = .list(p.relationships.map { .relationship($0) })
                if let pathSlot { row[pathSlot] = .path(p) }
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

    override func reset() {
        current = nil
        results = []
        super.reset()
    }

    override var explanation: String { "\(all ? "AllShortestPaths" : "ShortestPath") \(text)" }
}
