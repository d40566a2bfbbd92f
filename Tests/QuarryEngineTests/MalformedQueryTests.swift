import Foundation
@testable import QuarryEngine
import QuarryTestSupport
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
        var rng = SplitMix64(seed: 0x5155_4152_5259)
        let mutantsPerSeed = max(2, 12_000 / seeds.count + 1)

        var outcomes: [Outcome: Int] = [:]
        var slow: [String] = []
        for seed in seeds {
            var queries = [seed]
            for _ in 0..<mutantsPerSeed {
                var mutator = Mutator(text: seed, donor: seeds.randomElement(using: &rng)!, keywords: keywords)
                for _ in 0..<Int.random(in: 1...3, using: &rng) { mutator.mutate(using: &rng) }
                queries.append(String(mutator.characters.prefix(Self.maxQueryLength)))
            }
            for query in queries {
                try db.replaceGraph(graph)
                let outcome = Self.run(query, on: db)
                outcomes[outcome, default: 0] += 1
                if outcome == .timedOut { slow.append(query) }
            }
        }
        let total = outcomes.values.reduce(0, +)
        let counts = outcomes.sorted { $0.value > $1.value }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
        print("MalformedQueryTests: \(total) queries from \(seeds.count) seeds: \(counts)")
        for query in slow { print("MalformedQueryTests: cancelled after \(Self.timeout) s: \(query)") }
        #expect(total >= 10_000)
    }

    /// Longer fuzzing runs found these: SKIP and LIMIT values checked while the query runs must
    /// still point at the value.
    @Test(arguments: ["RETURN 1 SKIP []", "RETURN 1 LIMIT {}", "RETURN 1 SKIP 1 - 2"])
    func skipAndLimitErrorsPointIntoTheQuery(_ query: String) {
        #expect(Self.run(query, on: Database()) == .locatedError)
    }

    /// Edge values found by hand: Int64.max against the float 2^63, a huge substring length.
    @Test(arguments: ["RETURN 9223372036854775807 = 9223372036854775808.0, 9223372036854775807 < 9223372036854775808.0",
                      "RETURN substring('abc', 1, 9223372036854775807)",
                      "UNWIND [9223372036854775807, 9223372036854775808.0] AS x RETURN DISTINCT x ORDER BY x"])
    func extremeNumbersDoNotTrap(_ query: String) {
        #expect(Self.run(query, on: Database()) == .rows)
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

    /// Parsing works in proportion to the input: the query fuzzer's slow finding (unclosed `[`
    /// and `(` whose failed readings were retried: 15 s for 2.3 KB) and every nesting shape.
    @Test func parsingIsLinearInTheTokens() throws {
        let findings = CaseTests.packageRoot + "/Tests/Fuzz/findings/query/"
        let finding = String(decoding: try Data(contentsOf: URL(fileURLWithPath: findings + "timeout-97ce1036b1f4eaf229f0bd48c2bc0cfcf4d97692")), as: UTF8.self)
        for text in ["EXPLAIN " + finding] + Nesting.allCases.map({ $0.query(depth: 190) }) {
            // On a large stack, as the engine parses: deep nesting recurses.
            let (atoms, tokens) = try DeepStack.run { () throws(QueryError) in
                var parser = try Parser(text)
                _ = try? parser.parseStatement()
                return (parser.atomsParsed, parser.tokens.count)
            }
            #expect(atoms <= 4 * tokens, "\(atoms) atoms for \(tokens) tokens: \(text.prefix(60))")
        }
    }

    // MARK: Nesting

    enum Nesting: String, CaseIterable {
        case parentheses, lists, not, additionChain, caseExpressions, maps, parenthesizedMaps
        case comparisonChain, isNullChain, inChain, startsWithChain
        /// `[x IN [x IN [0], 0], 0]`: each level is first read as a comprehension, then as a list
        /// (once exponential: 30 levels took about an hour).
        case comprehensionsInLists

        func query(depth n: Int) -> String {
            func nest(_ open: String, _ close: String) -> String {
                "RETURN " + String(repeating: open, count: n) + "1" + String(repeating: close, count: n)
            }
            return switch self {
            case .parentheses: nest("(", ")")
            case .lists: nest("[", "]")
            case .not: "RETURN " + String(repeating: "NOT ", count: n) + "true"
            case .additionChain: "RETURN " + Array(repeating: "1", count: n).joined(separator: "+")
            case .caseExpressions: nest("CASE WHEN true THEN ", " END")
            case .maps: nest("{a: ", "}")
            case .parenthesizedMaps: nest("({a: ", "})")
            case .comparisonChain: "RETURN " + Array(repeating: "1", count: n).joined(separator: " < ")
            case .isNullChain: "RETURN null" + String(repeating: " IS NULL", count: n)
            case .inChain: "RETURN 1" + String(repeating: " IN [true]", count: n)
            case .startsWithChain: "RETURN 'a'" + String(repeating: " STARTS WITH 'a'", count: n)
            case .comprehensionsInLists:
                "WITH 1 AS x RETURN size(" + String(repeating: "[x IN ", count: n) + "[0]" + String(repeating: ", 0]", count: n) + ")"
            }
        }
    }

    static let nestingCases: [(Nesting, Int)] = Nesting.allCases.flatMap { shape in
        [100_000, 10_000, 1_500, 390, 190].map { (shape, $0) }
    }

    /// Deep nesting and long chains, far past the parser's limits and just under them, either
    /// come back or are refused with a located error; they never crash the engine.
    @Test(arguments: nestingCases)
    func deepNestingThrowsOrSucceeds(_ shape: Nesting, depth: Int) {
        do {
            _ = try Database().execute(shape.query(depth: depth))
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
            try CaseFile.parse(try String(contentsOf: CaseTests.root.appendingPathComponent(file), encoding: .utf8)).map(\.text)
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
