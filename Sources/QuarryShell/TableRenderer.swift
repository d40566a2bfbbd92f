/// A table with Unicode box drawing: numbers right-aligned, null dimmed, and on a terminal, cells
/// cut with `…` so the table fits its width (with a note saying so).
struct TableRenderer {
    let columns: [String]
    let rows: [[String]]
    let numeric: [Bool]
    let style: TerminalStyle?

    /// Each column's width: its widest cell or its name.
    var naturalWidths: [Int] {
        var widths = columns.map(\.count)
        for row in rows { for (i, c) in row.enumerated() { widths[i] = max(widths[i], c.count) } }
        return widths
    }

    /// Whether cells would be cut to fit the terminal.
    var needsCutting: Bool {
        var widths = naturalWidths
        return fit(&widths)
    }

    func render() -> String {
        guard !columns.isEmpty else { return "" }
        var widths = naturalWidths
        let cut = fit(&widths)
        func line(_ l: String, _ m: String, _ r: String) -> String {
            l + widths.map { String(repeating: "─", count: $0 + 2) }.joined(separator: m) + r + "\n"
        }
        func cells(_ values: [String], header: Bool) -> String {
            "│" + values.enumerated().map { i, v in
                let text = v.count > widths[i] ? String(v.prefix(widths[i] - 1)) + "…" : v
                let pad = String(repeating: " ", count: widths[i] - text.count)
                var shown = text
                if let style {
                    if header { shown = style.bold(text) } else if v == "null" { shown = style.dim(text) }
                }
                let right = !header && i < numeric.count && numeric[i]
                return " " + (right ? pad + shown : shown + pad) + " "
            }.joined(separator: "│") + "│\n"
        }
        var out = line("┌", "┬", "┐") + cells(columns, header: true) + line("├", "┼", "┤")
        for row in rows { out += cells(row, header: false) }
        out += line("└", "┴", "┘")
        if cut { out += "(some values were cut to fit the terminal: :format csv or json shows them whole)\n" }
        return out
    }

    /// Narrows the widest columns until the table fits the terminal; true if any was narrowed.
    func fit(_ widths: inout [Int]) -> Bool {
        guard let style else { return false }
        let frame = 3 * widths.count + 1
        var cut = false
        while widths.reduce(frame, +) > style.width {
            guard let widest = widths.indices.max(by: { widths[$0] < widths[$1] }), widths[widest] > 8 else { break }
            widths[widest] -= 1
            cut = true
        }
        return cut
    }
}
