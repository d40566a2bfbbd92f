/// For each input row, every live node (or every node with a label), bound to `slot`.
final class NodeScanOperator: BindingOperator {
    let slot: Int
    let label: Int32?
    let labelName: String?
    var current: Row?
    var position = 0
    /// In a statement that does not write, the label's members, taken once per input row.
    var members: Bitset?

    init(_ ctx: ExecutionContext, _ input: PhysicalOperator, slot: Int, label: Int32?, labelName: String?) {
        self.slot = slot
        self.label = label
        self.labelName = labelName
        super.init(ctx, input, nodeSlot: slot)
    }

    override func produce() throws(QueryError) -> Row? {
        while true {
            if current == nil {
                guard let row = try input.next() else { return nil }
                current = row
                position = 0
                if ctx.readOnly { members = ctx.graph.members(label: label) }
            }
            if let label, Int(label) >= ctx.graph.labelCounts.count {
                current = nil
                continue
            }
            while let n = members?.next(from: position) ?? ctx.graph.nextNode(from: position, label: label) {
                position = n + 1
                try ctx.tick()
                current![slot] = .node(NodeID(n))
                if try accepts(&current!, node: NodeID(n)) { return current }
            }
            current = nil
        }
    }

    override func reset() {
        current = nil
        members = nil
        super.reset()
    }

    override var bindingText: String { labelName.map { "NodeByLabelScan :\($0)" } ?? "AllNodesScan" }
}
