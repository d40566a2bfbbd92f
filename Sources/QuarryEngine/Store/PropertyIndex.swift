/// An index on one property of the nodes with one label: a hash map from value to nodes, for
/// equality, and scanned value by value for ranges (no sorted copy to rebuild after each write).
struct PropertyIndex: Sendable {
    let name: String
    let label: Int32
    let key: Int32
    var byValue: [GroupKey: [NodeID]] = [:]

    init(name: String, label: Int32, key: Int32) {
        self.name = name
        self.label = label
        self.key = key
    }

    mutating func insert(_ v: Value, _ node: NodeID) {
        guard !v.isNull else { return }
        byValue[GroupKey(v), default: []].append(node)
        entryCount += 1
    }

    mutating func remove(_ v: Value, _ node: NodeID) {
        guard !v.isNull else { return }
        let k = GroupKey(v)
        let before = byValue[k]?.count ?? 0
        byValue[k]?.removeAll { $0 == node }
        entryCount -= before - (byValue[k]?.count ?? 0)
        if byValue[k]?.isEmpty == true { byValue[k] = nil }
    }

    /// Removes the entries of the nodes from id `first` up (taking back the statement that created them).
    mutating func removeNodes(from first: Int) {
        for (k, nodes) in byValue {
            let kept = nodes.filter { Int($0) < first }
            guard kept.count != nodes.count else { continue }
            entryCount -= nodes.count - kept.count
            byValue[k] = kept.isEmpty ? nil : kept
        }
    }

    /// Nodes whose value equals `v` (1 finds 1.0 too).
    func lookup(_ v: Value) -> [NodeID] {
        if case .float(let d) = v, d.isNaN { return [] }
        return (byValue[GroupKey(v)] ?? []).sorted()
    }

    /// Nodes in the index, kept up to date (the planner asks on every query).
    private(set) var entryCount = 0

    var distinctValues: Int { byValue.count }

    /// Nodes whose value lies in the range, compared like `<`/`<=` (values of other types are skipped).
    func range(lower: (Value, Bool)?, upper: (Value, Bool)?) -> [NodeID] {
        var out: [NodeID] = []
        for (key, nodes) in byValue {
            let v = key.value
            if let (lo, inclusive) = lower {
                guard Value.isLess(lo, v, orEqual: inclusive) == true else { continue }
            }
            if let (hi, inclusive) = upper {
                guard Value.isLess(v, hi, orEqual: inclusive) == true else { continue }
            }
            out += nodes
        }
        return out.sorted()
    }
}

extension Graph {
    /// Creates the index and fills it from the nodes that have the label. Returns false when it exists.
    mutating func createIndex(name: String?, label: String, key: String) -> Bool {
        let l = labelID(label), k = keyID(key)
        if indexes.contains(where: { $0.label == l && $0.key == k }) { return false }
        var index = PropertyIndex(name: name ?? "index_\(label)_\(key)", label: l, key: k)
        var n = nextNode(from: 0, label: l)
        while let node = n {
            if isAlive(node: NodeID(node)) { index.insert(nodeProperty(NodeID(node), k), NodeID(node)) }
            n = nextNode(from: node + 1, label: l)
        }
        indexes.append(index)
        changes?.index(.createIndex, index)
        return true
    }

    mutating func dropIndex(name: String?, label: String?, key: String?) -> Bool {
        let dropped: (PropertyIndex) -> Bool
        if let name {
            dropped = { $0.name == name }
        } else if let label, let key, let l = labels.id(label), let k = keys.id(key) {
            dropped = { $0.label == l && $0.key == k }
        } else {
            return false
        }
        let gone = indexes.filter(dropped)
        indexes.removeAll(where: dropped)
        for index in gone { changes?.index(.dropIndex, index) }
        return !gone.isEmpty
    }

    func index(label: Int32, key: Int32) -> PropertyIndex? {
        indexes.first { $0.label == label && $0.key == key }
    }
}

/// What a property index is on, for listings (`SHOW INDEXES`, `:schema`).
public struct IndexSummary: Sendable, Equatable {
    public let name: String
    public let label: String
    public let key: String
    public let entries: Int
}

extension Graph {
    public var indexSummaries: [IndexSummary] {
        indexes.map { IndexSummary(name: $0.name, label: labels.name($0.label), key: keys.name($0.key), entries: $0.entryCount) }
    }
}
