/// For each input row, every live node (or every node with a label), bound to `slot`.
final class NodeScanOperator: PipelineOperator {
    let slot: Int
    let label: Int32?
    let labelName: String?
    var current: Row?
    var position = 0

    init(_ ctx: ExecutionContext, _ input: PhysicalOperator, slot: Int, label: Int32?, labelName: String?) {
        self.slot = slot
        self.label = label
        self.labelName = labelName
        super.init(ctx, input)
    }

    override func produce() throws(QueryError) -> Row? {
        while true {
            if current == nil {
                guard let row = try input.next() else { return nil }
                current = row
                position = 0
            }
            if let label, Int(label) >= ctx.graph.labelCounts.count {
                current = nil
                continue
            }
            if let n = ctx.graph.nextNode(from: position, label: label) {
                position = n + 1
                try ctx.tick()
                current![slot] = .node(NodeID(n))
                return current
            }
            current = nil
        }
    }

    override func reset() {
        current = nil
        super.reset()
    }

    override var explanation: String { labelName.map { "NodeByLabelScan :\($0)" } ?? "AllNodesScan" }
}
