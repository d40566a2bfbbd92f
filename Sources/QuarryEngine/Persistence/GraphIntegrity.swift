/// The invariants of a graph, checked on every graph read from a file (the structural part: what
/// must hold for reads not to go out of bounds) and by `quarry --check` and the tests (all of it:
/// counts, adjacency in both directions agreeing with the relationship columns, indexes).
enum GraphIntegrity {
    /// What is wrong, first problem first (empty when the graph is sound).
    static func problems(in g: Graph, full: Bool) -> [String] {
        var out: [String] = []
        func check(_ ok: Bool, _ what: @autoclosure () -> String) {
            if !ok && out.count < 20 { out.append(what()) }
        }
        let nodeLimit = g.nodeIDLimit, relLimit = g.relationshipIDLimit
        let labelCount = g.labels.names.count, typeCount = g.types.names.count, keyCount = g.keys.names.count
        check(g.labelMembers.count == labelCount && g.labelCounts.count == labelCount, "the label lists do not match the label names")
        check(g.typeCounts.count == typeCount, "the relationship type counts do not match the type names")
        check(g.nodeProperties.count == keyCount && g.relProperties.count == keyCount, "the property columns do not match the key names")
        guard out.isEmpty else { return out }

        check(g.nodeAlive.limit <= nodeLimit, "a live node lies past the node id limit \(nodeLimit)")
        check(g.nodeAlive.count == g.nodeCount, "the node count \(g.nodeCount) does not match the \(g.nodeAlive.count) live nodes")
        for l in 0..<labelCount {
            let members = g.labelMembers[l]
            check(members.isSubset(of: g.nodeAlive), "label :\(g.labels.names[l]) has members that are not live nodes")
            check(members.count == g.labelCounts[l], "label :\(g.labels.names[l]) counts \(g.labelCounts[l]) nodes but has \(members.count)")
        }

        check(g.relStart.count == relLimit && g.relEnd.count == relLimit, "the relationship columns differ in length")
        guard out.isEmpty else { return out }
        check(g.relAlive.limit <= relLimit, "a live relationship lies past the relationship id limit \(relLimit)")
        check(g.relAlive.count == g.relationshipCount,
              "the relationship count \(g.relationshipCount) does not match the \(g.relAlive.count) live relationships")
        var perType = [Int](repeating: 0, count: typeCount)
        for r in 0..<relLimit {
            let t = Int(g.relType[r]), s = Int(g.relStart[r]), e = Int(g.relEnd[r])
            guard t >= 0, t < typeCount, s >= 0, s < nodeLimit, e >= 0, e < nodeLimit else {
                check(false, "relationship \(r) has a type or end node out of range")
                break
            }
            if g.relAlive.contains(r) {
                perType[t] += 1
                check(g.nodeAlive.contains(s) && g.nodeAlive.contains(e), "relationship \(r) connects a deleted node")
            }
        }
        check(perType == g.typeCounts, "the counts per relationship type do not match the relationships")

        for (kind, columns, limit) in [("node", g.nodeProperties, nodeLimit), ("relationship", g.relProperties, relLimit)] {
            for (k, column) in columns.enumerated() {
                if let problem = columnProblem(column, limit: limit) {
                    check(false, "the \(kind) property column '\(g.keys.names[k])' \(problem)")
                }
            }
        }
        for (name, adjacency) in [("outgoing", g.outgoing), ("incoming", g.incoming)] {
            if let problem = adjacencyProblem(adjacency, nodeLimit: nodeLimit, relLimit: relLimit, types: g.relType) {
                check(false, "the \(name) adjacency \(problem)")
            }
        }
        guard out.isEmpty, full else { return out }

        for (name, adjacency, near, far) in [("outgoing", g.outgoing, g.relStart, g.relEnd), ("incoming", g.incoming, g.relEnd, g.relStart)] {
            if let problem = adjacencyAgreement(adjacency, alive: g.relAlive, near: near, far: far, nodeLimit: nodeLimit) {
                check(false, "the \(name) adjacency \(problem)")
            }
        }
        for index in g.indexes {
            var fresh = g
            fresh.indexes = []
            _ = fresh.createIndex(name: index.name, label: g.labels.name(index.label), key: g.keys.name(index.key))
            let rebuilt = fresh.indexes[0]
            check(rebuilt.entryCount == index.entryCount && rebuilt.byValue.mapValues { Set($0) } == index.byValue.mapValues { Set($0) },
                  "the index \(index.name) does not match the nodes it covers")
        }
        return out
    }

