import Foundation
import Testing

/// How results look on a terminal: colour (never with NO_COLOR), cells cut to the width of the
/// terminal with a note, and at most 1,000 rows by default.
@Suite(.serialized)
struct PtyOutputTests {
    let sandbox = Sandbox()

    func session(colour: Bool = false) throws -> PseudoTerminal {
        let terminal = try PseudoTerminal(sandbox, ["--empty"], colour: colour)
        try terminal.expect("quarry> ")
        return terminal
    }

    /// The raw bytes the terminal received, escape sequences included.
    func raw(_ terminal: PseudoTerminal) -> String { String(decoding: terminal.received, as: UTF8.self) }

    @Test func colourOnlyWithoutNoColor() throws {
        let coloured = try session(colour: true)
        coloured.send("RETURN null AS nothing;\r")
        try coloured.expect("1 row")
        #expect(raw(coloured).contains("\u{1B}[1mnothing\u{1B}[0m"), "the header is bold")
        #expect(raw(coloured).contains("\u{1B}[2mnull\u{1B}[0m"), "null is dimmed")

        let plain = try session()
        plain.send("RETURN null AS nothing;\r")
        try plain.expect("1 row")
        #expect(!raw(plain).contains("\u{1B}[1mnothing"))
        #expect(!raw(plain).contains("\u{1B}[2mnull"))
    }

    @Test func wideCellsAreCutToTheTerminalWithANote() throws {
        let terminal = try session()
        terminal.send(":expanded off\r")
        try terminal.expect("quarry> ")
        let long = String(repeating: "x", count: 300)
        terminal.send("RETURN '\(long)' AS long, 1 AS n;\r")
        try terminal.expect("…")
        try terminal.expect("(some values were cut to fit the terminal: :format csv or json shows them whole)")
        let tableLines = raw(terminal).split(whereSeparator: { $0 == "\n" || $0 == "\r\n" }).filter { $0.contains("│") || $0.contains("┌") }
        #expect(!tableLines.isEmpty)
        #expect(tableLines.allSatisfy { PseudoTerminalText.visibleWidth($0) <= 120 }, "\(tableLines.map { PseudoTerminalText.visibleWidth($0) })")
    }

    /// By default a table too wide for the terminal is shown a record at a time, long values
    /// wrapped to the width, nothing cut.
    @Test func tooWideForATableShowsRecordsWrapped() throws {
        let terminal = try session()
        let words = (1...60).map { "word\($0)" }.joined(separator: " ")
        terminal.send("RETURN '\(words)' AS long, 1 AS n;\r")
        try terminal.expect("─[ 1 ]")
        let record = try terminal.expect("1 row")
        #expect(record.contains("word60'") && !record.contains("…"))
        let lines = record.split(whereSeparator: { $0 == "\n" || $0 == "\r\n" })
        #expect(lines.allSatisfy { PseudoTerminalText.visibleWidth($0) <= 120 }, "\(lines.map { PseudoTerminalText.visibleWidth($0) })")
        #expect(lines.contains { $0.hasPrefix("n    │ 1") })
    }

    @Test func atMostAThousandRowsByDefault() throws {
        let terminal = try session()
        terminal.send("UNWIND range(1, 1500) AS i RETURN i;\r")
        try terminal.expect("│ 1000 │")
        try terminal.expect("… 500 more rows not shown (:max-rows N to change, :format csv for all)")
        try terminal.expect("1500 rows")
    }
}

/// Width of a line as shown: escape sequences take no room, every other character one column.
enum PseudoTerminalText {
    static func visibleWidth(_ line: Substring) -> Int {
        var width = 0
        var inEscape = false
        for scalar in line.unicodeScalars {
            if inEscape {
                if scalar.properties.isAlphabetic || scalar == "~" { inEscape = false }
            } else if scalar == "\u{1B}" {
                inEscape = true
            } else if scalar != "\r" {
                width += 1
            }
        }
        return width
    }
}
