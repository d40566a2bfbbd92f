import Glibc

/// A filter that reads one property of the node an operator binds and otherwise only constants
/// (`e.kind = 'attack'`, `e.date >= $since`, `{name: 'x'}`). Planned only for statements that do
/// not write, so the column cannot change while it runs: on dictionary codes each distinct
/// string is judged once, and on a string heap equality and substring tests against a constant
/// run on the stored bytes. Anything else falls back to the compiled predicate.
final class ColumnFilter {
    enum ByteTest { case equal, contains, startsWith, endsWith }

    let key: Int32
    let predicate: Evaluator
    let byteTest: (test: ByteTest, needle: [UInt8])?
    /// The values an integer comparison accepts, judged on a column of integers.
    let integerRange: ClosedRange<Int64>?
    let needleIsASCII: Bool
    /// The needle byte that substring search looks for first: the one least common in text.
    let rareByte: Int
    /// The column's storage, taken when the statement first reads it (it cannot change in a
    /// statement that does not write).
    @exclusivity(unchecked) private var loaded = false
    @exclusivity(unchecked) private var representation = PropertyColumn.Representation.empty
    @exclusivity(unchecked) private var base = 0
    @exclusivity(unchecked) private var codes: [UInt32] = []
    @exclusivity(unchecked) private var integers: [Int64] = []
    @exclusivity(unchecked) private var strings: [String] = []
    @exclusivity(unchecked) private var heap = StringHeap()
    /// By dictionary code: 0 not judged yet, 1 accepted, 2 rejected.
    @exclusivity(unchecked) private var verdicts: [UInt8] = []
    /// Nodes asked about so far.
    @exclusivity(unchecked) private var tested = 0
    /// For CONTAINS on a string heap: the heap slots whose string holds the needle.
    @exclusivity(unchecked) private var containing: Bitset?
    @exclusivity(unchecked) private var searchedWholeHeap = false

    init(key: Int32, predicate: @escaping Evaluator, byteTest: (ByteTest, [UInt8])?, integerRange: ClosedRange<Int64>? = nil) {
        self.key = key
        self.predicate = predicate
        self.byteTest = byteTest
        self.integerRange = integerRange
        needleIsASCII = byteTest?.1.allSatisfy { $0 < 0x80 } ?? false
        let needle = byteTest?.1 ?? []
        rareByte = needle.indices.max { Self.rarity(needle[$0]) < Self.rarity(needle[$1]) } ?? 0
    }

    /// Common bytes of text, most common first; anything else counts as rarer than all of them.
    private static let commonBytes = Array(" etaoinsrhldcumfpgwybvkxjqz".utf8)

    static func rarity(_ b: UInt8) -> Int {
        commonBytes.firstIndex(of: b | (b >= 0x41 && b <= 0x5a ? 0x20 : 0)) ?? commonBytes.count
    }

    private func load(_ ctx: ExecutionContext) {
        let column = ctx.graph.nodeProperties[Int(key)]
        representation = column.representation
        base = column.base
        codes = column.codes
        integers = integerRange == nil ? [] : column.integers
        strings = column.dictionary.strings
        heap = column.heap
        verdicts = Array(repeating: 0, count: column.dictionary.count + 1)
        loaded = true
    }

    /// Judges `node`, which the caller has already written into `row[slot]`.
    @inline(__always)
    func accepts(_ node: Int, _ row: inout Row, slot: Int, _ ctx: ExecutionContext) throws(QueryError) -> Bool {
        if !loaded { load(ctx) }
        let i = node - base
        switch representation {
        case .codes:
            return try verdict(code: i >= 0 && i < codes.count ? Int(codes[i]) : 0, node, &row, slot)
        case .integers where integerRange != nil:
            // A missing value (null) is never in range.
            guard i >= 0 && i < integers.count, integers[i] != PropertyColumn.absentInteger else { return false }
            return integerRange!.contains(integers[i])
        case .heap:
            guard let (test, needle) = byteTest else { return try evaluate(&row) }
            guard i >= 0 && i < heap.count, !heap.isAbsent(i) else { return false }
            if let verdict = heap.withBytes(i, { Self.matches(test, $0, needle, needleIsASCII, rareByte) }) { return verdict }
            return try evaluate(&row)
        default:
            return try evaluate(&row)
        }
    }

