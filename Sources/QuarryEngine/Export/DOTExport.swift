/// Graphviz DOT: nodes named by their label and `name` (or first property), one fill colour per
/// label, edges labelled with their type. Labels, types and properties also travel as
/// `quarry_labels`, `quarry_type` and `quarry_properties` (a Cypher map), which Graphviz
/// ignores and `DOTImport` reads back.
public enum DOTExport {
    static let palette = ["#8dd3c7", "#ffffb3", "#bebada", "#fb8072", "#80b1d3", "#fdb462", "#b3de69", "#fccde5",
                          "#d9d9d9", "#bc80bd", "#ccebc5", "#ffed6f"]

    public static func write(_ sub: Subgraph, of graph: Graph) -> String {
        var out = "digraph quarry {\n  graph [rankdir=LR];\n  node [shape=box, style=\"rounded,filled\", fontname=\"Helvetica\"];\n"
        out += "  edge [fontname=\"Helvetica\", fontsize=10];\n"
        for n in sub.nodes {
            let labels = graph.labelNames(n)
            let props = graph.namedProperties(ofNode: n)
            let title = props.first { $0.0 == "name" }?.1 ?? props.first { $0.0 == "title" }?.1 ?? props.first?.1
            let caption = ([labels.joined(separator: ":")] + [title.map(\.plainText) ?? ""]).filter { !$0.isEmpty }.joined(separator: "\n")
            let colour = labels.first.flatMap { graph.labels.id($0) }.map { palette[Int($0) % palette.count] } ?? "#ffffff"
            out += "  n\(n) [label=\(quote(caption.isEmpty ? "n\(n)" : caption)), fillcolor=\"\(colour)\", "
                + "quarry_labels=\(quote(LabelList.text(labels))), quarry_properties=\(quote(literal(props)))];\n"
        }
        for r in sub.relationships {
            let type = graph.types.name(graph.type(of: r))
            out += "  n\(graph.startNode(of: r)) -> n\(graph.endNode(of: r)) [label=\(quote(type)), quarry_type=\(quote(type)), "
                + "quarry_properties=\(quote(literal(graph.namedProperties(ofRelationship: r))))];\n"
        }
        return out + "}\n"
    }

    static func literal(_ props: [(String, Value)]) -> String {
        "{" + props.map { "\(quoteName($0.0)): \(CypherExport.literal($0.1))" }.joined(separator: ", ") + "}"
    }

    static func quote(_ s: String) -> String {
        "\"" + s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            .replacingOccurrences(of: "\n", with: "\\n") + "\""
    }
}
