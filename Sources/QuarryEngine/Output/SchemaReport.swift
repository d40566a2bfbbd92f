/// `:schema`: what the graph holds, with counts, so an analyst knows what to ask.
public struct SchemaReport {
    let graph: Graph

    public init(graph: Graph) {
        self.graph = graph
    }

    public var text: String {
        var out = "Labels:\n"
        for (i, name) in graph.labels.names.enumerated() where graph.labelCounts[i] > 0 {
            out += "  :\(quoteName(name))  \(graph.labelCounts[i])\n"
        }
        out += "Relationship types:\n"
        for (i, name) in graph.types.names.enumerated() where graph.typeCounts[i] > 0 {
            out += "  :\(quoteName(name))  \(graph.typeCounts[i])\n"
        }
        out += "Property keys:\n"
        for (key, types) in propertyTypes() { out += "  \(quoteName(key))  \(types.sorted().joined(separator: ", "))\n" }
        out += "Indexes:\n"
        for index in graph.indexSummaries {
            out += "  \(index.name)  :\(quoteName(index.label))(\(quoteName(index.key)))\n"
        }
        if graph.indexes.isEmpty { out += "  (none; CREATE INDEX FOR (n:Label) ON (n.key) makes one)\n" }
        out += "Patterns:\n"
        for (pattern, count) in patterns() { out += "  \(pattern)  \(count)\n" }
        return out
    }

    func labelText(_ node: NodeID) -> String {
        let labels = graph.labels(of: node)
        return labels.isEmpty ? "()" : "(" + labels.map { ":" + quoteName(graph.labels.name($0)) }.joined() + ")"
    }

    /// `(:Actor)-[:MADE]->(:Claim)` with the number of relationships, most frequent first.
    func patterns() -> [(String, Int)] {
        var counts: [String: Int] = [:]
        var r = graph.nextRelationship(from: 0)
        while let rel = r {
            let id = RelID(rel)
            let key = "\(labelText(graph.startNode(of: id)))-[:\(quoteName(graph.types.name(graph.type(of: id))))]->\(labelText(graph.endNode(of: id)))"
            counts[key, default: 0] += 1
            r = graph.nextRelationship(from: rel + 1)
        }
        return counts.sorted { $0.value > $1.value || ($0.value == $1.value && $0.key < $1.key) }
    }

    /// The value types each key holds, from nodes and relationships.
    func propertyTypes() -> [(String, Set<String>)] {
        var types: [String: Set<String>] = [:]
        var n = graph.nextNode(from: 0, label: nil)
        while let node = n {
            for k in graph.nodePropertyKeys(NodeID(node)) {
                types[graph.keys.name(k), default: []].insert(graph.nodeProperty(NodeID(node), k).typeName)
            }
            n = graph.nextNode(from: node + 1, label: nil)
        }
        var r = graph.nextRelationship(from: 0)
        while let rel = r {
            for k in graph.relationshipPropertyKeys(RelID(rel)) {
                types[graph.keys.name(k), default: []].insert(graph.relationshipProperty(RelID(rel), k).typeName)
            }
            r = graph.nextRelationship(from: rel + 1)
        }
        return types.sorted { $0.key < $1.key }
    }
}
