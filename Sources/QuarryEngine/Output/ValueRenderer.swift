/// Values with graph access: Cypher notation (`(:Actor {name: 'ISIS-K'})`) and the JSON encoding of
/// the machine interface (`{"@node": {...}}`).
public struct ValueRenderer {
    public let graph: Graph

    public init(graph: Graph) { self.graph = graph }

    public func cypher(_ v: Value) -> String {
        switch v {
        case .list(let l): return "[" + l.map(cypher).joined(separator: ", ") + "]"
        case .map(let m): return "{" + m.keys.sorted().map { "\(quoteName($0)): \(cypher(m[$0]!))" }.joined(separator: ", ") + "}"
        case .node(let n): return node(n)
        case .relationship(let r): return relationship(r)
        case .path(let p):
            var s = "<" + node(p.nodes[0])
            for (i, r) in p.relationships.enumerated() {
                let forward = graph.startNode(of: r) == p.nodes[i]
                s += forward ? "-\(relationship(r))->" : "<-\(relationship(r))-"
                s += node(p.nodes[i + 1])
            }
            return s + ">"
        default: return v.literalText
        }
    }

    func properties(_ pairs: [(String, Value)]) -> String {
        pairs.isEmpty ? "" : " {" + pairs.sorted { $0.0 < $1.0 }.map { "\(quoteName($0.0)): \(cypher($0.1))" }.joined(separator: ", ") + "}"
    }

    public func node(_ n: NodeID) -> String {
        let labels = graph.labels(of: n).map { ":" + quoteName(graph.labels.name($0)) }.joined()
        let props = properties(graph.nodePropertyKeys(n).map { (graph.keys.name($0), graph.nodeProperty(n, $0)) })
        return "(" + labels + props + ")"
    }

    public func relationship(_ r: RelID) -> String {
        let props = properties(graph.relationshipPropertyKeys(r).map { (graph.keys.name($0), graph.relationshipProperty(r, $0)) })
        return "[:" + quoteName(graph.types.name(graph.type(of: r))) + props + "]"
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
        case .list(let l): return "[" + l.map(json).joined(separator: ",") + "]"
        case .map(let m): return "{" + m.keys.sorted().map { ValueRenderer.jsonString($0) + ":" + json(m[$0]!) }.joined(separator: ",") + "}"
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

    func propertiesJSON(_ pairs: [(String, Value)]) -> String {
        "{" + pairs.sorted { $0.0 < $1.0 }.map { ValueRenderer.jsonString($0.0) + ":" + json($0.1) }.joined(separator: ",") + "}"
    }

    func nodeJSON(_ n: NodeID) -> String {
        let labels = graph.labels(of: n).map { ValueRenderer.jsonString(graph.labels.name($0)) }.joined(separator: ",")
        let props = propertiesJSON(graph.nodePropertyKeys(n).map { (graph.keys.name($0), graph.nodeProperty(n, $0)) })
        return "{\"id\":\(n),\"labels\":[\(labels)],\"properties\":\(props)}"
    }

    func relationshipJSON(_ r: RelID) -> String {
        let props = propertiesJSON(graph.relationshipPropertyKeys(r).map { (graph.keys.name($0), graph.relationshipProperty(r, $0)) })
        return "{\"id\":\(r),\"type\":\(ValueRenderer.jsonString(graph.types.name(graph.type(of: r)))),\"start\":\(graph.startNode(of: r)),\"end\":\(graph.endNode(of: r)),\"properties\":\(props)}"
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
