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
    /// Tables only: records one at a time (`:expanded`), and nodes by label and name (`:nodes`).
    public var expanded = ExpandedMode.off
    public var compactNodes = false

    public init(format: OutputFormat, maxRows: Int? = nil) {
        self.format = format
        self.maxRows = maxRows
    }

    public func render(_ result: QueryResult) -> String {
        var out = ""
        _ = write(result, to: { out += $0 })
        return out
    }

    /// Writes `result` through `emit` a piece at a time (at most 1024 rows), asking `cancelled`
    /// between pieces, so that Ctrl-C stops a long print; false when it did.
    public func write(_ result: QueryResult, to emit: (String) -> Void, cancelled: () -> Bool = { false }) -> Bool {
        let r = ValueRenderer(elements: result.elements)
        let piece = 1024
        /// Emits each row's line, a piece at a time; false when cancelled.
        func lines<Rows: Collection>(_ rows: Rows, separator: String = "", _ line: (Rows.Element) -> String) -> Bool {
            var buffer = ""
            for (i, row) in rows.enumerated() {
                if i > 0 { buffer += separator }
                buffer += line(row)
                if i % piece == piece - 1 {
                    emit(buffer)
                    buffer = ""
                    if cancelled() { return false }
                }
            }
            emit(buffer)
            return true
        }
        switch format {
        case .jsonl:
            let done = lines(result.rows) { row in
                "{" + zip(result.columns, row).map { ValueRenderer.jsonString($0) + ":" + r.json($1) }.joined(separator: ",") + "}\n"
            }
            guard done else { return false }
            emit("{\"@end\":{\"columns\":[" + result.columns.map(ValueRenderer.jsonString).joined(separator: ",") + "]}}\n")
        case .json:
            emit("[")
            let done = lines(result.rows, separator: ",\n ") { row in
                "{" + zip(result.columns, row).map { ValueRenderer.jsonString($0) + ":" + r.json($1) }.joined(separator: ",") + "}"
            }
            guard done else { return false }
            emit("]\n")
        case .csv, .tsv:
            let sep = format == .csv ? "," : "\t"
            func field(_ s: String) -> String {
                guard format == .csv else { return s.replacingOccurrences(of: "\t", with: " ").replacingOccurrences(of: "\n", with: " ") }
                return s.contains(",") || s.contains("\"") || s.contains("\n") ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
            }
            emit(result.columns.map(field).joined(separator: sep) + "\n")
            return lines(result.rows) { row in row.map { field(plain($0, r)) }.joined(separator: sep) + "\n" }
        case .markdown:
            let shown = result.rows.prefix(maxRows ?? Int.max)
            emit("| " + result.columns.joined(separator: " | ") + " |\n|" + result.columns.map { _ in "---|" }.joined() + "\n")
            let done = lines(shown) { row in "| " + row.map { plain($0, r).replacingOccurrences(of: "|", with: "\\|") }.joined(separator: " | ") + " |\n" }
            guard done else { return false }
            emit(omitted(result.rows.count - shown.count))
        case .table:
            let shown = result.rows.prefix(maxRows ?? Int.max)
            var cells: [[String]] = []
            cells.reserveCapacity(shown.count)
            var r = r
            r.compact = compactNodes
            for row in shown {
                cells.append(row.map { r.cypher($0) })
                if cells.count % piece == 0, cancelled() { return false }
            }
            let table = TableRenderer(columns: result.columns, rows: cells, numeric: shown.first.map { $0.map(\.isNumeric) } ?? [], style: terminal)
            let oneByOne = expanded == .on || expanded == .auto && table.needsCutting
            emit((oneByOne ? ExpandedRenderer(columns: result.columns, rows: cells, style: terminal).render() : table.render())
                 + omitted(result.rows.count - shown.count))
        }
        return true
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
        case .duration(let d): return d.iso
        case .localTime(let t): return t.iso
        case .localDateTime(let t): return t.iso
        case .time(let t): return t.iso
        case .dateTime(let t): return t.iso
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
