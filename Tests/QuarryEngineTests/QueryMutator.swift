import Foundation
import QuarryTestSupport

/// The query blocks of a Gherkin feature file (`When executing query:`, `And having executed:`).
enum GherkinQueries {
    static let steps: Set<String> = ["When executing query:", "And having executed:", "When executing control query:"]

    static func extract(_ text: String) -> [String] {
        let lines = text.components(separatedBy: "\n")
        var out: [String] = []
        var scenario: [String] = []
        var inExamples = false
        var header: [String] = []
        var rows: [[(String, String)]] = []
        func finishScenario() {
            out += rows.isEmpty ? scenario : rows.flatMap { row in
                scenario.map { query in row.reduce(query) { $0.replacingOccurrences(of: "<\($1.0)>", with: $1.1) } }
            }
            (scenario, inExamples, rows) = ([], false, [])
        }
        var i = 0
        while i < lines.count {
            let line = lines[i].trimmingCharacters(in: .whitespaces)
            i += 1
            if line.hasPrefix("Scenario") {
                finishScenario()
            } else if steps.contains(line), i < lines.count, lines[i].trimmingCharacters(in: .whitespaces) == "\"\"\"" {
                var block: [String] = []
                i += 1
                while i < lines.count, lines[i].trimmingCharacters(in: .whitespaces) != "\"\"\"" {
                    block.append(lines[i].trimmingCharacters(in: .whitespaces))
                    i += 1
                }
                i += 1
                scenario.append(block.joined(separator: "\n"))
            } else if line.hasPrefix("Examples") {
                inExamples = true
                header = []
            } else if inExamples, line.hasPrefix("|") {
                let cells = line.split(separator: "|", omittingEmptySubsequences: false).dropFirst().dropLast()
                    .map { $0.trimmingCharacters(in: .whitespaces) }
                if header.isEmpty { header = cells } else { rows.append(Array(zip(header, cells))) }
            }
        }
        finishScenario()
        return out
    }
}

/// Damages a query: token-level deletions, duplications, swaps and splices, stray punctuation,
/// truncation, keywords or other names where names were, and edge-case literals.
struct Mutator {
    static let punctuation = Array("()[]{},.:;|-<>*=$'\"`")
    static let literals = ["null", "-9223372036854775808", "9223372036854775807", "1e309", "0x", "1.", "''", "'\\u12'",
                           "[]", "{}", "$p", "0.0/0.0", "-0.0", "[1, [2, null]]", "{a: {b: []}}", "n.x", "*", "..", "*0..", "``"]

    var characters: [Character]
    let donor: [Character]
    let keywords: [String]

    init(text: String, donor: String, keywords: [String]) {
        characters = Array(text)
        self.donor = Array(donor)
        self.keywords = keywords
    }

    /// 0 for name characters, 1 for white space, 2 for anything else.
    static func kind(_ c: Character) -> Int { c.isLetter || c.isNumber || c == "_" ? 0 : c.isWhitespace ? 1 : 2 }

    /// Token boundaries: runs of name characters, runs of spaces, or single other characters.
    static func tokens(_ chars: [Character]) -> [Range<Int>] {
        var out: [Range<Int>] = []
        var i = 0
        while i < chars.count {
            let start = i
            let k = kind(chars[i])
            i += 1
            while k != 2, i < chars.count, kind(chars[i]) == k { i += 1 }
            out.append(start..<i)
        }
        return out
    }

    /// A span of one to three tokens of `chars`.
    static func span(_ chars: [Character], using rng: inout SplitMix64) -> Range<Int> {
        let t = tokens(chars)
        guard !t.isEmpty else { return 0..<0 }
        let first = Int.random(in: 0..<t.count, using: &rng)
        let last = min(t.count - 1, first + Int.random(in: 0...2, using: &rng))
        return t[first].lowerBound..<t[last].upperBound
    }

    mutating func mutate(using rng: inout SplitMix64) {
        guard !characters.isEmpty else { return }
        let position = Int.random(in: 0...characters.count, using: &rng)
        switch Int.random(in: 0..<10, using: &rng) {
        case 0: characters.removeSubrange(Self.span(characters, using: &rng))
        case 1:
            let s = Self.span(characters, using: &rng)
            characters.insert(contentsOf: characters[s], at: s.upperBound)
        case 2:
            let t = Self.tokens(characters)
            let a = t.randomElement(using: &rng)!, b = t.randomElement(using: &rng)!
            guard a.upperBound <= b.lowerBound else { return }
            characters = Array(characters[..<a.lowerBound] + characters[b] + characters[a.upperBound..<b.lowerBound]
                               + characters[a] + characters[b.upperBound...])
        case 3: characters.insert(Self.punctuation.randomElement(using: &rng)!, at: position)
        case 4: characters.removeSubrange(position...)
        case 5:
            let names = Self.tokens(characters).filter { characters[$0.lowerBound].isLetter }
            guard let name = names.randomElement(using: &rng) else { return }
            characters.replaceSubrange(name, with: keywords.randomElement(using: &rng)!)
        case 6:
            let s = Self.span(characters, using: &rng)
            characters.replaceSubrange(s, with: Self.literals.randomElement(using: &rng)!)
        case 7: characters.insert(contentsOf: donor[Self.span(donor, using: &rng)], at: position)
        case 8:
            let names = Self.tokens(characters).filter { characters[$0.lowerBound].isLetter }
            let others = Self.tokens(donor).filter { donor[$0.lowerBound].isLetter }.map { donor[$0] }
                + names.map { characters[$0] }
            guard let name = names.randomElement(using: &rng), let other = others.randomElement(using: &rng) else { return }
            characters.replaceSubrange(name, with: other)
        default: characters.remove(at: min(position, characters.count - 1))
        }
    }
}
