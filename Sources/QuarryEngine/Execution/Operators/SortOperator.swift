/// ORDER BY: sorts all input rows by the keys (stable), keeping only the first `keep` when the
/// planner knows how many will be wanted.
final class SortOperator: BufferedOperator {
    let keys: [(value: Evaluator, descending: Bool)]
    let text: String
    /// Rows that will be wanted (SKIP + LIMIT), when known: the rest need no order.
    let keep: Int?

    init(_ ctx: ExecutionContext, _ input: PhysicalOperator, keys: [(value: Evaluator, descending: Bool)], keep: Int?, text: String) {
        self.keys = keys
        self.keep = keep
        self.text = text
        super.init(ctx, input)
    }

    override func computeRows() throws(QueryError) -> [Row] {
        // Sorts positions, not rows: swapping two integers is cheaper than swapping rows.
        var rows: [Row] = []
        var values: [Value] = []
        try input.forEachRow { (row: inout Row) throws(QueryError) in
            try ctx.tick()
            for key in keys { values.append(try key.value(&row)) }
            rows.append(row)
        }
        // Each row moved out in its turn, not copied.
        return Self.sortedPositions(values, rows: rows.count, descending: keys.map(\.descending), keep: keep).map {
            exchange(&rows[$0], with: [])
        }
    }

    /// The positions `0..<rows` in the order of their keys (`values` holds each row's keys in
    /// turn), ties kept in input order; only the first `keep` when that is a small part.
    static func sortedPositions(_ values: [Value], rows: Int, descending: [Bool], keep: Int?) -> [Int] {
        let width = descending.count
        let top = keep.flatMap { $0 < rows / 4 ? $0 : nil }
        /// Sorted, or the first `top` picked through a heap.
        func ordered(_ precedes: (Int, Int) -> Bool) -> [Int] {
            if let top { return first(top, of: rows, by: precedes) }
            var order = Array(0..<rows)
            order.sort(by: precedes)
            return order
        }
        // Typed keys pay for themselves in a full sort, not in picking the first few rows.
        let typed = (0..<width).map { top == nil ? SortKeyColumn(values, column: $0, width: width) : .values }
        if top == nil, width == 1, case .integers(let k) = typed[0] {
            // One integer key: sorted by radix; a descending key is complemented, which reverses
            // the order of integers exactly.
            return IntegerOrder.positions(descending[0] ? k.map { ~$0 } : k)
        }
        if let integers = SortKeyColumn.interleavedIntegers(typed, rows: rows) {
            // Every key an integer (or a date): compared through buffers, with no value or
            // array reference taken per comparison.
            return integers.withUnsafeBufferPointer { k in
                descending.withUnsafeBufferPointer { desc in
                    ordered { a, b in
                        for j in 0..<width {
                            let x = k[a * width + j], y = k[b * width + j]
                            if x != y { return (x < y) != desc[j] }
                        }
                        return a < b
                    }
                }
            }
        }
        return values.withUnsafeBufferPointer { v in
            ordered { a, b in
                for (j, desc) in descending.enumerated() {
                    let c = typed[j].compare(a, b) ?? Value.orderCompare(v[a * width + j], v[b * width + j])
                    if c != 0 { return desc ? c > 0 : c < 0 }
                }
                return a < b
            }
        }
    }

    /// Whether row `a` comes before row `b` by their keys compared as values (`keys` holds each
    /// row's keys in turn); false for equal keys.
    @inline(__always)
    static func keysPrecede(_ keys: [Value], _ a: Int, _ b: Int, descending: [Bool]) -> Bool {
        let width = descending.count
        for j in 0..<width {
            let c = Value.orderCompare(keys[a * width + j], keys[b * width + j])
            if c != 0 { return descending[j] ? c > 0 : c < 0 }
        }
        return false
    }

    /// The first `k` of `0..<n` in order, through a heap of `k` (ORDER BY with a small LIMIT).
    static func first(_ k: Int, of n: Int, by precedes: (Int, Int) -> Bool) -> [Int] {
        guard k > 0 else { return [] }
        // A heap whose top is the last of the best `k` so far.
        var heap: [Int] = []
        heap.reserveCapacity(k)
        func siftDown(_ start: Int) {
            var i = start
            while true {
                let l = 2 * i + 1, r = l + 1
                var top = i
                if l < heap.count, precedes(heap[top], heap[l]) { top = l }
                if r < heap.count, precedes(heap[top], heap[r]) { top = r }
                if top == i { return }
                heap.swapAt(i, top)
                i = top
            }
        }
        for i in 0..<n {
            if heap.count < k {
                heap.append(i)
                var c = heap.count - 1
                while c > 0, precedes(heap[(c - 1) / 2], heap[c]) {
                    heap.swapAt(c, (c - 1) / 2)
                    c = (c - 1) / 2
                }
            } else if precedes(i, heap[0]) {
                heap[0] = i
                siftDown(0)
            }
        }
        return heap.sorted(by: precedes)
    }

    override var explanation: String { "Sort \(text)" }
}

/// One sort key's values in a typed array when they are all integers, all dates, all floats
/// (no NaN) or all strings: compared without going through `Value` (nil: compare the values).
enum SortKeyColumn {
    case integers([Int64])
    case floats([Double])
    case strings([String])
    case values

    init(_ values: [Value], column: Int, width: Int) {
        let count = width == 0 ? 0 : values.count / width
        /// The column as `T`s, or nil when a value is not one.
        func typed<T>(_ extract: (Value) -> T?) -> [T]? {
            var out: [T] = []
            out.reserveCapacity(count)
            for i in 0..<count {
                guard let x = extract(values[i * width + column]) else { return nil }
                out.append(x)
            }
            return out
        }
        guard count > 1 else { self = .values; return }
        switch values[column] {
        case .int:
            self = typed { if case .int(let x) = $0 { x } else { nil } }.map(SortKeyColumn.integers) ?? .values
        case .date:
            self = typed { v -> Int64? in
                guard case .date(let d) = v else { return nil }
                return d.orderKey
            }.map(SortKeyColumn.integers) ?? .values
        case .float:
            self = typed { if case .float(let x) = $0, !x.isNaN { x } else { nil } }.map(SortKeyColumn.floats) ?? .values
        case .string:
            self = typed { if case .string(let x) = $0 { x } else { nil } }.map(SortKeyColumn.strings) ?? .values
        default:
            self = .values
        }
    }

    /// The keys of every row side by side (row after row) when every column is of integers.
    static func interleavedIntegers(_ columns: [SortKeyColumn], rows: Int) -> [Int64]? {
        var integerColumns: [[Int64]] = []
        for column in columns {
            guard case .integers(let x) = column else { return nil }
            integerColumns.append(x)
        }
        var out: [Int64] = []
        out.reserveCapacity(rows * integerColumns.count)
        for i in 0..<rows {
            for column in integerColumns { out.append(column[i]) }
        }
        return out
    }

    @inline(__always)
    func compare(_ a: Int, _ b: Int) -> Int? {
        switch self {
        case .integers(let x): return x[a] < x[b] ? -1 : (x[a] == x[b] ? 0 : 1)
        case .floats(let x): return x[a] < x[b] ? -1 : (x[a] == x[b] ? 0 : 1)
        case .strings(let x): return x[a] < x[b] ? -1 : (x[a] == x[b] ? 0 : 1)
        case .values: return nil
        }
    }
}
