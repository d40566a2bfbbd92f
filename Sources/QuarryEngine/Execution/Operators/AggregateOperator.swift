/// Groups rows by the grouping values and computes the aggregates of each group. Each output row
/// is the group's first input row with the aggregate results in their slots, so expressions over
/// grouping keys can be evaluated on it afterwards.
final class AggregateOperator: BufferedOperator {
    struct Spec {
        let function: AggregateFunction
        let distinct: Bool
        /// Its argument among `arguments` (nil for `count(*)`).
        let argument: Int?
        let percentile: Evaluator?
        let slot: Int
        /// The aggregate's place in the query, for its errors (`sum()` overflowing).
        let range: SourceRange
    }

    let keys: [DirectEvaluator]
    /// Set when every grouping key reads one node (`a.name`, `a`) in a statement that does not
    /// write: the node's group is then remembered, and its keys computed once.
    let groupNodeSlot: Int?
    let specs: [Spec]
    /// The aggregates' arguments, each computed once per row however many aggregates read it
    /// (`sum(x), max(x)`).
    let arguments: [DirectEvaluator]
    /// Some aggregates read the same argument: the arguments are computed first, then read.
    let sharesArguments: Bool
    /// Where the grouping keys' values go in the output rows (the projection's slots for them),
    /// so that what was computed to group is not computed again.
    let keySlots: [Int]
    /// Set when the rows only count what an expansion of them would make (every aggregate is
    /// `count(*)` or counts what it binds, and no key reads that): each input row adds the
    /// number of its matches, found without making rows.
    let countedExpansion: ExpandOperator?
    /// Where the counted expansion starts: from the input rows, or (grouping by the node it
    /// starts from, in a statement that does not write) from every member of a label, without a
    /// row each.
    let countedStarts: CountedStarts

    enum CountedStarts {
        case inputRows
        case members(of: Int32?, text: String)
    }
    /// The order the rows are taken in, when an ORDER BY right below was taken into the aggregation.
    let rowOrder: [(value: Evaluator, descending: Bool)]?
    /// Each aggregate's place among the DISTINCT ones (nil for the others).
    let distinctPosition: [Int?]
    /// The row width (known once the whole statement is compiled).
    let rowWidth: SlotAllocator
    let text: String

    init(_ ctx: ExecutionContext, _ input: PhysicalOperator, keys: [DirectEvaluator], keySlots: [Int], groupNodeSlot: Int?, specs: [Spec],
         arguments: [DirectEvaluator], countedExpansion: ExpandOperator?, countedStarts: CountedStarts = .inputRows, rowOrder: [(value: Evaluator, descending: Bool)]? = nil,
         width: SlotAllocator, text: String) {
        self.countedStarts = countedStarts
        self.rowOrder = rowOrder
        var distinctSeen = 0
        distinctPosition = specs.map { spec in
            guard spec.distinct else { return nil }
            defer { distinctSeen += 1 }
            return distinctSeen
        }
        self.keys = keys
        self.keySlots = keySlots
        self.groupNodeSlot = groupNodeSlot
        self.specs = specs
        self.arguments = arguments
        sharesArguments = arguments.count < specs.filter { $0.argument != nil }.count
        self.countedExpansion = countedExpansion
        self.rowWidth = width
        self.text = text
        super.init(ctx, input)
    }

