import Foundation

import QuarryEngine

/// The output formats of the shell and the machine interface.
public enum OutputFormat: String, CaseIterable, Sendable {
    case table, csv, tsv, json, jsonl, markdown
}

/// How a terminal shows results: its width, and whether colour is wanted (never with NO_COLOR).
public struct TerminalStyle: Sendable {
    public var width: Int
    public var colors: Bool

    public init(width: Int, colors: Bool) {
        self.width = width
        self.colors = colors
    }

    /// The style for standard output, or nil when it is not a terminal.
    public static func detect() -> TerminalStyle? {
        guard isatty(1) != 0 else { return nil }
        var size = winsize()
        let width = ioctl(1, UInt(TIOCGWINSZ), &size) == 0 && size.ws_col > 0 ? Int(size.ws_col) : 100
        return TerminalStyle(width: width, colors: ProcessInfo.processInfo.environment["NO_COLOR"] == nil)
    }

    func paint(_ s: String, _ code: String) -> String { colors ? "\u{1B}[\(code)m\(s)\u{1B}[0m" : s }
    func red(_ s: String) -> String { paint(s, "31") }
    func dim(_ s: String) -> String { paint(s, "2") }
    func bold(_ s: String) -> String { paint(s, "1") }
}

/// Writes statement results in one format.
public struct ResultWriter {
    public var format: OutputFormat
    /// Tables show at most this many rows, then a note of how many were left out.
    public var maxRows: Int?
    public var terminal: TerminalStyle?

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
            let shown = result.rows.prefix(maxRows ?? Int.max)
            var out = "| " + result.columns.joined(separator: " | ") + " |\n|" + result.columns.map { _ in "---|" }.joined() + "\n"
            for row in shown { out += "| " + row.map { plain($0, r).replacingOccurrences(of: "|", with: "\\|") }.joined(separator: " | ") + " |\n" }
            return out + omitted(result.rows.count - shown.count)
        case .table:
            let shown = result.rows.prefix(maxRows ?? Int.max)
            let table = TableRenderer(columns: result.columns, rows: shown.map { $0.map { r.cypher($0) } },
                                      numeric: shown.first.map { $0.map(\.isNumeric) } ?? [], style: terminal)
            return table.render() + omitted(result.rows.count - shown.count)
        }
    }

    func omitted(_ n: Int) -> String {
        n > 0 ? "… \(n) more row\(n == 1 ? "" : "s") not shown (:max-rows N to change, :format csv for all)\n" : ""
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
