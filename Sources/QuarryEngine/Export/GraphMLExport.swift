/// GraphML (for Gephi, yEd and `GraphMLImport`): labels and relationship types as attributes, one
/// `<key>` per property with its GraphML type. A key whose values GraphML cannot type (lists,
/// dates, or a mix of types) is a string key marked `<desc>cypher</desc>`, its values written as
/// Cypher literals, so that nothing is lost on the way back.
public enum GraphMLExport {
    static let cypherMark = "cypher"

    public static func write(_ sub: Subgraph, of graph: Graph) -> String {
        var nodeKeys: [String: String] = [:]
        var edgeKeys: [String: String] = [:]
        for n in sub.nodes { for (k, v) in graph.namedProperties(ofNode: n) { merge(&nodeKeys, k, type(v)) } }
        for r in sub.relationships { for (k, v) in graph.namedProperties(ofRelationship: r) { merge(&edgeKeys, k, type(v)) } }
        var out = """
        <?xml version="1.0" encoding="UTF-8"?>
        <graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">
          <key id="labels" for="node" attr.name="labels" attr.type="string"/>
          <key id="type" for="edge" attr.name="label" attr.type="string"/>

        """
        let nodeIDs = Dictionary(uniqueKeysWithValues: nodeKeys.keys.sorted().enumerated().map { ($1, "n_\($0)") })
        let edgeIDs = Dictionary(uniqueKeysWithValues: edgeKeys.keys.sorted().enumerated().map { ($1, "e_\($0)") })
        for (keys, ids, kind) in [(nodeKeys, nodeIDs, "node"), (edgeKeys, edgeIDs, "edge")] {
            for k in keys.keys.sorted() {
                let t = keys[k]!
                let attrType = t == cypherMark ? "string" : t
                let desc = t == cypherMark ? "<desc>\(cypherMark)</desc>" : ""
                out += "  <key id=\"\(ids[k]!)\" for=\"\(kind)\" attr.name=\"\(escape(k))\" attr.type=\"\(attrType)\">\(desc)</key>\n"
            }
        }
        out += "  <graph id=\"G\" edgedefault=\"directed\">\n"
        for n in sub.nodes {
            out += "    <node id=\"n\(n)\">\n"
            out += "      <data key=\"labels\">\(escape(LabelList.text(graph.labelNames(n))))</data>\n"
            for (k, v) in graph.namedProperties(ofNode: n) { out += "      <data key=\"\(nodeIDs[k]!)\">\(escape(text(v, nodeKeys[k]!)))</data>\n" }
            out += "    </node>\n"
        }
        for r in sub.relationships {
            out += "    <edge id=\"e\(r)\" source=\"n\(graph.startNode(of: r))\" target=\"n\(graph.endNode(of: r))\">\n"
            out += "      <data key=\"type\">\(escape(graph.types.name(graph.type(of: r))))</data>\n"
            for (k, v) in graph.namedProperties(ofRelationship: r) { out += "      <data key=\"\(edgeIDs[k]!)\">\(escape(text(v, edgeKeys[k]!)))</data>\n" }
            out += "    </edge>\n"
        }
        return out + "  </graph>\n</graphml>\n"
    }

    static func merge(_ keys: inout [String: String], _ k: String, _ t: String) {
        keys[k] = keys[k].map { $0 == t ? t : cypherMark } ?? t
    }

    static func type(_ v: Value) -> String {
        switch v {
        case .bool: return "boolean"
        case .int: return "long"
        case .float(let d) where d.isFinite: return "double"
        case .string: return "string"
        default: return cypherMark
        }
    }

    static func text(_ v: Value, _ keyType: String) -> String {
        keyType == cypherMark ? CypherExport.literal(v) : v.plainText
    }

    static func escape(_ s: String) -> String {
        var out = ""
        for c in s.unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "\r": out += "&#13;"
            default:
                // XML 1.0 cannot hold most control characters, even escaped.
                if c.value < 0x20 && c != "\n" && c != "\t" { out += "\u{FFFD}" } else { out.unicodeScalars.append(c) }
            }
        }
        return out
    }
}
