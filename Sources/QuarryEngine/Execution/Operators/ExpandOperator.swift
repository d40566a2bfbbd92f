/// For each input row, follows the relationships of the node in `from` (one hop), binding the
/// relationship and the node at the other end; checks them instead where they are already bound.
final class ExpandOperator: BindingOperator {
    let from: Int
    let relationshipSlot: Int
    let to: Int
    let direction: Direction
    let types: [Int32]?
    let toBound: Bool
    let relationshipBound: Bool
    /// Relationships bound earlier in the same MATCH: a pattern never uses one twice.
    let excluded: [Int]
    let text: String
    var current: Row?
    var cursor: NeighborCursor?

    init(_ ctx: ExecutionContext, _ input: PhysicalOperator, from: Int, relationship: Int, to: Int,
         direction: Direction, types: [Int32]?, toBound: Bool, relationshipBound: Bool, excluded: [Int], text: String) {
        self.from = from
        self.relationshipSlot = relationship
        self.to = to
        self.direction = direction
        self.types = types
        self.toBound = toBound
        self.relationshipBound = relationshipBound
        self.excluded = excluded
        self.text = text
        super.init(ctx, input, nodeSlot: to)
    }

    override func produce() throws(QueryError) -> Row? {
        while true {
            if cursor != nil {
                while let (e, _) = cursor!.next() {
                    try ctx.tick()
                    if toBound {
                        guard case .node(let t) = current![to], t == e.other else { continue }
                    }
                    if relationshipBound {
                        guard case .relationship(let r) = current![relationshipSlot], r == e.relationship else { continue }
                    }
                    if current!.binds(e.relationship, in: excluded) { continue }
                    current![relationshipSlot] = .relationship(e.relationship)
                    current![to] = .node(e.other)
                    if try accepts(&current!, node: e.other) { return current }
                }
                cursor = nil
            }
            guard let row = try input.next() else { return nil }
            guard case .node(let n) = row[from] else {
                if row[from].isNull { continue }
                throw .typeMismatch("a pattern expects a node", got: row[from])
            }
            if toBound, !(row[to].isNode) { continue }
            current = row
            cursor = NeighborCursor(graph: ctx.graph, node: n, direction: direction, types: types)
        }
    }

    override func reset() {
        current = nil
        cursor = nil
        super.reset()
    }

    override var bindingText: String { "Expand \(text)" }
}

extension Row {
    /// True when one of `slots` holds the relationship, alone or in a list (a pattern never
    /// uses a relationship twice).
    @inline(__always)
    func binds(_ r: RelID, in slots: [Int]) -> Bool {
        for s in slots {
            switch self[s] {
            case .relationship(let x) where x == r: return true
            case .list(let l) where l.contains(where: { $0.relationshipID == r }): return true
            default: continue
            }
        }
        return false
    }
}

extension Value {
    var isNode: Bool {
        if case .node = self { return true }
        return false
    }
}
