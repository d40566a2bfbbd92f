/// A quantified path pattern: for each input row, every trail from the node in `from` made of
/// `min...max` iterations of the group's chain, each iteration meeting the group's condition,
/// depth first. Binds the last node, every relationship gone through, and each group variable's
/// list (one item per iteration).
final class QuantifiedExpandOperator: PipelineOperator {
    let plan: QuantifiedExpand
    let condition: Evaluator?
    let types: [[Int32]?]

    /// One position per hop taken: the neighbours still to try from the node before it.
    @exclusivity(unchecked) var cursors: [NeighborCursor?] = []
    @exclusivity(unchecked) var current: Row?
    /// The nodes of the trail (one more than its relationships) and its relationships.
    @exclusivity(unchecked) var nodes: [NodeID] = []
    @exclusivity(unchecked) var trail: [RelID] = []
    @exclusivity(unchecked) var scratch: Row = []
    @exclusivity(unchecked) var emitZeroIterations = false

    init(_ ctx: ExecutionContext, _ input: PhysicalOperator, _ plan: QuantifiedExpand, condition: Evaluator?, types: [[Int32]?]) {
        self.plan = plan
        self.condition = condition
        self.types = types
        super.init(ctx, input)
    }

    var hopsPerIteration: Int { plan.hops.count }

    override func produce() throws(QueryError) -> Row? {
        while true {
            if current == nil {
                guard let row = try input.next() else { return nil }
                guard case .node(let start) = row[plan.from] else {
                    if row[plan.from].isNull { continue }
                    throw .typeMismatch("a pattern expects a node", got: row[plan.from])
                }
                current = row
                scratch = row
                nodes = [start]
                trail = []
                cursors = [plan.maxIterations == 0 ? nil : neighbours(of: start, hop: 0)]
                emitZeroIterations = plan.minIterations == 0
            }
            if emitZeroIterations {
                emitZeroIterations = false
                if let row = emit() { return row }
            }
            guard !cursors.isEmpty else {
                current = nil
                continue
            }
            let depth = cursors.count - 1
            guard cursors[depth] != nil, let (e, _) = cursors[depth]!.next() else {
                cursors.removeLast()
                if !trail.isEmpty {
                    trail.removeLast()
                    nodes.removeLast()
                }
                continue
            }
            try ctx.tick()
            let hop = depth % hopsPerIteration
            let iterationStart = depth - hop
            if let same = plan.hops[hop].sameNodeAs, nodes[iterationStart + same] != e.other { continue }
            if trail.contains(e.relationship) || current!.binds(e.relationship, in: plan.excluded) { continue }
            trail.append(e.relationship)
            nodes.append(e.other)
            guard hop == hopsPerIteration - 1 else {
                cursors.append(neighbours(of: e.other, hop: hop + 1))
                continue
            }
            // An iteration is complete: it must meet the condition before the next one starts.
            if try !meetsCondition(iterationStart: iterationStart) {
                trail.removeLast()
                nodes.removeLast()
                continue
            }
            let iterations = trail.count / hopsPerIteration
            if let max = plan.maxIterations, iterations >= max {
                cursors.append(nil)
            } else {
                cursors.append(neighbours(of: e.other, hop: 0))
            }
            if iterations >= plan.minIterations, let row = emit() { return row }
        }
    }

    private func neighbours(of node: NodeID, hop: Int) -> NeighborCursor {
        ctx.neighbours(of: node, plan.hops[hop].direction, types[hop])
    }

    /// Binds the iteration's slots from the trail and judges them.
    private func meetsCondition(iterationStart: Int) throws(QueryError) -> Bool {
        guard let condition else { return true }
        scratch[plan.entry] = .node(nodes[iterationStart])
        for (h, hop) in plan.hops.enumerated() {
            scratch[hop.relationship] = .relationship(trail[iterationStart + h])
            scratch[hop.node] = .node(nodes[iterationStart + h + 1])
        }
        if case .bool(true) = try condition(&scratch) { return true }
        return false
    }

    private func emit() -> Row? {
        let last = nodes[nodes.count - 1]
        if plan.toBound {
            guard case .node(let t) = current![plan.to], t == last else { return nil }
        }
        var row = current!
        row[plan.to] = .node(last)
        let iterations = trail.count / hopsPerIteration
        let order = plan.reversed ? Array((0..<iterations).reversed()) : Array(0..<iterations)
        for (list, element) in plan.collected {
            row[list] = .list(order.map { k -> Value in
                switch element {
                case .node(let position): return .node(nodes[k * hopsPerIteration + position])
                case .relationship(let hop): return .relationship(trail[k * hopsPerIteration + hop])
                }
            })
        }
        row[plan.relationships] = .list((plan.reversed ? trail.reversed() : trail).map { .relationship($0) })
        return row
    }

    override func reset() {
        current = nil
        cursors = []
        super.reset()
    }

    override var explanation: String { "QuantifiedExpand " + plan.text }
}
