/// Name lookups for the shell's completion, answered from the columns, the dictionaries and the
/// indexes rather than by reading node after node.
extension Graph {
    /// The keys some node with the label holds: each key's column is read over the label's
    /// members inside the column's id range, up to the first that holds it.
    public func propertyKeys(ofLabel name: String) -> [String] {
        guard let label = labels.id(name) else { return [] }
        let members = members(label: label)
        var out: [String] = []
        for (k, column) in nodeProperties.enumerated() where column.count > 0 {
            if column.representation == .sparse {
                if column.sparse.keys.contains(where: { members.contains($0) }) { out.append(keys.name(Int32(k))) }
                continue
            }
            var id = members.next(from: column.base)
            while let n = id, n < column.base + column.length {
                if !column.get(n).isNull {
                    out.append(keys.name(Int32(k)))
                    break
                }
                id = members.next(from: n + 1)
            }
        }
        return out.sorted()
    }

    /// Text values of `key` that start with `prefix` in any case, held by nodes with `label`
    /// (any node when nil); at most `limit` of them, sorted. An index on the label and key
    /// answers from its values; a dictionary-coded column first picks the codes whose strings
    /// match (none: no node is read) and then looks for them among the label's members.
    public func textValues(ofKey keyName: String, label labelName: String?, prefix: String, limit: Int) -> [String] {
        guard let key = keys.id(keyName) else { return [] }
        var label: Int32?
        if let labelName {
            guard let id = labels.id(labelName) else { return [] }
            label = id
        }
        let lower = prefix.lowercased()
        func matches(_ s: String) -> Bool { s.lowercased().hasPrefix(lower) }
        if let label, let index = index(label: label, key: key) {
            let found = index.byValue.compactMap { entry -> String? in
                guard case .string(let s) = entry.key.value, !entry.value.isEmpty, matches(s) else { return nil }
                return s
            }
            return Array(found.sorted().prefix(limit))
        }
        let column = nodeProperties[Int(key)]
        let members = members(label: label)
        var out: Set<String> = []
        switch column.representation {
        case .empty, .integers:
            return []
        case .sparse:
            for (n, value) in column.sparse where members.contains(n) {
                if case .string(let s) = value, matches(s) { out.insert(s) }
            }
            return Array(out.sorted().prefix(limit))
        default:
            break
        }
        var id = members.next(from: column.base)
        if column.representation == .codes {
            var remaining = Set<UInt32>()
            for code in 0..<column.dictionary.count where matches(column.dictionary.string(UInt32(code + 1))) {
                remaining.insert(UInt32(code + 1))
            }
            while let n = id, n < column.base + column.length, !remaining.isEmpty, out.count < limit {
                let code = column.code(n)
                if remaining.remove(code) != nil { out.insert(column.dictionary.string(code)) }
                id = members.next(from: n + 1)
            }
            return out.sorted()
        }
        while let n = id, n < column.base + column.length, out.count < limit {
            if case .string(let s) = column.get(n), matches(s) { out.insert(s) }
            id = members.next(from: n + 1)
        }
        return out.sorted()
    }
}
