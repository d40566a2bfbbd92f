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
        while var row = try input.next() {
            try ctx.tick()
            for key in keys { values.append(try key.value(&row)) }
            rows.append(row)
        }
        let descending = keys.map(\.descending)
        let width = keys.count
        var order: [Int] = []
        values.withUnsafeBufferPointer { v in
            let precedes = { (a: Int, b: Int) -> Bool in
                for (j, desc) in descending.enumerated() {
                    let c = Value.orderCompare(v[a * width + j], v[b * width + j])
                    if c != 0 { return desc ? c > 0 : c < 0 }
                }
                return a < b
            }
            if let keep, keep < rows.count / 4 {
                order = Self.first(keep, of: rows.count, by: precedes)
            } else {
                order = Array(rows.indices)
                order.sort(by: precedes)
            }
        }
        return order.map { rows[$0] }
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
