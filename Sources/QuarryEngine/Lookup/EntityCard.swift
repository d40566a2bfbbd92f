import Foundation

/// `:show`: everything about one node on one card — its labels and properties, its
/// relationships grouped by type and direction with the neighbours' names, the claims about it
/// with who made them and the verb they used, and the passages it is cited from.
public struct EntityCard: Sendable {
    public struct Neighbour: Sendable {
        public let node: NodeID
        public let labels: [String]
        public let name: String
        /// The relationship's own properties, but its citation (`source`, `para`).
        public let properties: [Property]
    }

    public struct Group: Sendable {
        public let type: String
        public let outgoing: Bool
        public var neighbours: [Neighbour]
    }

    /// `(claimant)-[:MADE]->(claim:Claim)-[:ABOUT|MENTIONS]->(this node)`.
    public struct Claim: Sendable {
        public let claim: NodeID
        public let claimants: [String]
        public let verb: String
        /// Its `summary` (else its name), and its `quote` when it has one.
        public let text: String
        public let quote: String?
        /// "about", or "mentions" with the role given (`as the stated target`).
        public let relation: String
    }

    public struct Property: Sendable {
        public let key: String
        public let value: Value
    }

    public let node: NodeID
    public let labels: [String]
    public let name: String
    public let properties: [Property]
    public let groups: [Group]
    public let claims: [Claim]
    /// Where the node and its relationships are cited: each source with its passages, sorted.
    public let citations: [(source: String, passages: [Int])]
}

/// What a name or id given to `:show` names.
public enum EntityReference: Sendable {
    case node(NodeID)
    /// Several nodes fit equally well, or none exactly: the candidates, best first.
    case candidates([FoundEntity])
}

extension Database {
    /// The node `text` names: a node id, a name that only one node has (case and accents
    /// aside), or else the nodes `find` suggests.
    public func resolveEntity(_ text: String) throws(QueryError) -> EntityReference {
        if let id = Int32(text.trimmingCharacters(in: .whitespaces)), id >= 0, Int(id) < graph.nodeIDLimit, graph.isAlive(node: id) { return .node(id) }
        let found = try find(text, limit: 8)
        let exact = found.filter { $0.match == .exact && $0.matchedKey != "" }
        if exact.count == 1 { return .node(exact[0].node) }
        if found.count == 1 { return .node(found[0].node) }
        return .candidates(exact.count > 1 ? exact : found)
    }

    public func card(for node: NodeID) -> EntityCard? {
        let g = graph
        guard Int(node) < g.nodeIDLimit, g.isAlive(node: node) else { return nil }
        let properties = g.nodePropertyKeys(node).map { EntityCard.Property(key: g.keys.name($0), value: g.nodeProperty(node, $0)) }
            .sorted { ($0.key == "name" ? 0 : 1, $0.key) < ($1.key == "name" ? 0 : 1, $1.key) }
        var groups: [String: EntityCard.Group] = [:]
        var claims: [EntityCard.Claim] = []
        var citations: [String: Set<Int>] = [:]
        func cite(_ source: Value, _ para: Value) {
            guard case .string(let s) = source else { return }
            if case .int(let p) = para { citations[s, default: []].insert(Int(p)) } else { citations[s, default: []] = citations[s] ?? [] }
        }
        func value(_ element: NodeID, _ key: String) -> Value { g.keys.id(key).map { g.nodeProperty(element, $0) } ?? .null }
        func relValue(_ r: RelID, _ key: String) -> Value { g.keys.id(key).map { g.relationshipProperty(r, $0) } ?? .null }
        cite(value(node, "source"), value(node, "para"))
        let claimLabel = g.labels.id("Claim"), madeType = g.types.id("MADE")
        for outgoing in [true, false] {
            var cursor = NeighborCursor(graph: g, node: node, direction: outgoing ? .outgoing : .incoming, types: nil)
            while let (entry, _) = cursor.next() {
                let r = entry.relationship, other = entry.other
                let type = g.types.name(g.type(of: r))
                cite(relValue(r, "source"), relValue(r, "para"))
                let neighbour = EntityCard.Neighbour(
                    node: other, labels: g.labels(of: other).map { g.labels.name($0) }, name: g.displayName(of: other),
                    properties: g.relationshipPropertyKeys(r).map { EntityCard.Property(key: g.keys.name($0), value: g.relationshipProperty(r, $0)) }
                        .filter { $0.key != "source" && $0.key != "para" })
                groups["\(outgoing ? ">" : "<")\(type)", default: EntityCard.Group(type: type, outgoing: outgoing, neighbours: [])].neighbours.append(neighbour)
                if !outgoing, type == "ABOUT" || type == "MENTIONS", let claimLabel, g.hasLabel(other, claimLabel) {
                    var claimants: [String] = []
                    if let madeType {
                        var makers = NeighborCursor(graph: g, node: other, direction: .incoming, types: [madeType])
                        while let (made, _) = makers.next() { claimants.append(g.displayName(of: made.other)) }
                    }
                    var relation = type == "ABOUT" ? "about" : "mentions"
                    if type == "MENTIONS", case .string(let role) = relValue(r, "role") { relation += " as \(role)" }
                    let summary: String
                    if case .string(let s) = value(other, "summary") { summary = s } else { summary = g.displayName(of: other) }
                    var quote: String?
                    if case .string(let q) = value(other, "quote") { quote = q }
                    var verb = ""
                    if case .string(let v) = value(other, "verb") { verb = v }
                    claims.append(EntityCard.Claim(claim: other, claimants: claimants, verb: verb, text: summary, quote: quote, relation: relation))
                }
            }
        }
        let orderedGroups = groups.values.sorted { ($0.outgoing ? 0 : 1, $0.type) < ($1.outgoing ? 0 : 1, $1.type) }
        return EntityCard(node: node, labels: g.labels(of: node).map { g.labels.name($0) }, name: g.displayName(of: node),
                          properties: properties, groups: orderedGroups, claims: claims,
                          citations: citations.keys.sorted().map { ($0, citations[$0]?.sorted() ?? []) })
    }
}
