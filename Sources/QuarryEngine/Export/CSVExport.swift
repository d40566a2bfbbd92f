import Glibc

/// A folder of CSV files in the neo4j-admin import layout that `AdminImport` (and neo4j-admin)
/// read back: node files per set of labels, relationship files per type, typed columns. Nodes
/// whose values for a key differ in type go to separate files, so every value keeps its type.
/// What the layout cannot hold (a label or list item with `;`, a list mixing types or holding
/// null) is refused, not bent. The folder is written aside and swapped in whole: a failed export
/// leaves the old one as it was, and no file of an earlier export is left behind.
public enum CSVExport {
    public static func write(_ sub: Subgraph, of graph: Graph, to folder: String, cancellation: CancellationFlag? = nil) throws(QueryError) {
        var files: [(name: String, text: String)] = []
        var groups: [[String]: [NodeID]] = [:]
        for n in sub.nodes { groups[graph.labelNames(n), default: []].append(n) }
        for (labels, nodes) in groups.sorted(by: { $0.key.joined(separator: ":") < $1.key.joined(separator: ":") }) {
            if let odd = labels.first(where: { $0.contains(";") }) {
                throw .file("the label '\(odd)' holds ';', which separates labels in CSV (export as jsonl, or :save a graph file)", path: folder)
            }
            let rows = try nodes.map { n throws(QueryError) in
                Row(fixed: ["\(n)", labels.joined(separator: ";")], properties: try typed(graph.namedProperties(ofNode: n), "node \(n)", folder))
            }
            for part in partitioned(rows) {
                let name = "nodes_\(files.count)" + (labels.isEmpty ? "" : "_" + labels.joined(separator: "_"))
                files.append((sanitized(name) + ".csv", table(fixed: [":ID", ":LABEL"], rows: part)))
            }
        }
        var byType: [Int32: [RelID]] = [:]
        for r in sub.relationships { byType[graph.type(of: r), default: []].append(r) }
        for (type, rels) in byType.sorted(by: { graph.types.name($0.key) < graph.types.name($1.key) }) {
            let typeName = graph.types.name(type)
            let rows = try rels.map { r throws(QueryError) in
                Row(fixed: ["\(graph.startNode(of: r))", "\(graph.endNode(of: r))", typeName],
                    properties: try typed(graph.namedProperties(ofRelationship: r), "relationship \(r)", folder))
            }
            for part in partitioned(rows) {
                files.append((sanitized("rels_\(files.count)_" + typeName) + ".csv", table(fixed: [":START_ID", ":END_ID", ":TYPE"], rows: part)))
            }
        }
        try AtomicFolder.write(folder, files: files, formerFiles: isExportFile, cancellation: cancellation)
    }

    /// The files an earlier export wrote, which a new one replaces.
    static func isExportFile(_ name: String) -> Bool {
        (name.hasPrefix("nodes_") || name.hasPrefix("rels_")) && name.hasSuffix(".csv")
    }

    struct Row {
        let fixed: [String]
        /// Key, column type (`long`, `string[]`, `[]` for an empty list) and cell text.
        let properties: [(key: String, type: String, cell: String)]
    }

    static func sanitized(_ s: String) -> String {
        String(s.map { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" ? $0 : "_" })
    }

    /// Splits rows so that within each part every key has one column type (an empty list fits
    /// any list type); rows go to the first part they fit.
    static func partitioned(_ rows: [Row]) -> [[Row]] {
        var parts: [(types: [String: String], rows: [Row])] = []
        for row in rows {
            let fits = { (types: [String: String]) in
                row.properties.allSatisfy { p in
                    guard let t = types[p.key] else { return true }
                    return t == p.type || p.type == "[]" && t.hasSuffix("[]") || t == "[]" && p.type.hasSuffix("[]")
                }
            }
            let index = parts.firstIndex { fits($0.types) } ?? {
                parts.append(([:], []))
                return parts.count - 1
            }()
            for p in row.properties where parts[index].types[p.key] == nil || parts[index].types[p.key] == "[]" {
                parts[index].types[p.key] = p.type
            }
            parts[index].rows.append(row)
        }
        return parts.map(\.rows)
    }

    /// A header with one typed column per key, then the rows.
    static func table(fixed: [String], rows: [Row]) -> String {
        var types: [String: String] = [:]
        for row in rows { for p in row.properties where types[p.key] == nil || types[p.key] == "[]" { types[p.key] = p.type } }
        let keys = types.keys.sorted()
        var out = (fixed + keys.map { "\($0):\(types[$0] == "[]" ? "string[]" : types[$0]!)" }).map(field).joined(separator: ",") + "\n"
        for row in rows {
            let cells = Dictionary(row.properties.map { ($0.key, $0.cell) }, uniquingKeysWith: { a, _ in a })
            out += (row.fixed.map(field) + keys.map { cells[$0] ?? "" }).joined(separator: ",") + "\n"
        }
        return out
    }

    /// Each property's column type and cell, or why the layout cannot hold it.
    static func typed(_ properties: [(String, Value)], _ owner: String, _ folder: String) throws(QueryError) -> [(key: String, type: String, cell: String)] {
        try properties.map { key, value throws(QueryError) in
            func refuse(_ why: String) -> QueryError {
                .file("\(key) of \(owner) is \(CypherExport.literal(value)): \(why) (export as jsonl, or :save a graph file)", path: folder)
            }
            guard case .list(let items) = value else { return (key, scalarType(value), field(value.plainText)) }
            guard let first = items.first else { return (key, "[]", "\"\"") }
            let type = scalarType(first)
            guard items.allSatisfy({ scalarType($0) == type && !$0.isNull }) else { throw refuse("CSV lists hold one type and no null") }
            let texts = items.map(\.plainText)
            guard !texts.contains(where: { $0.contains(";") }) else { throw refuse("an item holds ';', which separates list items in CSV") }
            guard texts != [""] else { throw refuse("a list of one empty string reads back as an empty list in CSV") }
            return (key, type + "[]", field(texts.joined(separator: ";")))
        }
    }

    static func scalarType(_ v: Value) -> String {
        switch v {
        case .int: return "long"
        case .float: return "double"
        case .bool: return "boolean"
        case .date: return "date"
        case .localTime: return "localtime"
        case .time: return "time"
        case .localDateTime: return "localdatetime"
        case .dateTime: return "datetime"
        case .duration: return "duration"
        case .point: return "point"
        default: return "string"
        }
    }

    /// Quoted when needed; the empty string is `""` so that it stays apart from a missing value.
    static func field(_ s: String) -> String {
        s.isEmpty || s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")
            ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
    }
}
