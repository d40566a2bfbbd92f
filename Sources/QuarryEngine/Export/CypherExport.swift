/// A Cypher script that rebuilds the subgraph: nodes in batches, each with a temporary label and
/// id (indexed), then relationships by type from UNWIND lists, then the temporary marks removed.
public enum CypherExport {
    static let mark = "`_QuarryExport`"
    static let markID = "`_qid`"
    static let batch = 500

    public static func write(_ sub: Subgraph, of graph: Graph) -> String {
        var out = "// Quarry export: \(sub.nodes.count) nodes, \(sub.relationships.count) relationships.\n"
        out += "CREATE INDEX quarry_export_ids FOR (n:\(mark)) ON (n.\(markID));\n"
        for start in stride(from: 0, to: sub.nodes.count, by: batch) {
            let chunk = sub.nodes[start..<min(start + batch, sub.nodes.count)]
            out += "CREATE " + chunk.map { n in
                let labels = ([mark] + graph.labelNames(n).map(quoteName)).map { ":" + $0 }.joined()
                let props = [(markID, "\(n)")] + graph.namedProperties(ofNode: n).map { (quoteName($0.0), literal($0.1)) }
                return "(" + labels + " {" + props.map { "\($0.0): \($0.1)" }.joined(separator: ", ") + "})"
            }.joined(separator: ",\n  ") + ";\n"
        }
        var byType: [Int32: [RelID]] = [:]
        for r in sub.relationships { byType[graph.type(of: r), default: []].append(r) }
        for (type, rels) in byType.sorted(by: { $0.key < $1.key }) {
            for start in stride(from: 0, to: rels.count, by: batch) {
                let rows = rels[start..<min(start + batch, rels.count)].map { r in
                    let props = graph.namedProperties(ofRelationship: r).map { "\(quoteName($0.0)): \(literal($0.1))" }.joined(separator: ", ")
                    return "{s: \(graph.startNode(of: r)), e: \(graph.endNode(of: r)), p: {\(props)}}"
                }
                out += "UNWIND [" + rows.joined(separator: ",\n  ") + "] AS r\n"
                out += "MATCH (a:\(mark) {\(markID): r.s}), (b:\(mark) {\(markID): r.e})\n"
                out += "CREATE (a)-[x:\(quoteName(graph.types.name(type)))]->(b) SET x = r.p;\n"
            }
        }
        out += "MATCH (n:\(mark)) REMOVE n:\(mark), n.\(markID);\n"
        out += "DROP INDEX quarry_export_ids;\n"
        return out
    }

    /// A value as a literal the parser reads back to the same value.
    static func literal(_ v: Value) -> String {
        switch v {
        case .float(let d) where d.isNaN: return "(0.0 / 0.0)"
        case .float(let d) where d.isInfinite: return d < 0 ? "(-1.0 / 0.0)" : "(1.0 / 0.0)"
        case .list(let l): return "[" + l.map(literal).joined(separator: ", ") + "]"
        default: return v.literalText
        }
    }
}
