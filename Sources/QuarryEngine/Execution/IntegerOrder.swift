/// The stable order of integer keys by least-significant-digit radix sort: linear in the rows
/// where a comparison sort is n log n (ORDER BY one integer or date key, and the ordered collect).
/// The keys are taken relative to their smallest, so a narrow range (dates over a few years)
/// needs one counting pass whatever the keys' size.
enum IntegerOrder {
    /// From this many keys on, radix sort (below, a comparison sort is as quick).
    static let radixFrom = 64

    /// The positions `0..<keys.count` in ascending order of key, ties in position order.
    static func positions(_ keys: [Int64]) -> [Int] {
        keys.withUnsafeBufferPointer { positions($0) }
    }

    /// The same, of keys in a buffer.
    static func positions(_ keys: UnsafeBufferPointer<Int64>) -> [Int] {
        let n = keys.count
        guard n > 1, let low = keys.min(), let high = keys.max() else { return Array(0..<n) }
        // The difference fits an unsigned 64-bit integer even when it overflows a signed one.
        let range = UInt64(bitPattern: high &- low)
        if n < radixFrom {
            // Each key relative to the smallest with its position below it, when both fit one
            // integer (dates over a few centuries do): one sort of plain integers, ties in
            // position order. Otherwise pairs, compared key then position.
            let positionBits = UInt64(Int.bitWidth - (n - 1).leadingZeroBitCount)
            if range >> (64 - positionBits) == 0 {
                var packed = keys.indices.map { (UInt64(bitPattern: keys[$0] &- low) << positionBits) | UInt64($0) }
                packed.sort()
                let mask = (UInt64(1) << positionBits) - 1
                return packed.map { Int($0 & mask) }
            }
            var keyed = keys.indices.map { (key: keys[$0], position: $0) }
            keyed.sort { ($0.key, $0.position) < ($1.key, $1.position) }
            return keyed.map(\.position)
        }
        let offsets = keys.map { UInt64(bitPattern: $0 &- low) }
        var order = Array(0..<n)
        var next = [Int](repeating: 0, count: n)
        // Digits of about log2(n) bits (8 to 16): counting a few keys needs no large table.
        let digitBits = UInt64(min(16, max(8, Int.bitWidth - n.leadingZeroBitCount)))
        let mask: UInt64 = (1 << digitBits) - 1
        var shift: UInt64 = 0
        repeat {
            // A digit is at most what is left of the range, so a narrow range needs few buckets.
            let buckets = Int(min(range >> shift, mask)) + 1
            var starts = [Int](repeating: 0, count: buckets + 1)
            offsets.withUnsafeBufferPointer { d in
                order.withUnsafeBufferPointer { from in
                    next.withUnsafeMutableBufferPointer { to in
                        starts.withUnsafeMutableBufferPointer { s in
                            for p in from { s[Int((d[p] >> shift) & mask) + 1] += 1 }
                            for b in 0..<buckets { s[b + 1] += s[b] }
                            for p in from {
                                let b = Int((d[p] >> shift) & mask)
                                to[s[b]] = p
                                s[b] += 1
                            }
                        }
                    }
                }
            }
            swap(&order, &next)
            shift += digitBits
        } while shift < 64 && range >> shift > 0
        return order
    }
}
