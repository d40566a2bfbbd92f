import Foundation
import QuarryEngine
import Testing

/// Malformed queries never crash: every query text we have (the openCypher TCK when `../shared`
/// is present, the `.test` cases, the grammar examples) plus seeded mutations of them either
/// returns rows or throws a `QueryError` that points into the text (run-time errors may not).
/// A crash (a Swift trap) kills the test process: that is the failure this suite looks for.
struct MalformedQueryTests {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static let tckFeatures = packageRoot.appendingPathComponent("../shared/tck/features").standardized

    /// Error classes raised while a query runs; these need not carry a source range.
    static let runTimeClasses: Set<ErrorClass> = [
        .typeError, .argumentError, .arithmeticError, .entityNotFound, .constraintVerificationFailed,
        .parameterMissing, .semanticError, .importError,
    ]

    static let maxQueryLength = 2_000
    static let timeout = 2.0

    /// A tiny graph (8 nodes) so that any pattern, however mangled, finishes quickly.
    static let seedGraph = """
        CREATE (ann:Person:Actor {name: 'Ann', age: 30, tags: ['x', 'y']}), (bob:Person {name: 'Bob', age: 25}),
               (kabul:City {name: 'Kabul', since: date('2021-08-15')}), (blast:Event {name: 'blast', num: 1.5}),
               (a:A {name: 'a', num: 1}), (b:B {num: 2}), (c:A:B {name: 'c'}), (),
               (ann)-[:KNOWS {since: 2010}]->(bob), (bob)-[:KNOWS]->(ann), (ann)-[:KNOWS]->(ann),
               (ann)-[:LIVES_IN]->(kabul), (blast)-[:IN]->(kabul), (ann)-[:SAW {weight: 0.5}]->(blast),
               (a)-[:T {num: 1}]->(b), (b)-[:T]->(c), (c)-[:R]->(a)
        """

    enum Outcome: Hashable { case rows, locatedError, runTimeError, timedOut, errorWithoutRange }

    @Test func mutatedQueriesReturnRowsOrLocatedErrors() throws {
        var seeds = try Self.caseQueries() + Self.grammarExamples()
        if let tck = Self.tckQueries() {
            seeds += tck
        } else {
            print("MalformedQueryTests: \(Self.tckFeatures.path) is absent; using the .test cases and grammar examples only")
        }
        seeds = seeds.filter { !$0.isEmpty }
        #expect(seeds.count >= 500)

        let db = Database(baseDirectory: FileManager.default.temporaryDirectory.path)
        _ = try db.execute("CREATE INDEX FOR (n:Person) ON (n.name)")
        _ = try db.execute(Self.seedGraph)
        let graph = db.graph
        let keywords = try Self.keywords()
        var rng = SplitMix64(seed: UInt64(ProcessInfo.processInfo.environment["FUZZ_SEED"] ?? "") ?? 0x5155_4152_5259)
        let mutantsPerSeed = Int(ProcessInfo.processInfo.environment["FUZZ_N"] ?? "") ?? max(2, 12_000 / seeds.count + 1)

        var outcomes: [Outcome: Int] = [:]
        var slow: [String] = []
        for seed in seeds {
            var queries = [seed]
            for _ in 0..<mutantsPerSeed {
                var mutator = Mutator(text: seed, donor: seeds.randomElement(using: &rng)!, keywords: keywords)
                for _ in 0..<Int.random(in: 1...(Int(ProcessInfo.processInfo.environment["FUZZ_M"] ?? "") ?? 3), using: &rng) { mutator.mutate(using: &rng) }
                queries.append(String(mutator.characters.prefix(Self.maxQueryLength)))
            }
            for query in queries {
                db.replaceGraph(graph)
                let outcome = Self.run(query, on: db)
                outcomes[outcome, default: 0] += 1
                if outcome == .timedOut { slow.append(query) }
            }
        }
        let total = outcomes.values.reduce(0, +)
        print("MalformedQueryTests: \(total) queries from \(seeds.count) seeds: \(outcomes)")
        for query in slow { print("MalformedQueryTests: cancelled after \(Self.timeout) s: \(query)") }
        #expect(total >= 10_000)
    }

