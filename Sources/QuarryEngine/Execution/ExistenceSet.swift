import Dispatch

/// `EXISTS { … }` over many rows, answered from the set of nodes for which it holds: the
/// subquery is run once with its outer node unbound (`PhysicalMapper.existenceSet`), and each
/// row asks whether its node is in the set. The first rows are answered row by row, so that a
/// few rows never pay for the whole set; the set is built after 256 of them, or sooner once they
/// have taken 2 ms (busy nodes are dear to answer one by one). As a scan's filter it judges
/// batches of candidates.
final class ExistenceSet {
    /// Rows answered row by row before the set is built.
    static let correlatedRows = 256
    /// Time spent answering row by row before the set is built, in nanoseconds.
    static let correlatedBudget: UInt64 = 2_000_000

    let slot: Int
    let plan: PhysicalMapper.SubPlan
    let width: () -> Int
    /// The subquery run on the row, while the set is not built.
    let correlated: Evaluator
    private var members: Bitset?
    private var asked = 0
    private var spent: UInt64 = 0

    init(slot: Int, plan: PhysicalMapper.SubPlan, width: @escaping () -> Int, correlated: @escaping Evaluator) {
        self.slot = slot
        self.plan = plan
        self.width = width
        self.correlated = correlated
    }

    /// The EXISTS as an expression on the row.
    func evaluator() -> Evaluator {
        { [self] (row: inout Row) throws(QueryError) -> Value in
            guard case .node(let n) = row[slot] else { return members == nil ? try correlated(&row) : .bool(false) }
            return .bool(try holds(Int(n), &row))
        }
    }

    /// Whether the EXISTS holds with `node` in the row.
    func holds(_ node: Int, _ row: inout Row) throws(QueryError) -> Bool {
        if members == nil {
            asked += 1
            if asked <= Self.correlatedRows && spent < Self.correlatedBudget {
                row[slot] = .node(NodeID(node))
                let started = DispatchTime.now().uptimeNanoseconds
                let answer = try correlated(&row)
                spent += DispatchTime.now().uptimeNanoseconds - started
                if case .bool(true) = answer { return true }
                return false
            }
            members = try build()
        }
        return members?.contains(node) ?? false
    }

    /// Keeps, in order, the candidates for which the EXISTS holds. A batch as large as the rows
    /// answered one by one builds the set at once: the first candidates of a scan are often its
    /// busiest nodes, the dearest to answer one by one.
    func select(_ batch: inout NodeBatch, _ row: inout Row) throws(QueryError) {
        if members == nil && batch.count >= Self.correlatedRows { members = try build() }
        try batch.keep { (candidates) throws(QueryError) -> Int in
            var kept = 0
            for j in candidates.indices where try holds(candidates[j], &row) {
                candidates[kept] = candidates[j]
                kept += 1
            }
            return kept
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
