import QuarryEngine

/// Splits a script into statements and meta-commands. A line starting with `:` where no
/// statement is pending is a meta-command; everything else gathers into statements ending in `;`
/// (as the lexer sees them, so a `;` in a string or comment does not end one). The last statement
/// may lack its `;`.
public struct ScriptReader {
    public enum Item: Sendable {
        case statement(text: String, offset: Int)
        case meta(line: String, offset: Int)
    }

    public static func items(_ script: String) throws(QueryError) -> [Item] {
        var items: [Item] = []
        var pendingStart: Int?
        var offset = 0
        let bytes = Array(script.utf8)
        func flush(upTo end: Int) throws(QueryError) {
            guard let start = pendingStart else { return }
            let text = String(decoding: bytes[start..<end], as: UTF8.self)
            for piece in try StatementSplitter.split(text) {
                items.append(.statement(text: piece.text, offset: start + piece.offset))
            }
            pendingStart = nil
        }
        for line in script.split(separator: "\n", omittingEmptySubsequences: false) {
            let lineLength = line.utf8.count
            let end = offset + lineLength
            if let start = pendingStart, StatementSplitter.isBlank(String(decoding: bytes[start..<offset], as: UTF8.self)) {
                pendingStart = nil
            }
            if pendingStart == nil, line.trimmingLeadingSpace.hasPrefix(":") {
                let indent = line.utf8.count - line.trimmingLeadingSpace.utf8.count
                items.append(.meta(line: String(line).trimmingWhitespace, offset: offset + indent))
            } else {
                if pendingStart == nil { pendingStart = offset }
                // Only a line with a `;` can complete a statement: checking others would make long
                // statements cost the square of their length.
                if line.contains(";"), StatementSplitter.isComplete(String(decoding: bytes[pendingStart!..<end], as: UTF8.self)) {
                    try flush(upTo: end)
                }
            }
            offset = end + 1
        }
        try flush(upTo: bytes.count)
        return items
    }
}

extension StringProtocol {
    var trimmingLeadingSpace: SubSequence { drop { $0 == " " || $0 == "\t" } }

    var trimmingWhitespace: String {
        String(drop { $0.isWhitespace }.reversed().drop { $0.isWhitespace }.reversed())
    }
}
