import Foundation

/// Text as `:find` compares it: lowercased, accents dropped, and every run of characters that
/// are not letters or digits one space ("Sher-e-Naw" and "sher e naw" are the same words).
enum TextNormalizer {
    static let space = UInt8(ascii: " ")

    static func normalize(_ s: String) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(s.utf8.count)
        if s.utf8.allSatisfy({ $0 < 0x80 }) {
            for b in s.utf8 {
                switch b {
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): out.append(b)
                case UInt8(ascii: "A")...UInt8(ascii: "Z"): out.append(b + 32)
                default: separate(&out)
                }
            }
        } else {
            for c in s.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil) {
                if c.isLetter || c.isNumber {
                    out.append(contentsOf: c.lowercased().utf8)
                } else {
                    separate(&out)
                }
            }
        }
        if out.last == space { out.removeLast() }
        return out
    }

    /// One space between words, none at the start.
    @inline(__always)
    private static func separate(_ out: inout [UInt8]) {
        if let last = out.last, last != space { out.append(space) }
    }

    /// The letters and digits present, as bits (a cheap first test for a near spelling: each
    /// edit changes at most two bits).
    static func mask(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var m: UInt64 = 0
        for b in bytes where b != space { m |= 1 << UInt64(b % 64) }
        return m
    }

    /// The edit distance between `a` and `b` (insertions, deletions, substitutions and swaps of
    /// neighbours), or nil when it is above `limit`.
    static func distance(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>, limit: Int) -> Int? {
        let n = a.count, m = b.count
        guard abs(n - m) <= limit else { return nil }
        if n == 0 || m == 0 { return max(n, m) <= limit ? max(n, m) : nil }
        var before = [Int](repeating: 0, count: m + 1), previous = Array(0...m), current = [Int](repeating: 0, count: m + 1)
        for i in 1...n {
            current[0] = i
            var smallest = i
            for j in 1...m {
                var d = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { d = min(d, before[j - 2] + 1) }
                current[j] = d
                smallest = min(smallest, d)
            }
            if smallest > limit { return nil }
            (before, previous, current) = (previous, current, before)
        }
        return previous[m] <= limit ? previous[m] : nil
    }
}
