/// Long text broken into lines for a terminal, never cut.
enum TextWrapping {
    /// `text` broken at spaces into lines of at most `width` characters: the first starts with
    /// `first`, the others with `indent` spaces. A word longer than a line is broken inside.
    static func wrap(_ text: String, width: Int, first: String, indent: Int) -> [String] {
        var lines: [String] = []
        var line = first
        var lineHasWord = false
        for word in text.split(separator: " ", omittingEmptySubsequences: false) {
            if lineHasWord && line.count + 1 + word.count > width {
                lines.append(line)
                line = String(repeating: " ", count: indent)
                lineHasWord = false
            }
            var rest = Substring(word)
            // On a line of its own a word that still does not fit goes on in pieces.
            while !lineHasWord && line.count + rest.count > width && width - line.count >= 8 {
                let piece = rest.prefix(width - line.count)
                lines.append(line + piece)
                line = String(repeating: " ", count: indent)
                rest = rest.dropFirst(piece.count)
            }
            line += (lineHasWord ? " " : "") + rest
            lineHasWord = true
        }
        lines.append(line)
        return lines
    }
}

extension String {
    func padded(to width: Int) -> String { count >= width ? self : self + String(repeating: " ", count: width - count) }
}
