/// How an expansion aggregate feeds one group's batch of matches to its accumulators, in the
/// order of the ORDER BY taken into it.
extension ExpansionAggregateOperator {
    /// A group's matches, all of them in `kept.batchValues`, fed to its accumulators (from
    /// `first` in `accumulators`) in the order of their keys (as they came without an ORDER BY).
    /// The keys of the match that comes first are appended to `leaderKeys` (when wanted): they
    /// order the groups, ties in the order the groups came, as after a sort.
    func feedWhole(_ kept: inout KeptRows, into accumulators: inout [Accumulator], from first: Int,
                   leaderKeys: inout [Value]?) throws(QueryError) {
        let aggregateCount = functions.count, width = values.count, rows = kept.batchValues.count / width
        if let order {
            if order.count != 1 || !Self.orderByInteger(&kept, rows: rows, width: width, column: order[0].value, descending: order[0].descending) {
                let keys = (0..<rows).flatMap { p in order.map { kept.batchValues[p * width + $0.value] } }
                kept.positions = rows <= Self.insertionSortLimit
                    ? Self.insertionOrder(keys, rows: rows, order)
                    : SortOperator.sortedPositions(keys, rows: rows, descending: order.map(\.descending), keep: nil)
            }
        } else {
            kept.positions.removeAll(keepingCapacity: true)
            kept.positions.append(contentsOf: 0..<rows)
        }
        let positions = kept.positions
        // Lists are collected at once (only running out of memory can fail there); the others take
        // the values one by one, row by row.
        if collects.count < aggregateCount {
            for p in positions {
                for i in 0..<aggregateCount where functions[i] != .collect {
                    let v = argumentOf[i].map { kept.batchValues[p * width + $0] } ?? .null
                    try placed(at: ranges[i]) { () throws(QueryError) in try accumulators[first + i].add(v, percentile: nil) }
                }
            }
        }
        for i in collects {
            guard let a = argumentOf[i] else { continue }
            try accumulators[first + i].collect(positions.count) { kept.batchValues[positions[$0] * width + a] }
        }
        if let order, leaderKeys != nil {
            for key in order { leaderKeys?.append(kept.batchValues[positions[0] * width + key.value]) }
        }
    }

    /// Up to this many rows, one group's are sorted by insertion (above, by `sortedPositions`).
    static let insertionSortLimit = 32

    /// A batch ordered by its one sort key (`column` among each match's `width` values) when the
    /// keys are all integers or all dates (`DateValue.orderKey`): into `kept.positions`,
    /// through buffers kept between batches. False, with nothing ordered, for any other keys.
    private static func orderByInteger(_ kept: inout KeptRows, rows: Int, width: Int, column: Int, descending: Bool) -> Bool {
        guard rows > 0 else { return false }
        // A descending key is complemented, which reverses the order of integers exactly.
        let flip: Int64 = descending ? -1 : 0
        // The keys are written through buffers (the buffer of keys only grows; its first `rows`
        // are this batch's), with no append per row.
        if kept.integerKeys.count < rows { kept.integerKeys.append(contentsOf: repeatElement(0, count: rows - kept.integerKeys.count)) }
        let integral = kept.batchValues.withUnsafeBufferPointer { values in
            kept.integerKeys.withUnsafeMutableBufferPointer { keys in
                switch values[column] {
                case .int:
                    for p in 0..<rows {
                        guard case .int(let x) = values[p * width + column] else { return false }
                        keys[p] = x ^ flip
                    }
                case .date:
                    for p in 0..<rows {
                        guard case .date(let d) = values[p * width + column], let key = d.orderKey else { return false }
                        keys[p] = key ^ flip
                    }
                default:
                    return false
                }
                return true
            }
        }
        guard integral else { return false }
        if rows > insertionSortLimit {
            kept.positions = kept.integerKeys.withUnsafeBufferPointer { IntegerOrder.positions(UnsafeBufferPointer(rebasing: $0[0..<rows])) }
            return true
        }
        kept.positions.removeAll(keepingCapacity: true)
        kept.positions.append(contentsOf: 0..<rows)
        kept.integerKeys.withUnsafeBufferPointer { keys in
            kept.positions.withUnsafeMutableBufferPointer { insertionSort($0) { keys[$0] < keys[$1] } }
        }
        return true
    }

    /// The stable order of a few rows by their keys (`keys` holds each row's in turn), compared
    /// as values (one integer or date key is ordered by `orderByInteger`).
    static func insertionOrder(_ keys: [Value], rows: Int, _ order: [(value: Int, descending: Bool)]) -> [Int] {
        var positions = Array(0..<rows)
        let descending = order.map(\.descending)
        positions.withUnsafeMutableBufferPointer { insertionSort($0) { SortOperator.keysPrecede(keys, $0, $1, descending: descending) } }
        return positions
    }

    /// Insertion sort of a few rows' positions: a row moves only past rows it strictly
    /// precedes, so ties keep their order.
    @inline(__always)
    private static func insertionSort(_ positions: UnsafeMutableBufferPointer<Int>, by precedes: (Int, Int) -> Bool) {
        for i in positions.indices.dropFirst() {
            let p = positions[i]
            var j = i
            while j > 0, precedes(p, positions[j - 1]) {
                positions[j] = positions[j - 1]
                j -= 1
            }
            positions[j] = p
        }
    }
}
