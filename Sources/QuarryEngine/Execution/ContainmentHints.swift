/// A pattern that reaches a named node in one hop, where the graph has a hierarchy under that
/// node (places `IN` places): `(e)-[:OCCURRED_IN]->(:Place {name: 'Afghanistan'})` finds the 2
/// events placed in the country itself, not the 133 placed in its provinces and towns. The hint
/// says how many nodes lie under it and writes the pattern that reaches them too. Containment is
/// read from the type's name (`containmentTypes`): `ALLIED_WITH` between actors is no hierarchy.
enum ContainmentHints {
    /// Nodes counted under a named node, at most.
    static let counted = 100_000
    /// The relationship types read as "lies inside" (a place in a place, a unit in an organisation).
    static let containmentTypes: Set<String> = ["IN", "PART_OF", "WITHIN", "LOCATED_IN", "INSIDE", "CHILD_OF", "SUBREGION_OF"]

    /// A containment type and a label whose members it joins (`IN` between places).
    struct Hierarchy: Hashable {
        let type: Int32
        let label: Int32
    }

    /// Every containment type with the labels it joins: one pass over the relationships of those
    /// types (kept by the database for one graph version).
    static func hierarchies(in graph: Graph) -> Set<Hierarchy> {
        let types = Set(graph.types.names.indices.filter { containmentTypes.contains(graph.types.names[$0]) }.map { Int32($0) })
        guard !types.isEmpty else { return [] }
        var found = Set<Hierarchy>()
        graph.relAlive.forEach { r in
            let type = graph.relType[r]
            guard types.contains(type) else { return }
            let start = graph.relStart[r], end = graph.relEnd[r]
            for label in graph.labels(of: end) where graph.hasLabel(start, label) { found.insert(Hierarchy(type: type, label: label)) }
        }
        return found
    }

    /// `hierarchies` is asked for only when a pattern could take a hint (a pass over the
    /// relationships, kept by the caller for one graph version).
    static func notices(for query: CheckedQuery, in graph: Graph, hierarchies: () -> Set<Hierarchy>) -> [Notice] {
        var out: [Notice] = []
        for part in query.parts {
            for checked in part.clauses {
                guard case .match(_, let patterns, _) = checked.clause.kind else { continue }
                for pattern in patterns {
                    for (i, step) in pattern.steps.enumerated() {
                        let left = i == 0 ? pattern.start : pattern.steps[i - 1].node
                        for (named, namedIsRight) in [(step.node, true), (left, false)] {
                            if let notice = hint(step.relationship, named, namedIsRight: namedIsRight, in: graph, hierarchies: hierarchies) {
                                out.append(notice)
                            }
                        }
                    }
                }
            }
        }
        return out
    }

    static func hint(_ rel: RelationshipPattern, _ node: NodePattern, namedIsRight: Bool, in graph: Graph, hierarchies: () -> Set<Hierarchy>) -> Notice? {
        guard rel.length == nil, rel.types.count == 1, let label = node.labels.first, let labelID = graph.labels.id(label),
              case .map(let entries)? = node.properties?.kind, entries.count == 1, let (key, value) = entries.first,
              case .literal(.string(let text)) = value.kind, let keyID = graph.keys.id(key) else { return nil }
        let types = hierarchies().filter { $0.label == labelID && graph.types.name($0.type) != rel.types[0] }.map(\.type).sorted()
        guard !types.isEmpty, let top = namedNode(labelID, keyID, text, in: graph) else { return nil }
        // What lies under the named node through a containment type, counted breadth first.
        for type in types {
            let typeName = graph.types.name(type)
            var under = Set<NodeID>(), frontier = [top]
            while let next = frontier.popLast(), under.count < counted {
                var cursor = NeighborCursor(graph: graph, node: next, direction: .incoming, types: [type])
                while let (entry, _) = cursor.next() {
                    if graph.hasLabel(entry.other, labelID), entry.other != top, under.insert(entry.other).inserted { frontier.append(entry.other) }
                }
            }
            guard !under.isEmpty else { continue }
            let target = "(:\(label) {\(key): '\(text)'})"
            let hop = "[:\(rel.types[0])]"
            let fix = namedIsRight ? (rel.direction == .incoming ? "<-\(hop)-()-[:\(typeName)*0..]->\(target)" : "-\(hop)->()-[:\(typeName)*0..]->\(target)")
                : (rel.direction == .outgoing ? "\(target)<-[:\(typeName)*0..]-()-\(hop)->" : "\(target)<-[:\(typeName)*0..]-()<-\(hop)-")
            let owner = under.count == 1 ? "1 :\(label)" : "\(under.count) :\(label) nodes"
            return Notice(message: "'\(text)' has \(owner) under it through :\(typeName), which this pattern does not reach; to include them: \(fix)",
                          range: node.range, isHint: true)
        }
        return nil
    }

    /// The one member of the label with that text (through an index when there is one).
    static func namedNode(_ label: Int32, _ key: Int32, _ text: String, in graph: Graph) -> NodeID? {
        if let index = graph.index(label: label, key: key) {
            let nodes = index.byValue[GroupKey(.string(text))] ?? []
            return nodes.count == 1 ? nodes[0] : nil
        }
        var found: NodeID?
        var n = graph.nextNode(from: 0, label: label)
        var seen = 0
        while let id = n, seen < counted {
            if case .string(let s) = graph.nodeProperty(NodeID(id), key), s == text {
                guard found == nil else { return nil }
                found = NodeID(id)
            }
            seen += 1
            n = graph.nextNode(from: id + 1, label: label)
        }
        return found
    }
}
