import Glibc

/// The distinct strings of a column, each with a code (its position + 1; 0 stands for null), so
/// that a column of repeated strings stores 4 bytes per element and a filter on it can decide
/// each distinct string once. Strings are told apart by their bytes, not by Swift's canonical
/// equivalence, so a column gives back exactly what was stored.
struct StringDictionary: Sendable {
    private(set) var strings: [String] = []
    private var codes: [ExactString: UInt32] = [:]

    var count: Int { strings.count }

    init() {}

    /// The dictionary with these strings as codes 1, 2, ...; nil when one repeats.
    init?(strings: [String]) {
        for s in strings where intern(s) != UInt32(self.strings.count) { return nil }
    }

    mutating func intern(_ s: String) -> UInt32 {
        if let c = codes[ExactString(s)] { return c }
        strings.append(s)
        let c = UInt32(strings.count)
        codes[ExactString(s)] = c
        return c
    }

    @inline(__always)
    func string(_ code: UInt32) -> String { strings[Int(code) - 1] }

    /// The value a column stores as `code`: its string, or null for code 0.
    @inline(__always)
    func value(_ code: UInt32) -> Value { code == 0 ? .null : .string(string(code)) }
}

/// A string compared and hashed by its UTF-8 bytes.
struct ExactString: Hashable, Sendable {
    let string: String

    init(_ string: String) { self.string = string }

    static func == (a: ExactString, b: ExactString) -> Bool {
        var x = a.string, y = b.string
        return x.withUTF8 { p in
            y.withUTF8 { q in p.count == q.count && (p.isEmpty || memcmp(p.baseAddress!, q.baseAddress!, p.count) == 0) }
        }
    }

    func hash(into h: inout Hasher) {
        var s = string
        s.withUTF8 { h.combine(bytes: UnsafeRawBufferPointer($0)) }
    }
}

/// Strings that rarely repeat (names), stored back to back as UTF-8 with a start and a length
/// per element: no object per string, and substring tests run on the bytes in place.
struct StringHeap: Sendable {
    static let absent = UInt32.max
    private(set) var bytes: [UInt8] = []
    private(set) var starts: [UInt32] = []
    private(set) var lengths: [UInt32] = []

    var count: Int { lengths.count }

    init() {}

    init(bytes: [UInt8], starts: [UInt32], lengths: [UInt32]) {
        self.bytes = bytes
        self.starts = starts
        self.lengths = lengths
    }

    /// Room for the string is left: fails (false) when the heap would pass 4 GiB.
    mutating func set(_ i: Int, _ s: String) -> Bool {
        let utf8 = s.utf8
        guard bytes.count + utf8.count < Int(UInt32.max) else { return false }
        starts[i] = UInt32(bytes.count)
        lengths[i] = UInt32(utf8.count)
        bytes.append(contentsOf: utf8)
        return true
    }

    mutating func setAbsent(_ i: Int) { lengths[i] = Self.absent }

    /// Forgets the last `n` entries (their bytes stay until the heap is rebuilt).
    mutating func removeLast(_ n: Int) {
        starts.removeLast(n)
        lengths.removeLast(n)
    }

    mutating func pad(front n: Int) {
        starts.insert(contentsOf: repeatElement(0, count: n), at: 0)
        lengths.insert(contentsOf: repeatElement(Self.absent, count: n), at: 0)
    }

    mutating func pad(back n: Int) {
        starts.append(contentsOf: repeatElement(0, count: n))
        lengths.append(contentsOf: repeatElement(Self.absent, count: n))
    }

    @inline(__always)
    func isAbsent(_ i: Int) -> Bool { lengths[i] == Self.absent }

    func string(_ i: Int) -> String? {
        let n = lengths[i]
        guard n != Self.absent else { return nil }
        return withBytes(i) { String(decoding: $0, as: UTF8.self) }
    }

    /// The elements that contain `needle` (two bytes or more), found by one pass over the whole
    /// heap comparing 16 positions at a time (the needle's first and last byte), then each hit
    /// mapped to its element. Nil when the elements do not lie in the heap in slot order (after
    /// updates), where the mapping would need more than a binary search.
    func elementsContaining(_ needle: [UInt8]) -> Bitset? {
        let n = needle.count
        guard n >= 2 else { return nil }
        var previousEnd = 0
        for i in 0..<count where lengths[i] != Self.absent {
            guard Int(starts[i]) >= previousEnd else { return nil }
            previousEnd = Int(starts[i]) + Int(lengths[i])
        }
        var hits: [Int] = []
        bytes.withUnsafeBytes { raw in
            needle.withUnsafeBytes { nd in
                let first = SIMD16<UInt8>(repeating: needle[0]), last = SIMD16<UInt8>(repeating: needle[n - 1])
                var p = 0
                func check(_ at: Int) {
                    if memcmp(raw.baseAddress! + at, nd.baseAddress!, n) == 0 { hits.append(at) }
                }
                while p + 15 + n <= raw.count {
                    let a = raw.loadUnaligned(fromByteOffset: p, as: SIMD16<UInt8>.self)
                    let b = raw.loadUnaligned(fromByteOffset: p + n - 1, as: SIMD16<UInt8>.self)
                    let mask = (a .== first) .& (b .== last)
                    if any(mask) {
                        for k in 0..<16 where mask[k] { check(p + k) }
                    }
                    p += 16
                }
                while p + n <= raw.count {
                    check(p)
                    p += 1
                }
            }
        }
        var out = Bitset()
        var slot = 0
        for h in hits {
            // The element whose bytes hold the whole hit, if any (hits come in increasing order).
            while slot < count && (lengths[slot] == Self.absent || Int(starts[slot]) + Int(lengths[slot]) < h + n) { slot += 1 }
            guard slot < count else { break }
            if Int(starts[slot]) <= h { out.insert(slot) }
        }
        return out
    }

    /// The bytes, starts and lengths, for a loop over many elements.
    func withStorage<R>(_ body: (UnsafeBufferPointer<UInt8>, UnsafeBufferPointer<UInt32>, UnsafeBufferPointer<UInt32>) -> R) -> R {
        bytes.withUnsafeBufferPointer { b in
            starts.withUnsafeBufferPointer { s in lengths.withUnsafeBufferPointer { l in body(b, s, l) } }
        }
    }

    /// The element's UTF-8 bytes (empty when absent).
    @inline(__always)
    func withBytes<R>(_ i: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        let n = lengths[i] == Self.absent ? 0 : Int(lengths[i])
        return bytes.withUnsafeBufferPointer { all in
            body(UnsafeBufferPointer(rebasing: all[Int(starts[i]) ..< Int(starts[i]) + n]))
        }
    }
}
