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
}
