/// Splits a script into statements and meta-commands. A line starting with `:` where no
/// statement is pending is a meta-command; everything else gathers into statements ending in `;`
/// (as the lexer sees them, so a `;` in a string or comment does not end one). The last statement
/// may lack its `;`. Lines end at LF; a CR before it (a CRLF file) is not part of a meta-command.
/// Each byte is looked at a fixed number of times, so reading is linear in the script's length.
package struct ScriptReader {
    package enum Item: Sendable {
        case statement(text: String, offset: Int)
        case meta(line: String, offset: Int)
    }

    package static func items(_ script: String) throws(QueryError) -> [Item] {
        var items: [Item] = []
        var pendingStart: Int?
        var scanner = StatementScanner()
        let bytes = Array(script.utf8)
        func flush(upTo end: Int) throws(QueryError) {
            guard let start = pendingStart else { return }
            let text = String(decoding: bytes[start..<end], as: UTF8.self)
            for piece in try StatementSplitter.split(text) {
                items.append(.statement(text: piece.text, offset: start + piece.offset))
            }
            pendingStart = nil
        }
        var offset = 0
        while offset <= bytes.count {
            let end = bytes[offset...].firstIndex(of: 10) ?? bytes.count
            if pendingStart != nil, scanner.isBlank { pendingStart = nil }
            var first = offset
            while first < end, bytes[first] == 32 || bytes[first] == 9 { first += 1 }
            if pendingStart == nil, first < end, bytes[first] == 58 {
                var last = end
                while last > first, [32, 9, 13].contains(bytes[last - 1]) { last -= 1 }
                items.append(.meta(line: String(decoding: bytes[first..<last], as: UTF8.self), offset: first))
            } else {
                if pendingStart == nil {
                    pendingStart = offset
                    scanner = StatementScanner()
                }
                scanner.feed(bytes[offset..<min(end + 1, bytes.count)])
                if scanner.isComplete { try flush(upTo: end) }
            }
            offset = end + 1
        }
        try flush(upTo: bytes.count)
        return items
    }
}
