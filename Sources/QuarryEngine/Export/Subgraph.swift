/// The part of a graph an export writes: every node and relationship, or those a query returned
/// (with the end nodes of its relationships and the elements of its paths).
public struct Subgraph: Sendable {
    public let nodes: [NodeID]
    public let relationships: [RelID]

    public static func whole(_ graph: Graph) -> Subgraph {
        var nodes: [NodeID] = []
        var n = graph.nextNode(from: 0, label: nil)
        while let id = n {
            nodes.append(NodeID(id))
            n = graph.nextNode(from: id + 1, label: nil)
        }
        var rels: [RelID] = []
        var r = graph.nextRelationship(from: 0)
        while let id = r {
            rels.append(RelID(id))
            r = graph.nextRelationship(from: id + 1)
        }
        return Subgraph(nodes: nodes, relationships: rels)
    }

    /// The elements a result mentions (relationships with their end nodes), as they are in `g`.
    public static func of(_ result: QueryResult, in g: Graph) -> Subgraph {
        var nodes = Set<NodeID>()
        var rels = Set<RelID>()
        func collect(_ v: Value) {
            switch v {
            case .node(let n): nodes.insert(n)
            case .relationship(let r): rels.insert(r)
            case .path(let p):
                nodes.formUnion(p.nodes)
                rels.formUnion(p.relationships)
            case .list(let l): l.forEach(collect)
            case .map(let m): m.values.forEach(collect)
            default: break
            }
        }
        result.rows.forEach { $0.forEach(collect) }
        rels = rels.filter { g.isAlive(relationship: $0) }
        for r in rels {
            nodes.insert(g.startNode(of: r))
            nodes.insert(g.endNode(of: r))
        }
        return Subgraph(nodes: nodes.filter { g.isAlive(node: $0) }.sorted(), relationships: rels.sorted())
    }
}

/// The export formats of `:export`.
public enum ExportFormat: String, CaseIterable, Sendable {
    case cypher, csv, jsonl, graphml, dot
}

extension Graph {
    /// A node's properties by name, sorted.
    func namedProperties(ofNode n: NodeID) -> [(String, Value)] {
        nodePropertyKeys(n).map { (keys.name($0), nodeProperty(n, $0)) }.sorted { $0.0 < $1.0 }
    }

    func namedProperties(ofRelationship r: RelID) -> [(String, Value)] {
        relationshipPropertyKeys(r).map { (keys.name($0), relationshipProperty(r, $0)) }.sorted { $0.0 < $1.0 }
    }

    func labelNames(_ n: NodeID) -> [String] { labels(of: n).map { labels.name($0) } }
}