    /// Keeps, in order, the candidate nodes the filter accepts: the batch form of `accepts`,
    /// with the column's arrays opened once. `row[slot]` receives a node only when the compiled
    /// predicate has to judge it.
    /// `inOrder`: the candidates come in id order, each once (a scan); then judging every slot
    /// ahead would only add a pass.
    func select(_ batch: inout NodeBatch, _ row: inout Row, slot: Int, inOrder: Bool, _ ctx: ExecutionContext) throws(QueryError) {
        if !loaded { load(ctx) }
        if representation == .heap, !searchedWholeHeap, let (test, needle) = byteTest, test == .contains,
           tested + batch.count > heap.count / (inOrder ? 64 : 8) {
            // Enough of the heap will be read anyway: one pass over all of it is cheaper.
            containing = heap.elementsContaining(needle)
            searchedWholeHeap = true
        }
        tested += batch.count
        try batch.keep { (candidates) throws(QueryError) -> Int in try select(candidates, &row, slot: slot) }
    }

    /// `select` over the batch's buffer: the kept candidates moved to its front, their number
    /// returned.
    @inline(__always)
    private func select(_ candidates: UnsafeMutableBufferPointer<Int>, _ row: inout Row, slot: Int) throws(QueryError) -> Int {
        var kept = 0
        switch representation {
        case .codes:
            // Candidates whose codes have verdicts are kept in a tight pass over the buffers; one
            // whose code is not judged yet stops it, is judged, and the pass goes on after it.
            var j = 0
            while j < candidates.count {
                let stopped = passOverKnownCodes(candidates, from: &j, kept: &kept)
                guard stopped else { break }
                let node = candidates[j], i = node - base
                if try verdict(code: i >= 0 && i < codes.count ? Int(codes[i]) : 0, node, &row, slot) {
                    candidates[kept] = node
                    kept += 1
                }
                j += 1
            }
        case .integers where integerRange != nil:
            let range = integerRange!, base = self.base
            integers.withUnsafeBufferPointer { values in
                for j in candidates.indices {
                    let node = candidates[j], i = node - base
                    guard i >= 0 && i < values.count, values[i] != PropertyColumn.absentInteger, range.contains(values[i]) else { continue }
                    candidates[kept] = node
                    kept += 1
                }
            }
        case .heap where containing != nil:
            for j in candidates.indices where candidates[j] >= base && containing!.contains(candidates[j] - base) {
                let node = candidates[j]
                candidates[kept] = node
                kept += 1
            }
        case .heap where byteTest != nil:
            let (test, needle) = byteTest!
            let ascii = needleIsASCII, rare = rareByte, base = self.base
            // Candidates are kept as their bytes decide until the first one they cannot decide;
            // from there each one's verdict is noted (the undecided judged by the predicate,
            // outside the bytes), so that the kept ones stay in the order they came: an
            // expansion's come in adjacency order, and its caller walks them in that order.
            var firstUndecided = candidates.count
            kept = heap.withStorage { bytes, starts, lengths in
                var kept = 0
                for j in candidates.indices {
                    let node = candidates[j], i = node - base
                    guard i >= 0 && i < lengths.count, lengths[i] != StringHeap.absent else { continue }
                    let hay = UnsafeBufferPointer(rebasing: bytes[Int(starts[i]) ..< Int(starts[i]) + Int(lengths[i])])
                    switch Self.matches(test, hay, needle, ascii, rare) {
                    case true?:
                        candidates[kept] = node
                        kept += 1
                    case nil:
                        firstUndecided = j
                        return kept
                    default: break
                    }
                }
                return kept
            }
            if firstUndecided < candidates.count {
                let verdicts: [Bool?] = heap.withStorage { bytes, starts, lengths in
                    candidates[firstUndecided...].map { node in
                        let i = node - base
                        guard i >= 0 && i < lengths.count, lengths[i] != StringHeap.absent else { return false }
                        return Self.matches(test, UnsafeBufferPointer(rebasing: bytes[Int(starts[i]) ..< Int(starts[i]) + Int(lengths[i])]),
                                            needle, ascii, rare)
                    }
                }
                // `kept` never passes the position read, so no candidate is overwritten before it is.
                for (offset, verdict) in verdicts.enumerated() {
                    let j = firstUndecided + offset
                    var accepted = verdict ?? false
                    if verdict == nil {
                        row[slot] = .node(NodeID(candidates[j]))
                        accepted = try evaluate(&row)
                    }
                    if accepted {
                        candidates[kept] = candidates[j]
                        kept += 1
                    }
                }
            }
        default:
            for j in candidates.indices {
                let node = candidates[j]
                row[slot] = .node(NodeID(node))
                if try evaluate(&row) {
                    candidates[kept] = node
                    kept += 1
                }
            }
        }
        return kept
    }

