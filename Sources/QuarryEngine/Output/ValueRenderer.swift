/// Values in Cypher notation (`(:Actor {name: 'ISIS-K'})`) and in the JSON encoding of the
/// machine interface (`{"@node": {...}}`); nodes and relationships are drawn from the elements a
/// result carries.
public struct ValueRenderer {
    public let elements: ResultElements
    /// For reading in a table: a node with a name as its labels and name (`(:Actor 'ISIS-K')`),
    /// a path as the chain of such nodes and relationship types, without the angle brackets.
    public var compact = false

    public init(elements: ResultElements, compact: Bool = false) {
        self.elements = elements
        self.compact = compact
    }

    public func cypher(_ v: Value) -> String {
        switch v {
        case .list(let l): return "[" + l.map(cypher).joined(separator: ", ") + "]"
        case .map(let m): return "{" + m.sorted { $0.key < $1.key }.map { "\(quoteName($0.key)): \(cypher($0.value))" }.joined(separator: ", ") + "}"
        case .node(let n): return node(n)
        case .relationship(let r): return relationship(r)
        case .path(let p):
            var s = (compact ? "" : "<") + node(p.nodes[0])
            for (i, r) in p.relationships.enumerated() {
                let forward = elements.relationships[r]?.start == p.nodes[i]
                let step = compact ? "[:" + quoteName(elements.relationships[r]?.type ?? "") + "]" : relationship(r)
                s += forward ? "-\(step)->" : "<-\(step)-"
                s += node(p.nodes[i + 1])
            }
            return s + (compact ? "" : ">")
        default: return v.literalText
        }
    }

    func properties(_ pairs: [ResultElements.Property]) -> String {
        pairs.isEmpty ? "" : " {" + pairs.map { "\(quoteName($0.key)): \(cypher($0.value))" }.joined(separator: ", ") + "}"
    }

    public func node(_ n: NodeID) -> String {
        guard let node = elements.nodes[n] else { return "()" }
        let labels = node.labels.map { ":" + quoteName($0) }.joined()
        if compact, let name = node.properties.first(where: { $0.key == "name" }) ?? node.properties.first(where: { $0.key == "title" }) {
            return "(" + labels + (labels.isEmpty ? "" : " ") + cypher(name.value) + ")"
        }
        return "(" + labels + properties(node.properties) + ")"
    }

    public func relationship(_ r: RelID) -> String {
        guard let rel = elements.relationships[r] else { return "[]" }
        return "[:" + quoteName(rel.type) + properties(rel.properties) + "]"
    }

    // MARK: JSON

    public func json(_ v: Value) -> String {
        switch v {
        case .null: return "null"
        case .bool(let b): return b ? "true" : "false"
        case .int(let i): return String(i)
        case .float(let d):
            if d.isNaN { return "NaN" }
            if d.isInfinite { return d < 0 ? "-Infinity" : "Infinity" }
            let t = "\(d)"
            return t.contains(".") || t.contains("e") ? t : t + ".0"
        case .string(let s): return ValueRenderer.jsonString(s)
        case .date(let d): return ValueRenderer.jsonString(d.iso)
        case .duration(let d): return ValueRenderer.jsonString(d.iso)
        case .localTime(let t): return ValueRenderer.jsonString(t.iso)
        case .localDateTime(let t): return ValueRenderer.jsonString(t.iso)
        case .time(let t): return ValueRenderer.jsonString(t.iso)
        case .dateTime(let t): return ValueRenderer.jsonString(t.iso)
        case .point(let p): return ValueRenderer.jsonString(p.literal)
        case .list(let l): return "[" + l.map(json).joined(separator: ",") + "]"
        case .map(let m): return "{" + m.sorted { $0.key < $1.key }.map { ValueRenderer.jsonString($0.key) + ":" + json($0.value) }.joined(separator: ",") + "}"
        case .node(let n): return "{\"@node\":\(nodeJSON(n))}"
        case .relationship(let r): return "{\"@rel\":\(relationshipJSON(r))}"
        case .path(let p):
            var parts = [json(.node(p.nodes[0]))]
            for (i, r) in p.relationships.enumerated() {
                parts.append(json(.relationship(r)))
                parts.append(json(.node(p.nodes[i + 1])))
            }
            return "{\"@path\":[" + parts.joined(separator: ",") + "]}"
        }
    }

    func propertiesJSON(_ pairs: [ResultElements.Property]) -> String {
        "{" + pairs.map { ValueRenderer.jsonString($0.key) + ":" + json($0.value) }.joined(separator: ",") + "}"
    }

    func nodeJSON(_ n: NodeID) -> String {
        let node = elements.nodes[n]
        let labels = (node?.labels ?? []).map(ValueRenderer.jsonString).joined(separator: ",")
        return "{\"id\":\(n),\"labels\":[\(labels)],\"properties\":\(propertiesJSON(node?.properties ?? []))}"
    }

    func relationshipJSON(_ r: RelID) -> String {
        guard let rel = elements.relationships[r] else { return "{\"id\":\(r)}" }
        return "{\"id\":\(r),\"type\":\(ValueRenderer.jsonString(rel.type)),\"start\":\(rel.start),\"end\":\(rel.end),\"properties\":\(propertiesJSON(rel.properties))}"
    }

    public static func jsonString(_ s: String) -> String {
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if u.value < 0x20 {
                    let hex = String(u.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(u)
                }
            }
        }
        return out + "\""
    }
}
