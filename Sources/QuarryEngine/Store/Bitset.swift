/// A growable set of small non-negative integers, iterated in increasing order.
public struct Bitset: Sendable {
    var words: [UInt64] = []

    public init() {}

    init(words: [UInt64]) { self.words = words }

    /// How many members there are.
    var count: Int { words.reduce(0) { $0 + $1.nonzeroBitCount } }

    /// One past the largest member (0 when empty).
    var limit: Int {
        guard let w = words.lastIndex(where: { $0 != 0 }) else { return 0 }
        return w * 64 + 64 - words[w].leadingZeroBitCount
    }

    /// Whether every member of this set is a member of `other`.
    func isSubset(of other: Bitset) -> Bool {
        for (i, w) in words.enumerated() where w != 0 {
            guard i < other.words.count, w & ~other.words[i] == 0 else { return false }
        }
        return true
    }

    @inline(__always)
    public func contains(_ i: Int) -> Bool {
        let w = i >> 6
        return w < words.count && words[w] & (1 << UInt64(i & 63)) != 0
    }

    public mutating func insert(_ i: Int) {
        let w = i >> 6
        if w >= words.count { words.append(contentsOf: repeatElement(0, count: w - words.count + 1)) }
        words[w] |= 1 << UInt64(i & 63)
    }

    public mutating func remove(_ i: Int) {
        let w = i >> 6
        if w < words.count { words[w] &= ~(1 << UInt64(i & 63)) }
    }

    /// The first member at or after `i`, or nil.
    @inline(__always)
    public func next(from i: Int) -> Int? {
        var w = i >> 6
        guard w < words.count else { return nil }
        var word = words[w] & (~0 << UInt64(i & 63))
        while true {
            if word != 0 { return (w << 6) + word.trailingZeroBitCount }
            w += 1
            guard w < words.count else { return nil }
            word = words[w]
        }
    }
}
