/// Follows a statement as its lines arrive, looking at each byte once: whether anything but
/// whitespace and comments has come, and whether it ends in `;` outside strings and comments.
/// The script reader and the shell use it to decide when a statement is complete without lexing
/// it again on every line (which made long statements cost the square of their length). It
/// follows the lexer's rules for strings, backquoted names and comments.
package struct StatementScanner: Sendable {
    enum State: Sendable, Equatable { case code, lineComment, blockComment, string(UInt8), escaped(UInt8), backquoted }

    private var state = State.code
    /// A `/` in code, not yet known to start a comment.
    private var slash = false
    /// A `*` inside a block comment, which may end it.
    private var star = false
    package private(set) var hasContent = false
    private var lastIsSemicolon = false

    package init() {}

    /// True when the text so far ends a statement: its last token is `;`.
    package var isComplete: Bool { lastIsSemicolon && !slash && (state == .code || state == .lineComment) }

    /// True when only whitespace and (closed) comments have come.
    package var isBlank: Bool { !hasContent && !slash && (state == .code || state == .lineComment) }

    package mutating func feed(_ bytes: some Sequence<UInt8>) {
        for b in bytes { feed(b) }
    }

    package mutating func feed(_ b: UInt8) {
        switch state {
        case .code:
            if slash {
                slash = false
                if b == 47 { state = .lineComment; return }
                if b == 42 { state = .blockComment; return }
                content(47)
            }
            switch b {
            case 32, 9, 10, 13, 12, 11: return
            case 47: slash = true
            case 39, 34: content(b); state = .string(b)
            case 96: content(b); state = .backquoted
            default: content(b)
            }
        case .lineComment:
            if b == 10 { state = .code }
        case .blockComment:
            if star && b == 47 { state = .code }
            star = b == 42
        case .string(let quote):
            if b == 92 { state = .escaped(quote) } else if b == quote { state = .code }
        case .escaped(let quote):
            state = .string(quote)
        case .backquoted:
            if b == 96 { state = .code }
        }
    }

    private mutating func content(_ b: UInt8) {
        hasContent = true
        lastIsSemicolon = b == 59
    }
}
