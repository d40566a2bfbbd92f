/// The nodes and relationships some values mention, each with what rendering it needs: labels,
/// type, ends and properties. A result carries these instead of the graph, so it holds only what
/// it shows, stays valid when the graph changes, and another back end can produce the same.
public struct ResultElements: Sendable {
    public struct Node: Sendable {
        public let labels: [String]
        /// By key, sorted.
        public let properties: [Property]
    }

    public struct Relationship: Sendable {
        public let type: String
        public let start: NodeID
        public let end: NodeID
        public let properties: [Property]
    }

    public struct Property: Sendable {
        public let key: String
        public let value: Value
    }

    public private(set) var nodes: [NodeID: Node] = [:]
    public private(set) var relationships: [RelID: Relationship] = [:]

    public init() {}

    /// The elements `values` mention (inside lists, maps and paths too), read from `graph`.
    public init<S: Sequence>(of values: S, in graph: Graph) where S.Element == Value {
        for v in values { collect(v, graph) }
    }

    func hasNode(_ n: NodeID) -> Bool { nodes[n] != nil }

    /// A node as another back end read it.
    mutating func insert(node n: NodeID, _ node: Node) { nodes[n] = node }

    /// A relationship as another back end read it.
    mutating func insert(relationship r: RelID, _ relationship: Relationship) { relationships[r] = relationship }

    /// The elements the rows mention.
    init(rows: [[Value]], in graph: Graph) {
        for row in rows {
            for v in row { collect(v, graph) }
        }
    }

    private mutating func collect(_ v: Value, _ graph: Graph) {
        switch v {
        case .node(let n): addNode(n, graph)
        case .relationship(let r): addRelationship(r, graph)
        case .path(let p):
            for n in p.nodes { addNode(n, graph) }
            for r in p.relationships { addRelationship(r, graph) }
        case .list(let l): for x in l { collect(x, graph) }
        case .map(let m): for x in m.values { collect(x, graph) }
        default: break
        }
    }

    private mutating func addNode(_ n: NodeID, _ graph: Graph) {
        guard nodes[n] == nil else { return }
        nodes[n] = Node(labels: graph.labels(of: n).map { graph.labels.name($0) },
                        properties: graph.namedProperties(ofNode: n).map { Property(key: $0.0, value: $0.1) })
    }

    private mutating func addRelationship(_ r: RelID, _ graph: Graph) {
        guard relationships[r] == nil else { return }
        relationships[r] = Relationship(type: graph.types.name(graph.type(of: r)), start: graph.startNode(of: r), end: graph.endNode(of: r),
                                        properties: graph.namedProperties(ofRelationship: r).map { Property(key: $0.0, value: $0.1) })
    }
}