    /// Runs one query with a timeout and checks that an error says where it happened.
    static func run(_ query: String, on db: Database) -> Outcome {
        let flag = CancellationFlag()
        let timer = DispatchWorkItem { flag.cancel() }
        DispatchQueue.global().asyncAfter(deadline: .now() + timeout, execute: timer)
        defer { timer.cancel() }
        do {
            _ = try db.execute(query, cancellation: flag)
            return .rows
        } catch {
            if error.errorClass == .cancelled { return .timedOut }
            if let range = error.range {
                #expect(range.start >= 0 && range.end <= query.utf8.count, "\(error) points outside: \(query)")
                _ = error.rendered(in: query, file: "fuzz")
                return .locatedError
            }
            if runTimeClasses.contains(error.errorClass) { return .runTimeError }
            Issue.record("\(error) has no source range: \(query)")
            return .errorWithoutRange
        }
    }

    // MARK: Nesting

    enum Nesting: String, CaseIterable {
        case parentheses, lists, not, additionChain, caseExpressions, maps

        func query(depth n: Int) -> String {
            switch self {
            case .parentheses: "RETURN " + String(repeating: "(", count: n) + "1" + String(repeating: ")", count: n)
            case .lists: "RETURN " + String(repeating: "[", count: n) + "1" + String(repeating: "]", count: n)
            case .not: "RETURN " + String(repeating: "NOT ", count: n) + "true"
            case .additionChain: "RETURN " + Array(repeating: "1", count: n).joined(separator: "+")
            case .caseExpressions:
                "RETURN " + String(repeating: "CASE WHEN true THEN ", count: n) + "1" + String(repeating: " END", count: n)
            case .maps: "RETURN " + String(repeating: "{a: ", count: n) + "1" + String(repeating: "}", count: n)
            }
        }
    }

    /// 10,000 levels must be refused; depths just under the parser's limit must also come back
    /// (rows or an error) on a test thread's ordinary stack.
    @Test(arguments: Nesting.allCases, [10_000, 1_500, 390, 190])
    func deepNestingThrowsOrSucceeds(_ shape: Nesting, depth: Int) {
        let query = shape.query(depth: depth)
        do {
            _ = try Database().execute(query)
            #expect(depth < 10_000, "\(shape) nested \(depth) deep was accepted")
        } catch {
            #expect(error.errorClass == .syntaxError && error.range != nil, "\(error)")
        }
    }

    // MARK: Query sources

    /// Every query of the TCK's feature files, with a Scenario Outline's placeholders filled in
    /// from each row of its Examples; nil when `../shared/tck` is absent.
    static func tckQueries() -> [String]? {
        guard let files = FileManager.default.enumerator(atPath: tckFeatures.path) else { return nil }
        var out: [String] = []
        for case let file as String in files where file.hasSuffix(".feature") {
            guard let text = try? String(contentsOf: tckFeatures.appendingPathComponent(file), encoding: .utf8) else { continue }
            out += GherkinQueries.extract(text)
        }
        return out.isEmpty ? nil : out
    }

    static func caseQueries() throws -> [String] {
        try CaseTests.files.flatMap { file in
            CaseFile.parse(try String(contentsOf: CaseTests.root.appendingPathComponent(file), encoding: .utf8)).map(\.text)
        }
    }

    static func grammarExamples() throws -> [String] {
        try StatementSplitter.split(String(contentsOfFile: GrammarExamplesTests.examplesPath, encoding: .utf8)).map(\.text)
    }

    static func keywords() throws -> [String] {
        let text = try String(contentsOf: packageRoot.appendingPathComponent("grammar/keywords.txt"), encoding: .utf8)
        return text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty && !$0.hasPrefix("#") }
    }
}

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

/// SplitMix64: a small seeded generator, so the mutated queries are the same on every run.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
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

    /// Token boundaries: runs of name characters, runs of spaces, or single other characters.
    static func tokens(_ chars: [Character]) -> [Range<Int>] {
        var out: [Range<Int>] = []
        var i = 0
        while i < chars.count {
            let start = i
            let kind = { (c: Character) in c.isLetter || c.isNumber || c == "_" ? 0 : c.isWhitespace ? 1 : 2 }
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
