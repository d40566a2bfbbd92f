/// The one way a new graph is filled from outside the query language: every importer (CSV
/// folders, JSON Lines, GraphML, DOT) adds nodes, labels, relationships and properties through it
/// and none writes the graph's arrays. Relationships only append to their columns; `build()`
/// makes both directions' adjacency once, at the end.
public struct GraphBuilder: Sendable {
    private var graph = Graph()

    public init() {}

    /// The id the next node will get.
    public var nextNodeID: Int { graph.nodeIDLimit }
    /// The id the next relationship will get.
    public var nextRelationshipID: Int { graph.relationshipIDLimit }

    /// A label's id, made when new (for adding many nodes with the same labels).
    public mutating func label(_ name: String) -> Int32 { graph.labelID(name) }

    public mutating func type(_ name: String) -> Int32 { graph.typeID(name) }

    public mutating func key(_ name: String) -> Int32 { graph.keyID(name) }

    @discardableResult
    public mutating func addNode(labels: [Int32] = []) -> NodeID {
        graph.createNode(labels: labels)
    }

    @discardableResult
    public mutating func addNode(labels: [String], properties: [(key: String, value: Value)] = []) -> NodeID {
        let n = graph.createNode(labels: labels.map { graph.labelID($0) })
        for p in properties { setProperty(p.key, p.value, ofNode: n) }
        return n
    }

    public mutating func addLabel(_ name: String, to node: NodeID) {
        graph.addLabel(node, graph.labelID(name))
    }

    /// Sets a node's property; null sets nothing.
    public mutating func setProperty(_ key: String, _ value: Value, ofNode node: NodeID) {
        guard !value.isNull else { return }
        graph.setNodeProperty(node, graph.keyID(key), value)
    }

    @discardableResult
    public mutating func addRelationship(type: Int32, from: NodeID, to: NodeID) -> RelID {
        graph.appendRelationship(type: type, from: from, to: to)
    }

    @discardableResult
    public mutating func addRelationship(type: String, from: NodeID, to: NodeID, properties: [(key: String, value: Value)] = []) -> RelID {
        let r = graph.appendRelationship(type: graph.typeID(type), from: from, to: to)
        for p in properties { setProperty(p.key, p.value, ofRelationship: r) }
        return r
    }

    public mutating func setProperty(_ key: String, _ value: Value, ofRelationship r: RelID) {
        guard !value.isNull else { return }
        graph.setRelationshipProperty(r, graph.keyID(key), value)
    }

    /// One key's values for the nodes `first`, `first + 1`, ... at once (a CSV file's column).
    public mutating func setNodeColumn(_ key: String, first: Int, _ values: [Value]) {
        graph.nodeProperties[Int(graph.keyID(key))].append(first: first, values)
    }

    /// One key's values for the relationships `first`, `first + 1`, ... at once.
    public mutating func setRelationshipColumn(_ key: String, first: Int, _ values: [Value]) {
        graph.relProperties[Int(graph.keyID(key))].append(first: first, values)
    }

    /// The finished graph, with its adjacency built.
    public mutating func build() -> Graph {
        graph.compact()
        return graph
    }
}

extension Graph {
    /// A relationship in the columns only; the adjacency is rebuilt from them afterwards
    /// (`compact`). For building a graph, never for a statement.
    mutating func appendRelationship(type: Int32, from: NodeID, to: NodeID) -> RelID {
        let id = RelID(relType.count)
        relType.append(type)
        relStart.append(from)
        relEnd.append(to)
        relAlive.insert(Int(id))
        relationshipCount += 1
        typeCounts[Int(type)] += 1
        return id
    }
}
