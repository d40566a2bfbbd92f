/// A growable set of non-negative integers, iterated in increasing order. The words cover only
/// the span from the smallest member's word to the largest's, so a set whose members lie far from
/// zero (a label given to a few recent nodes) costs what its span covers, not its largest member.
struct Bitset: Sendable {
    /// Bit `b` of `words[k]` stands for `(offset + k) * 64 + b`.
    var words: [UInt64] = []
    var offset = 0

    init() {}

    init(words: [UInt64], offset: Int) {
        self.words = words
        self.offset = offset
    }

    /// How many members there are.
    var count: Int { words.reduce(0) { $0 + $1.nonzeroBitCount } }

    /// One past the largest member (0 when empty).
    var limit: Int {
        guard let w = words.lastIndex(where: { $0 != 0 }) else { return 0 }
        return (offset + w) * 64 + 64 - words[w].leadingZeroBitCount
    }

    /// Whether every member of this set is a member of `other`.
    func isSubset(of other: Bitset) -> Bool {
        for (k, w) in words.enumerated() where w != 0 {
            let j = offset + k - other.offset
            guard j >= 0, j < other.words.count, w & ~other.words[j] == 0 else { return false }
        }
        return true
    }

    @inline(__always)
    func contains(_ i: Int) -> Bool {
        let k = (i >> 6) - offset
        return k >= 0 && k < words.count && words[k] & (1 << UInt64(i & 63)) != 0
    }

    mutating func insert(_ i: Int) {
        let w = i >> 6
        if words.isEmpty {
            offset = w
            words = [0]
        } else if w < offset {
            // Grow towards zero by at least the current span, so inserting downwards stays linear.
            let newOffset = max(0, min(w, offset - words.count))
            words.insert(contentsOf: repeatElement(0, count: offset - newOffset), at: 0)
            offset = newOffset
        } else if w - offset >= words.count {
            words.append(contentsOf: repeatElement(0, count: w - offset - words.count + 1))
        }
        words[w - offset] |= 1 << UInt64(i & 63)
    }

    mutating func remove(_ i: Int) {
        let k = (i >> 6) - offset
        if k >= 0 && k < words.count { words[k] &= ~(1 << UInt64(i & 63)) }
    }

    /// Removes every member from `first` up; returns how many there were.
    @discardableResult
    mutating func removeAll(from first: Int) -> Int {
        let w = (first >> 6) - offset
        guard w < words.count else { return 0 }
        var removed = 0
        if w >= 0 {
            // The word holding `first` keeps its bits below it.
            let below: UInt64 = (1 << UInt64(first & 63)) &- 1
            removed += (words[w] & ~below).nonzeroBitCount
            words[w] &= below
        }
        let whole = max(w + 1, 0)
        removed += words[whole...].reduce(0) { $0 + $1.nonzeroBitCount }
        words.removeSubrange(whole...)
        if words.allSatisfy({ $0 == 0 }) {
            words = []
            offset = 0
        }
        return removed
    }

    /// Calls `body` with each member in increasing order, a word at a time (faster than `next`
    /// for a whole pass).
    @inline(__always)
    func forEach<E: Error>(_ body: (Int) throws(E) -> Void) throws(E) {
        for k in words.indices {
            var word = words[k]
            let base = (offset + k) << 6
            while word != 0 {
                try body(base + word.trailingZeroBitCount)
                word &= word &- 1
            }
        }
    }

    /// The first member at or after `i`, or nil.
    @inline(__always)
    func next(from i: Int) -> Int? {
        var k = (i >> 6) - offset
        var word: UInt64
        if k < 0 {
            k = 0
            guard !words.isEmpty else { return nil }
            word = words[0]
        } else {
            guard k < words.count else { return nil }
            word = words[k] & (~0 << UInt64(i & 63))
        }
        while true {
            if word != 0 { return ((offset + k) << 6) + word.trailingZeroBitCount }
            k += 1
            guard k < words.count else { return nil }
            word = words[k]
        }
    }
}
