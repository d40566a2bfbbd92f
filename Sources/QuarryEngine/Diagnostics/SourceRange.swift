/// A span of the query text, in UTF-8 byte offsets.
public struct SourceRange: Sendable, Hashable {
    public var start: Int
    public var end: Int

    public init(_ start: Int, _ end: Int) {
        self.start = start
        self.end = max(start, end)
    }

    public func union(_ other: SourceRange) -> SourceRange {
        SourceRange(min(start, other.start), max(end, other.end))
    }
}

/// Line and column (1-based, columns counted in characters) of an offset in a text.
public struct SourceLocation: Sendable, Equatable {
    public let line: Int
    public let column: Int
    public let lineText: String

    public init(offset: Int, in text: String) {
        let bytes = Array(text.utf8)
        let clamped = min(max(0, offset), bytes.count)
        var lineStart = 0
        var line = 1
        for i in 0..<clamped where bytes[i] == 10 {
            line += 1
            lineStart = i + 1
        }
        var lineEnd = lineStart
        while lineEnd < bytes.count, bytes[lineEnd] != 10 { lineEnd += 1 }
        self.line = line
        let prefix = String(decoding: bytes[lineStart..<clamped], as: UTF8.self)
        self.column = prefix.count + 1
        var lineText = String(decoding: bytes[lineStart..<lineEnd], as: UTF8.self)
        if lineText.hasSuffix("\r") { lineText.removeLast() }
        self.lineText = lineText
    }
}
