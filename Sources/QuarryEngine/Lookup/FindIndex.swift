import Glibc

/// The text `:find` searches, normalized once per graph version (`TextNormalizer`): every text
/// value, and every text item of a list value, of the chosen property keys, in one byte buffer
/// with an entry per value. A search is then a pass over flat arrays.
struct FindIndex {
    let keys: [Int32]
    private(set) var text: [UInt8] = []
    private(set) var starts: [Int] = [0]
    private(set) var masks: [UInt64] = []
    private(set) var nodes: [NodeID] = []
    private(set) var entryKeys: [Int32] = []
    /// The item's position in a list value; -1 for a text value.
    private(set) var items: [Int32] = []

    var count: Int { nodes.count }

    init(_ graph: Graph, keys: [Int32], cancellation: CancellationFlag?) throws(QueryError) {
        self.keys = keys
        var seen = 0
        for key in keys {
            try graph.members(label: nil).forEach { (n) throws(QueryError) in
                seen += 1
                if seen & 0xFFFF == 0, cancellation?.isCancelled == true { throw .cancelled() }
                switch graph.nodeProperty(NodeID(n), key) {
                case .string(let s): add(s, node: NodeID(n), key: key, item: -1)
                case .list(let values):
                    for (i, v) in values.enumerated() { if case .string(let s) = v { add(s, node: NodeID(n), key: key, item: Int32(i)) } }
                default: break
                }
            }
        }
    }

    private mutating func add(_ s: String, node: NodeID, key: Int32, item: Int32) {
        let normalized = TextNormalizer.normalize(s)
        guard !normalized.isEmpty else { return }
        text.append(contentsOf: normalized)
        starts.append(text.count)
        masks.append(normalized.withUnsafeBufferPointer(TextNormalizer.mask))
        nodes.append(node)
        entryKeys.append(key)
        items.append(item)
    }

    /// How well an entry matches, best first.
    enum Tier: Int, Comparable {
        case exact, prefix, wordPrefix, contains, oneEdit, twoEdits

        static func < (a: Tier, b: Tier) -> Bool { a.rawValue < b.rawValue }
    }

    /// Every entry that matches `query` (normalized), with how well. Spelling slips are allowed
    /// by length: none up to 3 characters, one up to 6, two beyond.
    func search(_ query: [UInt8], cancellation: CancellationFlag?) throws(QueryError) -> [(entry: Int, tier: Tier)] {
        guard !query.isEmpty else { return [] }
        let slips = query.count <= 3 ? 0 : query.count <= 6 ? 1 : 2
        var found: [(entry: Int, tier: Tier)] = []
        try text.withUnsafeBufferPointer { (text) throws(QueryError) in
            try query.withUnsafeBufferPointer { (q) throws(QueryError) in
                let queryMask = TextNormalizer.mask(q)
                // A slip inside one word of a longer value ("Khorasn") is looked for word by word
                // only in graphs of curated size: over millions of values it would cost seconds.
                let byWord = slips > 0 && count <= Self.wordByWordLimit && !q.contains(TextNormalizer.space)
                for i in 0..<count {
                    if i & 0xFFFF == 0, cancellation?.isCancelled == true { throw .cancelled() }
                    let e = UnsafeBufferPointer(rebasing: text[starts[i]..<starts[i + 1]])
                    if let tier = Self.tier(of: e, q, slips: slips, masks: (masks[i], queryMask)) {
                        found.append((i, tier))
                    } else if byWord, let tier = Self.slipInWord(e, q, slips: slips) {
                        found.append((i, tier))
                    }
                }
            }
        }
        return found
    }

    static let wordByWordLimit = 50_000

    private static func slipInWord(_ e: UnsafeBufferPointer<UInt8>, _ q: UnsafeBufferPointer<UInt8>, slips: Int) -> Tier? {
        var best: Int?
        var start = 0
        for end in 0...e.count where end == e.count || e[end] == TextNormalizer.space {
            let word = UnsafeBufferPointer(rebasing: e[start..<end])
            if let d = TextNormalizer.distance(word, q, limit: slips), d > 0 { best = min(best ?? d, d) }
            start = end + 1
        }
        return best.map { $0 == 1 ? .oneEdit : .twoEdits }
    }

    private static func tier(of e: UnsafeBufferPointer<UInt8>, _ q: UnsafeBufferPointer<UInt8>, slips: Int, masks: (UInt64, UInt64)) -> Tier? {
        if e.count >= q.count, let base = e.baseAddress, let needle = q.baseAddress {
            let first = q[0]
            var best: Tier?
            for at in 0...(e.count - q.count) where e[at] == first && memcmp(base + at, needle, q.count) == 0 {
                if at == 0 { return e.count == q.count ? .exact : .prefix }
                if e[at - 1] == TextNormalizer.space { return .wordPrefix }
                best = .contains
            }
            if let best { return best }
        }
        guard slips > 0, (masks.0 ^ masks.1).nonzeroBitCount <= 2 * slips,
              let d = TextNormalizer.distance(e, q, limit: slips), d > 0 else { return nil }
        return d == 1 ? .oneEdit : .twoEdits
    }
}
