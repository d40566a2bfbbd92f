/// The groups of an aggregation in flat arrays: a first row per group, `specs` accumulators per
/// group one after the other, and sets of seen values only for DISTINCT aggregates, so that a
/// new group costs few allocations.
struct GroupTable {
    let keys: [DirectEvaluator]
    /// False for an aggregation without grouping keys: it has one group even without rows.
    let hasKeys: Bool
    let functions: [AggregateFunction]
    /// The positions of the DISTINCT aggregates among the functions.
    let distinct: [Int]
    private var byKeys: [RowKey: Int] = [:]
    private var byKey: [GroupKey: Int] = [:]
    private(set) var firstRows: [Row] = []
    /// Each group's key values, one group after the other.
    private var keyValues: [Value] = []
    var accumulators: [Accumulator] = []
    var seen: [Set<GroupKey>] = []

    init(keys: [DirectEvaluator], hasKeys: Bool, functions: [AggregateFunction], distinct: [Int] = []) {
        self.keys = keys
        self.hasKeys = hasKeys
        self.functions = functions
        self.distinct = distinct
    }

    var count: Int { firstRows.count }

    /// Room for `n` groups, when about that many are coming.
    mutating func reserve(_ n: Int) {
        if keys.count == 1 { byKey.reserveCapacity(n) } else { byKeys.reserveCapacity(n) }
        firstRows.reserveCapacity(n)
        accumulators.reserveCapacity(n * functions.count)
    }

    /// The group of the row's key values, made (with the row as its first) when new.
    mutating func group(_ row: inout Row) throws(QueryError) -> Int {
        // No keys: one group, made by the first row (no key to hash for every row).
        if keys.isEmpty { return firstRows.isEmpty ? made(row) : 0 }
        if keys.count == 1 { return group(key: try keys[0].evaluate(&row), row) }
        var values: [Value] = []
        for key in keys { values.append(try key.evaluate(&row)) }
        return group(values, row)
    }

    /// A group known to be new, no other row having its key values (each start node of a scan,
    /// grouped by that node): made without a lookup, and so never found by `group` afterwards.
    mutating func newGroup(_ row: inout Row) throws(QueryError) -> Int {
        for key in keys { keyValues.append(try key.evaluate(&row)) }
        return made(row)
    }

    /// The group of one key value (no array for it), made (with `row` as its first) when new.
    mutating func group(key value: Value, _ row: @autoclosure () -> Row) -> Int {
        let next = firstRows.count
        // One lookup: a key not there is put in, numbered as the next group, while it is found.
        let g = Self.read(&byKey[GroupKey(value), default: next])
        guard g == next else { return g }
        keyValues.append(value)
        return made(row())
    }

    /// What `slot` holds: given `dictionary[key, default: value]`, which puts the default in when
    /// the key is missing, it looks the key up once where `if let` then an assignment do twice.
    @inline(__always)
    private static func read(_ slot: inout Int) -> Int { slot }

    /// The group of these key values, made (with `row` as its first) when new.
    mutating func group(_ values: [Value], _ row: @autoclosure () -> Row) -> Int {
        if values.count == 1 { return group(key: values[0], row()) }
        let next = firstRows.count
        let g = Self.read(&byKeys[RowKey(values), default: next])
        guard g == next else { return g }
        keyValues.append(contentsOf: values)
        return made(row())
    }

    /// Another row stands for group `g`: its output row, and its key values (equal to the
    /// first's, not always identical: 1 and 1.0), are taken from that one.
    mutating func represent(_ g: Int, by row: inout Row) throws(QueryError) {
        for i in keys.indices { keyValues[g * keys.count + i] = try keys[i].evaluate(&row) }
        firstRows[g] = row
    }

    private mutating func made(_ row: Row) -> Int {
        firstRows.append(row)
        for f in functions { accumulators.append(Accumulator(f)) }
        for _ in distinct { seen.append([]) }
        return firstRows.count - 1
    }

    /// Room in each group's collected lists for its rows (`groupOfRow`: each row's group), before
    /// rows kept aside are fed to them.
    mutating func reserveLists(forRowsOf groupOfRow: [Int]) throws(QueryError) {
        guard functions.contains(.collect) else { return }
        var rows = [Int](repeating: 0, count: count)
        for g in groupOfRow { rows[g] += 1 }
        for g in rows.indices {
            for i in functions.indices { try accumulators[g * functions.count + i].reserve(rows[g]) }
        }
    }

    /// One aggregate's argument added to its group (`range`: the aggregate's place in the query,
    /// for its errors, `sum()` overflowing).
    @inline(__always)
    mutating func add(_ v: Value, percentile p: Value? = nil, to aggregate: Int, of group: Int, at range: SourceRange) throws(QueryError) {
        try placed(at: range) { () throws(QueryError) in try accumulators[group * functions.count + aggregate].add(v, percentile: p) }
    }

    /// Adds a count of `n` rows to every aggregate of the group (all of them counts).
    mutating func addCount(_ n: Int, to g: Int) {
        for i in functions.indices { accumulators[g * functions.count + i].add(count: n) }
    }

    /// The output rows: each group's first row with its aggregate results in `slots` (and its
    /// key values in `keySlots`, when given); one row of `width` nulls and empty aggregates when
    /// there are no groups and no keys.
    mutating func results(slots: [Int], keySlots: [Int] = [], width: Int) -> [Row] {
        if firstRows.isEmpty && !hasKeys {
            firstRows.append(Row(repeating: .null, count: width))
            for f in functions { accumulators.append(Accumulator(f)) }
        }
        for g in firstRows.indices {
            for (i, slot) in slots.enumerated() { firstRows[g][slot] = accumulators[g * functions.count + i].result }
            for (i, slot) in keySlots.enumerated() { firstRows[g][slot] = keyValues[g * keySlots.count + i] }
        }
        return firstRows
    }
}
