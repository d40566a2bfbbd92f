/// For each input row, the nodes an index finds for a value (or a range), bound to `slot`.
final class IndexSeekOperator: BindingOperator {
    enum Lookup {
        case equal(Evaluator)
        case anyOf(Evaluator)
        case range(lower: (Evaluator, Bool)?, upper: (Evaluator, Bool)?)
    }

    let slot: Int
    let label: Int32
    let key: Int32
    let lookup: Lookup
    let text: String
    @exclusivity(unchecked) var current: Row?
    @exclusivity(unchecked) var found: [NodeID] = []
    @exclusivity(unchecked) var position = 0

    init(_ ctx: ExecutionContext, _ input: PhysicalOperator, slot: Int, label: Int32, key: Int32, lookup: Lookup, text: String) {
        self.slot = slot
        self.label = label
        self.key = key
        self.lookup = lookup
        self.text = text
        super.init(ctx, input, nodeSlot: slot)
    }

    override func produce() throws(QueryError) -> Row? {
        while true {
            while current != nil, position < found.count {
                current![slot] = .node(found[position])
                position += 1
                if try accepts(&current!, node: found[position - 1]) { return try handOn(&current) }
            }
            guard var row = try input.next() else { return nil }
            guard let index = ctx.graph.index(label: label, key: key) else { return nil }
            switch lookup {
            case .equal(let e):
                let v = try e(&row)
                found = v.isNull ? [] : index.lookup(v)
            case .anyOf(let e):
                guard case .list(let values) = try e(&row) else {
                    found = []
                    break
                }
                var set = Set<NodeID>()
                for x in values where !x.isNull { set.formUnion(index.lookup(x)) }
                found = set.sorted()
            case .range(let lower, let upper):
                var lo: (Value, Bool)?
                var hi: (Value, Bool)?
                if let (e, inc) = lower { lo = (try e(&row), inc) }
                if let (e, inc) = upper { hi = (try e(&row), inc) }
                found = (lo?.0.isNull ?? false) || (hi?.0.isNull ?? false) ? [] : index.range(lower: lo, upper: hi)
            }
            current = row
            position = 0
        }
    }

    override func reset() {
        current = nil
        found = []
        super.reset()
    }

    override var keptRowSlots: [Int]? { [slot] }

    override var bindingText: String { "NodeIndexSeek \(text)" }
}
