/// Reads GraphML into a new graph: `labels` and `label` data give node labels and relationship
/// types (as `GraphMLExport` writes them), other data become typed properties, a key's
/// `<default>` fills the nodes or edges that lack it. Edges may come before the nodes they join.
public enum GraphMLImport {
    public static func read(path: String, cancellation: CancellationFlag? = nil) throws(QueryError) -> Graph {
        var reader = GraphMLReader(xml: XMLReader(bytes: Array(try InputFile.text(path).utf8), file: path))
        return try reader.read(cancellation: cancellation)
    }
}

/// The state of one GraphML read.
struct GraphMLReader {
    struct Key {
        let name: String
        let type: String
        let domain: String
        let offset: Int
        var cypher = false
        var defaultText: String?
    }

    /// One `<data>` element: its key, its text, and where it starts in the file.
    struct Datum {
        let key: String
        var text: String
        let offset: Int
    }

    struct Edge {
        let source: String
        let target: String
        var data: [Datum] = []
        let offset: Int
    }

    var xml: XMLReader
    var graph = GraphBuilder()
    var keys: [String: Key] = [:]
    var nodes: [String: NodeID] = [:]
    var nodeData: [(NodeID, [Datum])] = []
    var edges: [Edge] = []

    init(xml: XMLReader) { self.xml = xml }

    /// The element name without its namespace prefix.
    static func local(_ name: String) -> Substring {
        name.lastIndex(of: ":").map { name[name.index(after: $0)...] } ?? name[...]
    }

    mutating func read(cancellation: CancellationFlag?) throws(QueryError) -> Graph {
        var path: [Substring] = []
        var text = ""
        var currentKey: String?
        var currentNode: (id: NodeID, data: [Datum])?
        var currentEdge: Edge?
        var datum: Datum?
        var events = 0
        while let event = try xml.next() {
            events += 1
            if events & 0xFFF == 0, cancellation?.isCancelled == true { throw .cancelled() }
            switch event {
            case .text(let piece):
                if datum != nil || path.last == "default" || path.last == "desc" { text += piece }
            case .start(let name, let attributes):
                let element = Self.local(name)
                if path.isEmpty, element != "graphml" {
                    throw xml.error("not GraphML: the root element is <\(name)>, not <graphml>")
                }
                path.append(element)
                text = ""
                switch element {
                case "key":
                    guard let id = attributes["id"] else { throw xml.error("a <key> without an id") }
                    keys[id] = Key(name: attributes["attr.name"] ?? id, type: attributes["attr.type"] ?? "string",
                                   domain: attributes["for"] ?? "all", offset: xml.eventOffset)
                    currentKey = id
                case "node":
                    guard let id = attributes["id"] else { throw xml.error("a <node> without an id") }
                    guard nodes[id] == nil else { throw xml.error("the node id \(id) appears twice") }
                    let n = graph.addNode()
                    nodes[id] = n
                    currentNode = (n, [])
                case "edge":
                    guard let s = attributes["source"], let t = attributes["target"] else { throw xml.error("an <edge> needs source and target") }
                    currentEdge = Edge(source: s, target: t, offset: xml.eventOffset)
                case "data":
                    guard let k = attributes["key"] else { throw xml.error("a <data> without a key") }
                    guard keys[k] != nil else { throw xml.error("data for the undeclared key \(k)") }
                    datum = Datum(key: k, text: "", offset: xml.eventOffset)
                case "hyperedge":
                    throw xml.error("hyperedges are not read (a relationship joins two nodes)")
                default: break
                }
            case .end:
                let element = path.removeLast()
                switch element {
                case "desc":
                    if let k = currentKey, path.last == "key", text == GraphMLExport.cypherMark { keys[k]?.cypher = true }
                case "default":
                    if let k = currentKey { keys[k]?.defaultText = text }
                case "key": currentKey = nil
                case "data":
                    guard var finished = datum else { break }
                    finished.text = text
                    if currentEdge != nil { currentEdge?.data.append(finished) } else { currentNode?.data.append(finished) }
                    datum = nil
                case "node":
                    if let node = currentNode { nodeData.append(node) }
                    currentNode = nil
                case "edge":
                    if let edge = currentEdge { edges.append(edge) }
                    currentEdge = nil
                default: break
                }
            }
        }
        try build()
        return graph.build()
    }

    /// Sets the nodes' data and creates the edges, now that every node and key is known.
    mutating func build() throws(QueryError) {
        let nodeDefaults = keys.filter { $0.value.defaultText != nil && ["node", "all"].contains($0.value.domain) }
        for (n, data) in nodeData {
            for datum in withDefaults(data, nodeDefaults) {
                guard let key = keys[datum.key] else { continue }
                if key.name == "labels" {
                    for label in LabelList.labels(datum.text) { graph.addLabel(label, to: n) }
                } else if let v = try typed(datum, key) {
                    graph.setProperty(key.name, v, ofNode: n)
                }
            }
        }
        let edgeDefaults = keys.filter { $0.value.defaultText != nil && ["edge", "all"].contains($0.value.domain) }
        for edge in edges {
            guard let from = nodes[edge.source], let to = nodes[edge.target] else {
                throw xml.error("an edge joins the node \(nodes[edge.source] == nil ? edge.source : edge.target), which the file never defines",
                                at: edge.offset)
            }
            let data = withDefaults(edge.data, edgeDefaults)
            let type = data.first { keys[$0.key]?.name == "label" }?.text ?? "RELATED"
            let r = graph.addRelationship(type: type, from: from, to: to)
            for datum in data where keys[datum.key]?.name != "label" {
                guard let key = keys[datum.key], let v = try typed(datum, key) else { continue }
                graph.setProperty(key.name, v, ofRelationship: r)
            }
        }
    }

    /// `data` and, for each key with a default that `data` lacks, the default (placed at the key).
    func withDefaults(_ data: [Datum], _ defaults: [String: Key]) -> [Datum] {
        guard !defaults.isEmpty else { return data }
        let present = Set(data.map(\.key))
        return data + defaults.filter { !present.contains($0.key) }.sorted { $0.key < $1.key }
            .map { Datum(key: $0.key, text: $0.value.defaultText ?? "", offset: $0.value.offset) }
    }

    mutating func typed(_ datum: Datum, _ key: Key) throws(QueryError) -> Value? {
        let raw = datum.text
        if key.cypher {
            do { return try LiteralReader.value(raw) } catch {
                throw xml.error("'\(raw)' is not a Cypher literal: \(error.message)", at: datum.offset)
            }
        }
        switch key.type {
        case "boolean":
            switch raw.trimmingCharacters(in: .whitespaces).lowercased() {
            case "true", "1": return .bool(true)
            case "false", "0": return .bool(false)
            default: throw xml.error("'\(raw)' for the boolean key \(key.name) is not true or false", at: datum.offset)
            }
        case "int", "long":
            guard let i = Int64(raw.trimmingCharacters(in: .whitespaces)) else {
                throw xml.error("'\(raw)' for the \(key.type) key \(key.name) is not an integer", at: datum.offset)
            }
            return .int(i)
        case "float", "double":
            guard let d = Double(raw.trimmingCharacters(in: .whitespaces)) else {
                throw xml.error("'\(raw)' for the \(key.type) key \(key.name) is not a number", at: datum.offset)
            }
            return .float(d)
        default: return .string(raw)
        }
    }
}