    /// Keeps candidates from `j` on while their codes have verdicts; true when it stopped at
    /// one (`candidates[j]`) whose code has none yet, false at the end.
    @inline(__always)
    private func passOverKnownCodes(_ c: UnsafeMutableBufferPointer<Int>, from j: inout Int, kept: inout Int) -> Bool {
        let base = self.base
        return codes.withUnsafeBufferPointer { codes in
            verdicts.withUnsafeBufferPointer { verdicts in
                while j < c.count {
                    let node = c[j], i = node - base
                    switch verdicts[i >= 0 && i < codes.count ? Int(codes[i]) : 0] {
                    case 0: return true
                    case 1:
                        c[kept] = node
                        kept += 1
                    default: break
                    }
                    j += 1
                }
                return false
            }
        }
    }

    @inline(__always)
    private func verdict(code c: Int, _ node: Int, _ row: inout Row, _ slot: Int) throws(QueryError) -> Bool {
        if verdicts[c] == 0 {
            var judged = byteVerdict(code: c)
            if judged == nil {
                row[slot] = .node(NodeID(node))
                judged = try evaluate(&row)
            }
            verdicts[c] = judged! ? 1 : 2
        }
        return verdicts[c] == 1
    }

    /// The verdict on a dictionary string from its bytes, when the filter has a byte test that
    /// decides it.
    private func byteVerdict(code c: Int) -> Bool? {
        guard let (test, needle) = byteTest, c > 0 else { return nil }
        var s = strings[c - 1]
        return s.withUTF8 { Self.matches(test, $0, needle, needleIsASCII, rareByte) }
    }

    @inline(__always)
    private func evaluate(_ row: inout Row) throws(QueryError) -> Bool {
        if case .bool(true) = try predicate(&row) { return true }
        return false
    }

    /// Substring tests compare code units, as the language does. Equality of strings is
    /// canonical equivalence, so bytes decide it when they match or when the text cannot be
    /// equivalent to an ASCII needle: no longer than it, over three times as long (no character
    /// decomposes to more ASCII than a third of its bytes), or ASCII itself. Otherwise (nil) the
    /// compiled predicate decides.
    @inline(__always)
    static func matches(_ test: ByteTest, _ hay: UnsafeBufferPointer<UInt8>, _ needle: [UInt8], _ needleIsASCII: Bool,
                        _ rareByte: Int) -> Bool? {
        let n = needle.count
        if test == .equal {
            if hay.count == n && (n == 0 || memcmp(hay.baseAddress!, needle, n) == 0) { return true }
            guard needleIsASCII else { return nil }
            if hay.count <= n || hay.count > 3 * n { return false }
            return hay.allSatisfy { $0 < 0x80 } ? false : nil
        }
        guard hay.count >= n else { return false }
        return needle.withUnsafeBufferPointer { nd in
            guard n > 0 else { return true }
            switch test {
            case .equal: return true
            case .startsWith: return memcmp(hay.baseAddress!, nd.baseAddress!, n) == 0
            case .endsWith: return memcmp(hay.baseAddress! + (hay.count - n), nd.baseAddress!, n) == 0
            case .contains: return find(nd, in: hay, rareByte)
            }
        }
    }

    /// Substring search: memchr for the needle's rarest byte, then memcmp for the whole needle.
    static func find(_ needle: UnsafeBufferPointer<UInt8>, in hay: UnsafeBufferPointer<UInt8>, _ rare: Int) -> Bool {
        let n = needle.count
        let first = hay.baseAddress!
        let last = first + (hay.count - n)
        var p = first
        while p <= last {
            guard let hit = memchr(p + rare, Int32(needle[rare]), last - p + 1) else { return false }
            let at = UnsafePointer(hit.assumingMemoryBound(to: UInt8.self)) - rare
            if memcmp(at, needle.baseAddress!, n) == 0 { return true }
            p = at + 1
        }
        return false
    }
}