    static func columnProblem(_ c: PropertyColumn, limit: Int) -> String? {
        guard c.base >= 0, c.length >= 0, c.representation == .empty || c.base + c.length <= limit else {
            return "covers ids past the id limit"
        }
        var present = 0
        switch c.representation {
        case .empty:
            return c.count == 0 ? nil : "is empty but counts \(c.count) values"
        case .integers:
            guard c.integers.count == c.length else { return "has \(c.integers.count) integers for \(c.length) ids" }
            present = c.integers.reduce(0) { $0 + ($1 == PropertyColumn.absentInteger ? 0 : 1) }
        case .codes:
            guard c.codes.count == c.length else { return "has \(c.codes.count) codes for \(c.length) ids" }
            let top = UInt32(c.dictionary.count)
            for code in c.codes {
                guard code <= top else { return "has a code past its dictionary" }
                if code != 0 { present += 1 }
            }
        case .heap:
            let h = c.heap
            guard h.starts.count == c.length, h.lengths.count == c.length else { return "has a heap index of the wrong length" }
            for i in 0..<c.length where h.lengths[i] != StringHeap.absent {
                guard Int(h.starts[i]) + Int(h.lengths[i]) <= h.bytes.count else { return "points past its heap" }
                guard String(validating: h.bytes[Int(h.starts[i])..<Int(h.starts[i]) + Int(h.lengths[i])], as: UTF8.self) != nil else {
                    return "holds a string that is not UTF-8"
                }
                present += 1
            }
        case .temporal(let kind):
            guard c.words.count == c.length * kind.wordsPerValue else { return "has \(c.words.count) words for \(c.length) ids" }
            for i in 0..<c.length {
                if let problem = kind.problem(c.words, at: i) { return "holds \(problem)" }
                if c.words[i * kind.wordsPerValue] != PropertyColumn.absentInteger { present += 1 }
            }
        case .mixed:
            guard c.values.count == c.length else { return "has \(c.values.count) values for \(c.length) ids" }
            for v in c.values {
                guard isStorable(v) else { return "holds a \(v.typeName), which cannot be a property" }
                if !v.isNull { present += 1 }
            }
        case .sparse:
            for (id, v) in c.sparse {
                guard id >= c.base, id < c.base + c.length else { return "holds id \(id) outside its span" }
                guard isStorable(v), !v.isNull else { return "holds a \(v.typeName), which cannot be a property" }
                present += 1
            }
        }
        return present == c.count ? nil : "counts \(c.count) values but holds \(present)"
    }

    static func isStorable(_ v: Value) -> Bool {
        switch v {
        case .null, .bool, .int, .float, .string, .date, .duration, .localTime, .localDateTime, .time, .dateTime, .point: return true
        case .list(let items): return items.allSatisfy { isStorable($0) }
        case .map, .node, .relationship, .path: return false
        }
    }

    static func adjacencyProblem(_ a: Adjacency, nodeLimit: Int, relLimit: Int, types: [Int32]) -> String? {
        guard let first = a.offsets.first, first == 0, a.offsets.count <= nodeLimit + 1,
              Int(a.offsets[a.offsets.count - 1]) == a.entries.count else { return "has offsets that do not match its entries" }
        for i in 1..<max(a.offsets.count, 1) where a.offsets[i] < a.offsets[i - 1] { return "has decreasing offsets" }
        func valid(_ e: AdjacencyEntry) -> Bool {
            e.relationship >= 0 && Int(e.relationship) < relLimit && e.other >= 0 && Int(e.other) < nodeLimit
                && types[Int(e.relationship)] == e.type
        }
        for e in a.entries where !valid(e) { return "has an entry for a relationship that does not exist" }
        var pending = 0
        for (node, entries) in a.pending {
            guard node >= 0, Int(node) < nodeLimit, entries.allSatisfy(valid) else { return "has a pending entry out of range" }
            pending += entries.count
        }
        return pending == a.pendingCount ? nil : "counts \(a.pendingCount) pending entries but holds \(pending)"
    }

    /// Every live relationship appears exactly once under its node, pointing at the other end.
    static func adjacencyAgreement(_ a: Adjacency, alive: Bitset, near: [NodeID], far: [NodeID], nodeLimit: Int) -> String? {
        var seen = [UInt8](repeating: 0, count: near.count)
        func visit(_ node: Int, _ e: AdjacencyEntry) -> String? {
            let r = Int(e.relationship)
            guard alive.contains(r) else { return nil }
            guard Int(near[r]) == node, e.other == far[r] else { return "files relationship \(r) under the wrong node" }
            seen[r] &+= 1
            return nil
        }
        for node in 0..<max(a.offsets.count - 1, 0) {
            for i in Int(a.offsets[node])..<Int(a.offsets[node + 1]) {
                if let problem = visit(node, a.entries[i]) { return problem }
                // Readers find a type's entries as one run: each node's are sorted by type, then id.
                if i > Int(a.offsets[node]) {
                    let p = a.entries[i - 1], e = a.entries[i]
                    if (p.type, p.relationship) >= (e.type, e.relationship) { return "has node \(node)'s entries out of order" }
                }
            }
        }
        for (node, entries) in a.pending {
            for e in entries {
                if let problem = visit(Int(node), e) { return problem }
            }
        }
        var r = alive.next(from: 0)
        while let rel = r {
            if seen[rel] != 1 { return "lists relationship \(rel) \(seen[rel]) times" }
            r = alive.next(from: rel + 1)
        }
        return nil
    }
}