    override func computeRows() throws(QueryError) -> [Row] {
        var table = GroupTable(keys: keys, hasKeys: !keys.isEmpty, functions: specs.map(\.function), distinct: specs.indices.filter { specs[$0].distinct })
        if countedExpansion != nil, let slot = groupNodeSlot {
            try countPerNode(slot, &table)
            return table.results(slots: specs.map(\.slot), keySlots: keySlots, width: rowWidth.count)
        }
        if let rowOrder { return try computeInOrder(rowOrder, &table) }
        if addsToOneGroup { return try computeOneGroup(&table) }
        var groups = NodeGroups(slot: groupNodeSlot)
        var computed = [Value](repeating: .null, count: arguments.count)
        try input.forEachRow { (row: inout Row) throws(QueryError) in
            try ctx.tick()
            var matches = 1
            if let countedExpansion {
                matches = try countedExpansion.matchCount(&row)
                if matches == 0 { return }
            }
            let g = try groups.group(of: &row, &table)
            if countedExpansion != nil {
                table.addCount(matches, to: g)
                return
            }
            // By index, not `enumerated()`: copying each spec out cost a retain and release per
            // closure on every row.
            if sharesArguments { try compute(&computed, &row) }
            for i in specs.indices {
                let v = try argument(i, &computed, &row)
                if admits(v, spec: i, group: g, &table) { try add(v, percentile: try specs[i].percentile?(&row), spec: i, group: g, &table) }
            }
        }
        return table.results(slots: specs.map(\.slot), keySlots: keySlots, width: rowWidth.count)
    }

    /// No grouping keys, no DISTINCT and no percentile: every row adds to the one group.
    private var addsToOneGroup: Bool {
        keys.isEmpty && countedExpansion == nil && specs.allSatisfy { !$0.distinct && $0.percentile == nil }
    }

    /// `computeRows` for one group: its accumulators are reached directly for each row, not
    /// through the table, which takes them (and the first row) at the end.
    private func computeOneGroup(_ table: inout GroupTable) throws(QueryError) -> [Row] {
        var accumulators = specs.map { Accumulator($0.function) }
        var first: Row?
        let specs = self.specs
        if arguments.count == 1 {
            // One argument (`count(*), sum(x), max(x)`): computed once per row, then read by each
            // aggregate that takes it. Held in a local, the closure is not retained per call.
            let argument = arguments[0].evaluate
            let counts = specs.map { $0.argument == nil }, ranges = specs.map(\.range)
            // While the values are integers (their sum not overflowing), counts, sums, min and max
            // take them as one run, with no switch per aggregate: given at once, at the end or
            // when any other value comes (which goes on the general way, as all after it).
            var run = IntegerRun(), inRun = IntegerRun.suits(specs.map(\.function))
            try input.forEachRow { (row: inout Row) throws(QueryError) in
                try ctx.tick()
                if first == nil { first = row }
                let v = try argument(&row)
                if inRun {
                    if case .int(let x) = v, run.add(x) { return }
                    inRun = false
                    for i in accumulators.indices { accumulators[i].take(run) }
                }
                // The aggregate being fed, for the place of its error (`sum()` overflowing).
                var i = 0
                do throws(QueryError) {
                    try accumulators.withUnsafeMutableBufferPointer { (accumulators) throws(QueryError) in
                        // `count(*)` counts the row; an integer skips the general switch.
                        if case .int(let x) = v {
                            while i < accumulators.count {
                                if counts[i] { accumulators[i].add(count: 1) } else { try accumulators[i].add(integer: x) }
                                i += 1
                            }
                        } else {
                            while i < accumulators.count {
                                try accumulators[i].add(counts[i] ? .null : v, percentile: nil)
                                i += 1
                            }
                        }
                    }
                } catch {
                    throw error.placed(at: ranges[i])
                }
            }
            if inRun { for i in accumulators.indices { accumulators[i].take(run) } }
        } else {
            var computed = [Value](repeating: .null, count: arguments.count)
            try input.forEachRow { (row: inout Row) throws(QueryError) in
                try ctx.tick()
                if first == nil { first = row }
                if sharesArguments { try compute(&computed, &row) }
                for i in specs.indices {
                    let v = try argument(i, &computed, &row)
                    try placed(at: specs[i].range) { () throws(QueryError) in try accumulators[i].add(v, percentile: nil) }
                }
            }
        }
        if var first {
            _ = try table.group(&first)
            table.accumulators = accumulators
        }
        return table.results(slots: specs.map(\.slot), keySlots: keySlots, width: rowWidth.count)
    }

    /// Every argument of the row, when some are shared.
    @inline(__always)
    private func compute(_ computed: inout [Value], _ row: inout Row) throws(QueryError) {
        for j in arguments.indices { computed[j] = try arguments[j].evaluate(&row) }
    }

