import Foundation

/// A folder of CSV files in the neo4j-admin import layout that `AdminImport` (and neo4j-admin)
/// read back: one node file per set of labels, one relationship file per type, typed columns.
public enum CSVExport {
    public static func write(_ sub: Subgraph, of graph: Graph, to folder: String) throws(QueryError) {
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw .file("cannot be created", path: folder)
        }
        var groups: [[String]: [NodeID]] = [:]
        for n in sub.nodes { groups[graph.labelNames(n), default: []].append(n) }
        for (i, (labels, nodes)) in groups.sorted(by: { $0.key.joined(separator: ":") < $1.key.joined(separator: ":") }).enumerated() {
            let rows = nodes.map { n in (["\(n)", labels.joined(separator: ";")], graph.namedProperties(ofNode: n)) }
            let name = labels.isEmpty ? "nodes_\(i)" : "nodes_\(i)_" + labels.joined(separator: "_")
            try writeFile(folder + "/" + sanitized(name) + ".csv", fixed: [":ID", ":LABEL"], rows: rows)
        }
        var byType: [Int32: [RelID]] = [:]
        for r in sub.relationships { byType[graph.type(of: r), default: []].append(r) }
        for (type, rels) in byType {
            let rows = rels.map { r in (["\(graph.startNode(of: r))", "\(graph.endNode(of: r))"], graph.namedProperties(ofRelationship: r)) }
            let typeName = graph.types.name(type)
            try writeFile(folder + "/rels_" + sanitized(typeName) + ".csv", fixed: [":START_ID", ":END_ID", ":TYPE"],
                          rows: rows.map { ($0.0 + [typeName], $0.1) })
        }
    }

    static func sanitized(_ s: String) -> String {
        String(s.map { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" ? $0 : "_" })
    }

    /// Writes a header with one typed column per property key, then the rows.
    static func writeFile(_ path: String, fixed: [String], rows: [([String], [(String, Value)])]) throws(QueryError) {
        var types: [String: String] = [:]
        for (_, props) in rows {
            for (k, v) in props {
                let t = columnType(v)
                types[k] = types[k].map { $0 == t ? t : "string" } ?? t
            }
        }
        let keys = types.keys.sorted()
        var out = (fixed + keys.map { "\($0):\(types[$0]!)" }).map(field).joined(separator: ",") + "\n"
        for (fixedValues, props) in rows {
            let byName = Dictionary(props, uniquingKeysWith: { a, _ in a })
            let cells = fixedValues.map(field) + keys.map { k in byName[k].map { cell($0) } ?? "" }
            out += cells.joined(separator: ",") + "\n"
        }
        try AtomicFile.write(path, text: out)
    }

    static func columnType(_ v: Value) -> String {
        switch v {
        case .int: return "long"
        case .float: return "double"
        case .bool: return "boolean"
        case .date: return "date"
        case .list(let l): return (l.first.map(columnType) ?? "string") + "[]"
        default: return "string"
        }
    }

    static func cell(_ v: Value) -> String {
        switch v {
        case .list(let l): return field(l.map(\.plainText).joined(separator: ";"))
        default: return field(v.plainText)
        }
    }

    /// Quoted when needed; the empty string is `""` so that it stays apart from a missing value.
    static func field(_ s: String) -> String {
        s.isEmpty || s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")
            ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
    }
}
