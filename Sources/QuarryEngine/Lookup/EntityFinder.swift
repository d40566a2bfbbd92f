/// `:find`: nodes by a half-remembered name, ranked; typos, case, accents and aliases forgiven.
public struct FoundEntity: Sendable {
    public enum Match: String, Sendable {
        case exact = "exact", prefix = "starts with", word = "word starts with", contains = "contains"
        case oneEdit = "one letter off", twoEdits = "two letters off"
    }

    public let node: NodeID
    public let labels: [String]
    /// The node's name (its `name` or `title`), empty when it has none.
    public let name: String
    /// The property that matched, and the text in it (an alias, when that matched).
    public let matchedKey: String
    public let matchedText: String
    public let match: Match
    public let degree: Int
    /// A few words about the node: its `kind`, and its `summary` or `role` when it has one.
    public let summary: String
}

/// Which properties `find` searches.
public enum FindScope: Sendable, Equatable {
    /// Names: `name`, `title`, and keys whose name mentions aliases.
    case names
    case keys([String])
    /// Every text property.
    case allText
}

extension Database {
    /// The nodes whose names (or other text, by `scope`) match `text`, best first: exact, then
    /// a prefix, a word's start, anywhere, then one or two letters off; ties by how connected.
    public func find(_ text: String, scope: FindScope = .names, limit: Int = 10,
                     cancellation: CancellationFlag? = nil) throws(QueryError) -> [FoundEntity] {
        let keys = searchKeys(scope)
        let index: FindIndex
        if let cached = findCache, cached.version == graphVersion, cached.index.keys == keys {
            index = cached.index
        } else {
            index = try FindIndex(graph, keys: keys, cancellation: cancellation)
            findCache = (graphVersion, index)
        }
        let hits = try index.search(TextNormalizer.normalize(text), cancellation: cancellation)
        // The best entry per node, then the best nodes: by tier, then by how connected (counted
        // only for a short list), then by id.
        var best: [NodeID: (entry: Int, tier: FindIndex.Tier)] = [:]
        for h in hits where best[index.nodes[h.entry]].map({ h.tier < $0.tier }) ?? true { best[index.nodes[h.entry]] = h }
        let ordered = best.sorted { ($0.value.tier, $0.key) < ($1.value.tier, $1.key) }
        let shortList = ordered.prefix(max(limit * 4, 40)).map { (node: $0.key, hit: $0.value, degree: graph.degree(of: $0.key)) }
        let ranked = shortList.sorted { a, b in
            if a.hit.tier != b.hit.tier { return a.hit.tier < b.hit.tier }
            if a.degree != b.degree { return a.degree > b.degree }
            return a.node < b.node
        }
        return ranked.prefix(limit).map { entity($0.node, entry: $0.hit.entry, tier: $0.hit.tier, degree: $0.degree, index: index) }
    }

    private func searchKeys(_ scope: FindScope) -> [Int32] {
        let names = graph.keys.names
        switch scope {
        case .names:
            return names.indices.filter { ["name", "title"].contains(names[$0]) || names[$0].lowercased().contains("alias") }.map { Int32($0) }
        case .keys(let wanted):
            return wanted.compactMap { graph.keys.id($0) }
        case .allText:
            return names.indices.map { Int32($0) }
        }
    }

    private func entity(_ node: NodeID, entry: Int, tier: FindIndex.Tier, degree: Int, index: FindIndex) -> FoundEntity {
        let key = index.entryKeys[entry]
        var matched = ""
        switch graph.nodeProperty(node, key) {
        case .string(let s): matched = s
        case .list(let items):
            let i = Int(index.items[entry])
            if i >= 0, i < items.count, case .string(let s) = items[i] { matched = s }
        default: break
        }
        let match: FoundEntity.Match
        switch tier {
        case .exact: match = .exact
        case .prefix: match = .prefix
        case .wordPrefix: match = .word
        case .contains: match = .contains
        case .oneEdit: match = .oneEdit
        case .twoEdits: match = .twoEdits
        }
        return FoundEntity(node: node, labels: graph.labels(of: node).map { graph.labels.name($0) }, name: graph.displayName(of: node),
                           matchedKey: graph.keys.name(key), matchedText: matched, match: match, degree: degree,
                           summary: graph.summary(of: node))
    }
}

extension Graph {
    /// The node's relationships either way (a loop once).
    func degree(of node: NodeID) -> Int {
        var cursor = NeighborCursor(graph: self, node: node, direction: .both, types: nil)
        var n = 0
        while cursor.next() != nil { n += 1 }
        return n
    }

    /// Its `name`, else its `title`, else "".
    func displayName(of node: NodeID) -> String {
        for key in ["name", "title"] {
            if let k = keys.id(key), case .string(let s) = nodeProperty(node, k) { return s }
        }
        return ""
    }

    /// Its `kind`, and its `summary` or `role`, joined by "; ".
    func summary(of node: NodeID) -> String {
        ["kind", "summary", "role"].compactMap { key -> String? in
            guard let k = keys.id(key), case .string(let s) = nodeProperty(node, k) else { return nil }
            return s
        }.prefix(2).joined(separator: "; ")
    }
}
