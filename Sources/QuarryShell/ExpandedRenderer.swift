/// Results one record at a time, a line per column (psql's `\x`): for rows too wide for a table.
/// On a terminal long values are wrapped to its width, never cut.
struct ExpandedRenderer {
    let columns: [String]
    let rows: [[String]]
    let style: TerminalStyle?

    func render() -> String {
        let keyWidth = columns.map(\.count).max() ?? 0
        let width = style?.width ?? Int.max
        var out = ""
        for (i, row) in rows.enumerated() {
            let head = "─[ \(i + 1) ]"
            out += head + String(repeating: "─", count: max(3, min(width, keyWidth + 40) - head.count)) + "\n"
            for (column, value) in zip(columns, row) {
                let name = column.padded(to: keyWidth)
                let first = (style.map { $0.bold(name) } ?? name) + " │ "
                let lines = style == nil ? [first + value]
                    : TextWrapping.wrap(value, width: width + first.count - keyWidth - 3, first: first, indent: keyWidth + 3)
                for (k, line) in lines.enumerated() {
                    out += (k == 0 ? line : String(repeating: " ", count: keyWidth) + " │ " + line.dropFirst(keyWidth + 3)) + "\n"
                }
            }
        }
        return out
    }
}

/// When results are shown one record at a time.
public enum ExpandedMode: String, Sendable, CaseIterable {
    case on, off
    /// When a table would not fit the terminal.
    case auto
}
