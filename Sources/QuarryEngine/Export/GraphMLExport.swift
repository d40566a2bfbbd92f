/// GraphML (for Gephi and yEd): labels and relationship types as attributes, one `<key>` per
/// property with its GraphML type; lists and dates are written as text.
public enum GraphMLExport {
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
        for k in nodeKeys.keys.sorted() {
            out += "  <key id=\"\(nodeIDs[k]!)\" for=\"node\" attr.name=\"\(escape(k))\" attr.type=\"\(nodeKeys[k]!)\"/>\n"
        }
        for k in edgeKeys.keys.sorted() {
            out += "  <key id=\"\(edgeIDs[k]!)\" for=\"edge\" attr.name=\"\(escape(k))\" attr.type=\"\(edgeKeys[k]!)\"/>\n"
        }
        out += "  <graph id=\"G\" edgedefault=\"directed\">\n"
        for n in sub.nodes {
            out += "    <node id=\"n\(n)\">\n"
            out += "      <data key=\"labels\">\(escape(graph.labelNames(n).map { ":" + $0 }.joined()))</data>\n"
            for (k, v) in graph.namedProperties(ofNode: n) { out += "      <data key=\"\(nodeIDs[k]!)\">\(escape(v.plainText))</data>\n" }
            out += "    </node>\n"
        }
        for r in sub.relationships {
            out += "    <edge id=\"e\(r)\" source=\"n\(graph.startNode(of: r))\" target=\"n\(graph.endNode(of: r))\">\n"
            out += "      <data key=\"type\">\(escape(graph.types.name(graph.type(of: r))))</data>\n"
            for (k, v) in graph.namedProperties(ofRelationship: r) { out += "      <data key=\"\(edgeIDs[k]!)\">\(escape(v.plainText))</data>\n" }
            out += "    </edge>\n"
        }
        return out + "  </graph>\n</graphml>\n"
    }

    static func merge(_ keys: inout [String: String], _ k: String, _ t: String) {
        keys[k] = keys[k].map { $0 == t ? t : ($0 == "long" && t == "double" || $0 == "double" && t == "long" ? "double" : "string") } ?? t
    }

    static func type(_ v: Value) -> String {
        switch v {
        case .bool: return "boolean"
        case .int: return "long"
        case .float: return "double"
        default: return "string"
        }
    }

    static func escape(_ s: String) -> String {
        var out = ""
        for c in s.unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default:
                // XML 1.0 cannot hold most control characters, even escaped.
                if c.value < 0x20 && c != "\n" && c != "\t" && c != "\r" { out += "\u{FFFD}" } else { out.unicodeScalars.append(c) }
            }
        }
        return out
    }
}