    /// Aggregate `i`'s argument for the row: computed before when shared, else now (`computed`
    /// is inout only so that it is not retained per call).
    @inline(__always)
    private func argument(_ i: Int, _ computed: inout [Value], _ row: inout Row) throws(QueryError) -> Value {
        guard let a = specs[i].argument else { return .null }
        return sharesArguments ? computed[a] : try arguments[a].evaluate(&row)
    }

    /// False when a DISTINCT aggregate has seen the argument in the group (or it is null).
    @inline(__always)
    private func admits(_ v: Value, spec i: Int, group g: Int, _ table: inout GroupTable) -> Bool {
        guard let d = distinctPosition[i] else { return true }
        return !v.isNull && table.seen[g * table.distinct.count + d].insert(GroupKey(v)).inserted
    }

    /// One aggregate's argument added to its group.
    @inline(__always)
    private func add(_ v: Value, percentile p: Value?, spec i: Int, group g: Int, _ table: inout GroupTable) throws(QueryError) {
        try table.add(v, percentile: p, to: i, of: g, at: specs[i].range)
    }

    /// The rows as if sorted by `order` first (ORDER BY taken into the aggregation): each row's
    /// group, sort keys and arguments are read as it comes, then the arguments reach the
    /// accumulators in the order of the keys, and the groups come out in the order their first
    /// row has there. That first row also stands for the group (its output row, which a WHERE
    /// after the WITH may read, and its key values), as it would after a sort.
    private func computeInOrder(_ order: [(value: Evaluator, descending: Bool)], _ table: inout GroupTable) throws(QueryError) -> [Row] {
        var groups = NodeGroups(slot: groupNodeSlot)
        var groupOfRow: [Int] = []
        var sortKeys: [Value] = []
        var keptArguments: [Value] = []
        var computed = [Value](repeating: .null, count: arguments.count)
        /// Each group's first row in the order of the keys so far (its position).
        var leader: [Int] = []
        let descending = order.map(\.descending)
        try input.forEachRow { (row: inout Row) throws(QueryError) in
            try ctx.tick()
            let p = groupOfRow.count
            let g = try groups.group(of: &row, &table)
            groupOfRow.append(g)
            // By index, as in `computeRows`: no copy of each key's or spec's closures per row.
            for j in order.indices { sortKeys.append(try order[j].value(&row)) }
            if sharesArguments { try compute(&computed, &row) }
            for i in specs.indices { keptArguments.append(try argument(i, &computed, &row)) }
            if g == leader.count {
                leader.append(p)
            } else if SortOperator.keysPrecede(sortKeys, p, leader[g], descending: descending) {
                leader[g] = p
                try table.represent(g, by: &row)
            }
        }
        try table.reserveLists(forRowsOf: groupOfRow)
        let groupOrder = try Self.feedInOrder(sortKeys, descending: descending, groupOfRow: groupOfRow, groups: table.count, ctx) {
            (p: Int, g: Int) throws(QueryError) in
            for i in specs.indices {
                let v = keptArguments[p * specs.count + i]
                if admits(v, spec: i, group: g, &table) { try add(v, percentile: nil, spec: i, group: g, &table) }
            }
        }
        return Self.inGroupOrder(table.results(slots: specs.map(\.slot), keySlots: keySlots, width: rowWidth.count), groupOrder)
    }

    /// Feeds the rows to their groups in the order of their sort keys (`sortKeys` holds each
    /// row's keys in turn, `groupOfRow` each row's group); the groups, in the order their first
    /// row has there.
    static func feedInOrder(_ sortKeys: [Value], descending: [Bool], groupOfRow: [Int], groups: Int, _ ctx: ExecutionContext,
                            _ feed: (_ row: Int, _ group: Int) throws(QueryError) -> Void) throws(QueryError) -> [Int] {
        let positions = SortOperator.sortedPositions(sortKeys, rows: groupOfRow.count, descending: descending, keep: nil)
        var place = [Int](repeating: -1, count: groups)
        var groupOrder: [Int] = []
        for p in positions {
            try ctx.tick()
            let g = groupOfRow[p]
            if place[g] < 0 {
                place[g] = groupOrder.count
                groupOrder.append(g)
            }
            try feed(p, g)
        }
        return groupOrder
    }

