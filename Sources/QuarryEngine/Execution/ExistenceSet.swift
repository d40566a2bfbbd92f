/// `EXISTS { … }` over many rows, answered from the set of nodes for which it holds: the
/// subquery is run once with its outer node unbound (`PhysicalMapper.existenceSet`), and each
/// row asks whether its node is in the set. The first rows are answered row by row, so that a
/// few rows never pay for the whole set.
final class ExistenceSet {
    /// Rows answered row by row before the set is built.
    static let correlatedRows = 256

    let slot: Int
    let plan: PhysicalMapper.SubPlan
    let width: () -> Int
    private var members: Bitset?
    private var asked = 0

    init(slot: Int, plan: PhysicalMapper.SubPlan, width: @escaping () -> Int) {
        self.slot = slot
        self.plan = plan
        self.width = width
    }

    func evaluator(correlated: @escaping Evaluator) -> Evaluator {
        { [self] (row: inout Row) throws(QueryError) -> Value in
            if members == nil {
                asked += 1
                if asked <= Self.correlatedRows { return try correlated(&row) }
                members = try build()
            }
            guard case .node(let n) = row[slot], let members else { return .bool(false) }
            return .bool(members.contains(Int(n)))
        }
    }

    private func build() throws(QueryError) -> Bitset {
        var set = Bitset()
        plan.start(on: Row(repeating: .null, count: width()))
        while let row = try plan.root.next() {
            if case .node(let n) = row[slot] { set.insert(Int(n)) }
        }
        return set
    }
}
