/// For each input row, every path of `minHops...maxHops` relationships from the node in `from`
/// (depth first, no relationship twice), binding the list of relationships and the last node.
final class VarExpandOperator: PipelineOperator {
    let from: Int
    let relationshipsSlot: Int
    let to: Int
    let direction: Direction
    let types: [Int32]?
    let minHops: Int
    let maxHops: Int?
    let toBound: Bool
    let excluded: [Int]
    let propertyFilter: [(Int32, Evaluator)]
    let text: String

    @exclusivity(unchecked) var current: Row?
    @exclusivity(unchecked) var stack: [NeighborCursor?] = []
    @exclusivity(unchecked) var path: [RelID] = []
    @exclusivity(unchecked) var lastNodes: [NodeID] = []
    @exclusivity(unchecked) var emitZeroLength = false
    @exclusivity(unchecked) var wanted: [(Int32, Value)] = []

    init(_ ctx: ExecutionContext, _ input: PhysicalOperator, from: Int, relationships: Int, to: Int, direction: Direction,
         types: [Int32]?, minHops: Int, maxHops: Int?, toBound: Bool, excluded: [Int],
         propertyFilter: [(Int32, Evaluator)], text: String) {
        self.from = from
        self.relationshipsSlot = relationships
        self.to = to
        self.direction = direction
        self.types = types
        self.minHops = minHops
        self.maxHops = maxHops
        self.toBound = toBound
        self.excluded = excluded
        self.propertyFilter = propertyFilter
        self.text = text
        super.init(ctx, input)
    }

    override func produce() throws(QueryError) -> Row? {
        while true {
            if current == nil {
                guard var row = try input.next() else { return nil }
                guard case .node(let start) = row[from] else {
                    if row[from].isNull { continue }
                    throw .typeMismatch("a pattern expects a node", got: row[from])
                }
                wanted = []
                for (k, e) in propertyFilter { wanted.append((k, try e(&row))) }
                current = row
                stack = [maxHops == 0 ? nil : ctx.neighbours(of: start, direction, types)]
                path = []
                lastNodes = [start]
                emitZeroLength = minHops == 0
            }
            if emitZeroLength {
                emitZeroLength = false
                if let row = emit() { return row }
            }
            guard !stack.isEmpty else {
                current = nil
                continue
            }
            guard stack[stack.count - 1] != nil, let (e, _) = stack[stack.count - 1]!.next() else {
                stack.removeLast()
                if !path.isEmpty {
                    path.removeLast()
                    lastNodes.removeLast()
                }
                continue
            }
            try ctx.tick()
            if path.contains(e.relationship) || current!.binds(e.relationship, in: excluded) || !matchesProperties(e.relationship) { continue }
            path.append(e.relationship)
            lastNodes.append(e.other)
            if let maxHops, path.count >= maxHops {
                stack.append(nil)
            } else {
                stack.append(ctx.neighbours(of: e.other, direction, types))
            }
            if path.count >= minHops, let row = emit() { return row }
        }
    }

    func emit() -> Row? {
        let last = lastNodes[lastNodes.count - 1]
        if toBound {
            guard case .node(let t) = current![to], t == last else { return nil }
        }
        var row = current!
        row[relationshipsSlot] = .list(path.map { .relationship($0) })
        row[to] = .node(last)
        return row
    }

    func matchesProperties(_ r: RelID) -> Bool {
        for (k, v) in wanted {
            guard Value.equals(ctx.graph.relationshipProperty(r, k), v) == true else { return false }
        }
        return true
    }

    override func reset() {
        current = nil
        stack = []
        super.reset()
    }

    override var explanation: String { "VarLengthExpand \(text)" }
}
