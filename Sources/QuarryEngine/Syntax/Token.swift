/// A lexical token. Keywords are identifiers: the parser decides from context, so that keywords can
/// serve as names (`[:IN]`, `n.count`) wherever the grammar can tell.
struct Token: Sendable {
    enum Kind: Sendable, Equatable {
        case identifier          // also keywords
        case quotedIdentifier    // `backquoted`
        case integer
        case float
        case string
        case parameter           // $name or $0
        case symbol              // punctuation and operators
        case end
    }

    let kind: Kind
    /// Identifier or symbol text, the decoded value of a string, the digits of a number.
    let text: String
    let range: SourceRange

    /// True when this is the keyword `word` (case-insensitive), not a backquoted name.
    @inline(__always)
    func isKeyword(_ word: String) -> Bool {
        kind == .identifier && text.count == word.count && text.uppercased() == word
    }

    @inline(__always)
    func isSymbol(_ s: String) -> Bool { kind == .symbol && text == s }

    var isName: Bool { kind == .identifier || kind == .quotedIdentifier }
}
