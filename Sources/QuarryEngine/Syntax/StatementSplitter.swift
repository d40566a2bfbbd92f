/// Splits a script into statements at `;` tokens, so a `;` inside a string or a comment does
/// not end a statement. A last statement without `;` counts too.
package enum StatementSplitter {
    package struct Piece: Sendable {
        package let text: String
        /// UTF-8 offset of the statement in the script, for error positions.
        package let offset: Int
    }

    package static func split(_ script: String) throws(QueryError) -> [Piece] {
        let tokens = try Lexer.tokenize(script)
        let bytes = Array(script.utf8)
        var pieces: [Piece] = []
        var start: Int?
        var end = 0
        for t in tokens {
            if t.kind == .end || t.isSymbol(";") {
                if let s = start {
                    pieces.append(Piece(text: String(decoding: bytes[s..<end], as: UTF8.self), offset: s))
                }
                start = nil
                continue
            }
            if start == nil { start = t.range.start }
            end = t.range.end
        }
        return pieces
    }

    /// True when the text holds nothing but whitespace and comments.
    package static func isBlank(_ text: String) -> Bool {
        guard let tokens = try? Lexer.tokenize(text) else { return false }
        return tokens.count == 1
    }
}
