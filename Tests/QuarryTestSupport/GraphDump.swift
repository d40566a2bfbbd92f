import QuarryEngine

/// A graph written out in full, in id order, with names rather than interned numbers: two graphs
/// with the same dump hold the same elements under the same ids, with the same labels, types,
/// properties and indexes. Used to compare a graph with what a file gives back.
public enum GraphDump {
    public static func text(_ g: Graph) -> String {
        var lines: [String] = []
        for n in 0..<g.nodeIDLimit where g.isAlive(node: NodeID(n)) {
            let node = NodeID(n)
            let labels = g.labels(of: node).map { g.labels.name($0) }.sorted()
            let properties = g.nodePropertyKeys(node).map { "\(g.keys.name($0))=\(g.nodeProperty(node, $0))" }.sorted()
            lines.append("node \(n) \(labels) \(properties)")
        }
        for r in 0..<g.relationshipIDLimit where g.isAlive(relationship: RelID(r)) {
            let rel = RelID(r)
            let properties = g.relationshipPropertyKeys(rel).map { "\(g.keys.name($0))=\(g.relationshipProperty(rel, $0))" }.sorted()
            lines.append("rel \(r) \(g.startNode(of: rel))-[:\(g.types.name(g.type(of: rel)))]->\(g.endNode(of: rel)) \(properties)")
        }
        for index in g.indexSummaries {
            lines.append("index \(index.name) :\(index.label)(\(index.key)) \(index.entries) entries")
        }
        lines.append("limits \(g.nodeIDLimit) \(g.relationshipIDLimit)")
        return lines.joined(separator: "\n")
    }
}
