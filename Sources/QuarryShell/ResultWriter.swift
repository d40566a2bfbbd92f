import QuarryEngine

/// The output formats of the shell and the machine interface.
public enum OutputFormat: String, CaseIterable, Sendable {
    case table, csv, tsv, json, jsonl, markdown
}

/// Writes statement results in one format.
public struct ResultWriter {
    public var format: OutputFormat
    public var maxRows: Int?

    public init(format: OutputFormat, maxRows: Int? = nil) {
        self.format = format
        self.maxRows = maxRows
    }

    public func render(_ result: QueryResult) -> String {
        let r = ValueRenderer(graph: result.graph)
        switch format {
        case .jsonl:
            var out = ""
            for row in result.rows {
                out += "{" + zip(result.columns, row).map { ValueRenderer.jsonString($0) + ":" + r.json($1) }.joined(separator: ",") + "}\n"
            }
            out += "{\"@end\":{\"columns\":[" + result.columns.map(ValueRenderer.jsonString).joined(separator: ",") + "]}}\n"
            return out
        case .json:
            let objects = result.rows.map { row in
                "{" + zip(result.columns, row).map { ValueRenderer.jsonString($0) + ":" + r.json($1) }.joined(separator: ",") + "}"
            }
            return "[" + objects.joined(separator: ",\n ") + "]\n"
        case .csv, .tsv:
            let sep = format == .csv ? "," : "\t"
            func field(_ s: String) -> String {
                guard format == .csv else { return s.replacingOccurrences(of: "\t", with: " ").replacingOccurrences(of: "\n", with: " ") }
                return s.contains(",") || s.contains("\"") || s.contains("\n") ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
            }
            var out = result.columns.map(field).joined(separator: sep) + "\n"
            for row in result.rows { out += row.map { field(plain($0, r)) }.joined(separator: sep) + "\n" }
            return out
        case .markdown:
            var out = "| " + result.columns.joined(separator: " | ") + " |\n|" + result.columns.map { _ in "---|" }.joined() + "\n"
            for row in result.rows { out += "| " + row.map { plain($0, r).replacingOccurrences(of: "|", with: "\\|") }.joined(separator: " | ") + " |\n" }
            return out
        case .table:
            return TableRenderer(columns: result.columns, rows: result.rows.map { $0.map { r.cypher($0) } },
                                 numeric: result.rows.first.map { $0.map(\.isNumeric) } ?? []).render()
        }
    }

    /// Strings without quotes, everything else in Cypher notation.
    func plain(_ v: Value, _ r: ValueRenderer) -> String {
        switch v {
        case .string(let s): return s
        case .null: return ""
        case .date(let d): return d.iso
        default: return r.cypher(v)
        }
    }
}

extension Value {
    var isNumeric: Bool {
        switch self {
        case .int, .float: return true
        default: return false
        }
    }
}

/// A table with Unicode box drawing; numbers right-aligned.
struct TableRenderer {
    let columns: [String]
    let rows: [[String]]
    let numeric: [Bool]

    func render() -> String {
        guard !columns.isEmpty else { return "" }
        var widths = columns.map(\.count)
        for row in rows { for (i, c) in row.enumerated() { widths[i] = max(widths[i], c.count) } }
        func line(_ l: String, _ m: String, _ r: String) -> String {
            l + widths.map { String(repeating: "─", count: $0 + 2) }.joined(separator: m) + r + "\n"
        }
        func cells(_ values: [String], alignRight: [Bool]) -> String {
            "│" + values.enumerated().map { i, v in
                let pad = String(repeating: " ", count: widths[i] - v.count)
                return " " + (alignRight[i] ? pad + v : v + pad) + " "
            }.joined(separator: "│") + "│\n"
        }
        var out = line("┌", "┬", "┐") + cells(columns, alignRight: columns.map { _ in false }) + line("├", "┼", "┤")
        for row in rows { out += cells(row, alignRight: numeric.count == row.count ? numeric : row.map { _ in false }) }
        return out + line("└", "┴", "┘")
    }
}