    /// The groups' rows in `groupOrder`; all of them as they are when there are more (no keys
    /// and no rows: the one empty group is not among the ordered ones).
    static func inGroupOrder(_ rows: consuming [Row], _ groupOrder: [Int]) -> [Row] {
        if groupOrder.count < rows.count { return rows }
        return groupOrder.map { exchange(&rows[$0], with: []) }
    }

    /// Counting an expansion, grouped by one node: the counts are summed per node first, and
    /// each node's keys computed once at the end, on one row with the node put in its slot
    /// (the keys read nothing else).
    private func countPerNode(_ slot: Int, _ table: inout GroupTable) throws(QueryError) {
        guard let expansion = countedExpansion else { return }
        var order: [NodeID] = [], counts: [Int] = []
        // Where each node is in `order`, made once a node may come again: the members of a
        // label come once each for one input row, so a scan of one row needs no lookup.
        var positionOf: [NodeID: Int]?
        var template: Row?
        func add(_ n: NodeID, _ matches: Int, mayRepeat: Bool) {
            if mayRepeat {
                if positionOf == nil { positionOf = Dictionary(uniqueKeysWithValues: order.enumerated().map { ($1, $0) }) }
                if let p = positionOf?[n] {
                    counts[p] += matches
                    return
                }
                positionOf?[n] = order.count
            }
            order.append(n)
            counts.append(matches)
        }
        if case .members(let label, _) = countedStarts {
            var rowsTaken = 0
            while var row = try input.next() {
                if template == nil { template = row }
                let mayRepeat = rowsTaken > 0
                rowsTaken += 1
                try expansion.matchCounts(from: ctx.graph.members(label: label), &row) { n, matches in add(n, matches, mayRepeat: mayRepeat) }
            }
        } else {
            while var row = try input.next() {
                try ctx.tick()
                let matches = try expansion.matchCount(&row)
                if matches == 0 { continue }
                guard case .node(let n) = row[slot] else {
                    table.addCount(matches, to: try table.group(&row))
                    continue
                }
                if template == nil { template = row }
                add(n, matches, mayRepeat: true)
            }
        }
        guard var row = template else { return }
        table.reserve(order.count)
        for (n, matches) in zip(order, counts) {
            row[slot] = .node(n)
            table.addCount(matches, to: try table.group(&row))
        }
    }

    override var explanation: String {
        var from = ""
        if case .members(_, let text) = countedStarts { from = " from every \(text)" }
        let order = rowOrder == nil ? "" : " (taking the rows in order)"
        return "Aggregate \(text)" + order + (countedExpansion.map { " (counting the rows of \($0.explanation)\(from))" } ?? "")
    }
}

/// Each node's group while grouping by one node: looked up once per node, not once per row
/// (nodes that rarely come back are not worth remembering). The last node's group is kept
/// apart: an expansion hands on all the rows of one start node in a row.
struct NodeGroups {
    let slot: Int?
    var groupOfNode: [NodeID: Int] = [:]
    var remembering: Bool
    var rowsSeen = 0
    var lastNode: NodeID = -1
    var lastGroup = -1

    init(slot: Int?) {
        self.slot = slot
        remembering = slot != nil
    }

    @inline(__always)
    mutating func group(of row: inout Row, _ table: inout GroupTable) throws(QueryError) -> Int {
        var node: NodeID?
        if let slot, case .node(let n) = row[slot] {
            if n == lastNode { return lastGroup }
            node = n
        }
        let g: Int
        if remembering, let node, let known = groupOfNode[node] {
            g = known
        } else {
            g = try table.group(&row)
            if remembering, let node { groupOfNode[node] = g }
        }
        if let node {
            lastNode = node
            lastGroup = g
        }
        rowsSeen += 1
        if remembering, rowsSeen == 4096, groupOfNode.count > 3584 {
            remembering = false
            groupOfNode = [:]
        }
        return g
    }
}
