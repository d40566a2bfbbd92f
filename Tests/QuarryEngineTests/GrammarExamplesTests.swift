import Foundation
@testable import QuarryEngine
import Testing

/// Every example in `grammar/examples.cypher` parses: the grammar and the parser agree.
struct GrammarExamplesTests {
    static let examplesPath = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("grammar/examples.cypher").path

    @Test func everyExampleParses() throws {
        let text = try String(contentsOfFile: Self.examplesPath, encoding: .utf8)
        let pieces = try StatementSplitter.split(text)
        #expect(pieces.count >= 80)
        for piece in pieces {
            do {
                _ = try Parser.parse(piece.text)
            } catch {
                Issue.record("grammar/examples.cypher: \(error.rendered(in: text, file: "examples.cypher", baseOffset: piece.offset))")
            }
        }
    }

    /// The parser reserves exactly the words `grammar/keywords.txt` lists as reserved, and the
    /// file's header names exactly its non-reserved group.
    @Test func reservedWordsAgreeWithTheGrammar() throws {
        let text = try String(contentsOfFile: (Self.examplesPath as NSString).deletingLastPathComponent + "/keywords.txt", encoding: .utf8)
        var reserved: [String] = [], nonReserved: [String] = []
        var group: Int?
        for line in text.split(separator: "\n").map(String.init) {
            if line.hasPrefix("# Reserved") { group = 0; continue }
            if line.hasPrefix("# Non-reserved") { group = 1; continue }
            if line.hasPrefix("#") || line.isEmpty { continue }
            if group == 0 { reserved.append(line) } else if group == 1 { nonReserved.append(line) }
        }
        #expect(Set(reserved) == Parser.reserved, "only in the grammar: \(Set(reserved).subtracting(Parser.reserved).sorted()); only in the parser: \(Parser.reserved.subtracting(reserved).sorted())")
        #expect(text.contains("the second group: " + nonReserved.joined(separator: " ") + ")"))
        for word in nonReserved { #expect((try? Parser.parse("UNWIND [1] AS \(word.lowercased()) RETURN \(word.lowercased())")) != nil, "\(word) is not reserved") }
        for word in reserved { #expect((try? Parser.parse("UNWIND [1] AS \(word.lowercased()) RETURN 1")) == nil, "\(word) is reserved") }
    }
}
