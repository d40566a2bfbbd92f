import Foundation
import QuarryEngine
import Testing

/// Runs every `Cases/**/*.test` file. Cases listed in `Cases/known-failures.txt` (`file:line`)
/// are reported as known issues until they are fixed.
struct CaseTests {
    static let root = Bundle.module.resourceURL!.appendingPathComponent("Cases")

    static var files: [String] {
        let enumerator = FileManager.default.enumerator(atPath: root.path)
        var out: [String] = []
        while let f = enumerator?.nextObject() as? String {
            if f.hasSuffix(".test") { out.append(f) }
        }
        return out.sorted()
    }

    static let knownFailures: Set<String> = {
        let text = (try? String(contentsOf: root.appendingPathComponent("known-failures.txt"), encoding: .utf8)) ?? ""
        return Set(text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty && !$0.hasPrefix("#") })
    }()

    static var packageRoot: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
    }

    static var datasetsRoot: String { packageRoot + "/datasets" }

    @Test("case file", arguments: files)
    func run(file: String) throws {
        let source = try String(contentsOf: Self.root.appendingPathComponent(file), encoding: .utf8)
        let db = Database(baseDirectory: Self.root.path)
        for c in try CaseFile.parse(source) {
            let id = "\(file):\(c.line)"
            if case .requirePath(let path) = c.kind {
                let full = Self.packageRoot + "/" + path
                if !FileManager.default.fileExists(atPath: full) {
                    print("\(id): skipping the rest of \(file): \(full) is absent")
                    return
                }
                continue
            }
            let problem = check(c, db)
            if problem == nil, Self.knownFailures.contains(id) {
                Issue.record("\(id) passes now: remove it from known-failures.txt")
            }
            if let problem {
                if Self.knownFailures.contains(id) {
                    withKnownIssue { Issue.record("\(id): \(problem)") }
                } else {
                    Issue.record("\(id): \(problem)")
                }
            }
        }
        try GraphFileTests.expectRoundTrip(db.graph, "\(file): the final graph")
    }

    /// The mismatch, or nil when the case passes.
    func check(_ c: TestCase, _ db: Database) -> String? {
        switch c.kind {
        case .requirePath:
            return nil
        case .load(let name):
            do {
                try db.replaceGraph(try Database.datasetGraph(folder: Self.datasetsRoot + "/" + name, confined: false))
                return nil
            } catch let failure as ScriptFailure {
                return "loading \(name) failed: \(failure)"
            } catch {
                return "loading \(name) failed: \(error)"
            }
        case .statementOK:
            do {
                _ = try db.execute(c.text)
                return nil
            } catch {
                return "unexpected error: \(error)"
            }
        case .statementError(let expected):
            do {
                _ = try db.execute(c.text)
                return "expected an error containing '\(expected)', got none"
            } catch {
                return error.description.contains(expected) ? nil : "expected an error containing '\(expected)', got: \(error)"
            }
        case .plan(let expected):
            do {
                let lines = try db.execute("EXPLAIN " + c.text).rows.compactMap { row -> String? in
                    guard case .string(let line)? = row.first else { return nil }
                    return line.trimmingCharacters(in: .whitespaces)
                }
                return Self.unmet(expected, lines)
            } catch {
                return "unexpected error: \(error)"
            }
        case .query(let sorted, let columns, let expected):
            do {
                let result = try db.execute(c.text)
                let r = ValueRenderer(elements: result.elements)
                var actual = result.rows.map { $0.map(r.cypher).joined(separator: " | ") }
                var wanted = expected
                if sorted {
                    actual.sort()
                    wanted.sort()
                }
                if let columns, columns != result.columns {
                    return "columns \(result.columns), expected \(columns)"
                }
                if actual != wanted {
                    return "rows differ\n  expected:\n    " + wanted.joined(separator: "\n    ") + "\n  actual:\n    " + actual.joined(separator: "\n    ")
                }
                return nil
            } catch {
                return "unexpected error: \(error)"
            }
        }
    }
}

extension CaseTests {
    /// The first expectation the EXPLAIN lines do not meet, with the plan; nil when all are met.
    static func unmet(_ expected: [PlanExpectation], _ lines: [String]) -> String? {
        let applied: [String] = lines.first.flatMap { first -> [String]? in
            guard let open = first.range(of: "(rules: "), let close = first.range(of: "):", options: .backwards) else { return nil }
            return first[open.upperBound..<close.lowerBound].components(separatedBy: ", ")
        } ?? []
        var position = 0
        let plan = "\n    " + lines.joined(separator: "\n    ")
        for e in expected {
            switch e {
            case .rules(let names):
                if let missing = names.first(where: { !applied.contains($0) }) { return "rule \(missing) did not fire:" + plan }
            case .noRules(let names):
                if let fired = names.first(where: { applied.contains($0) }) { return "rule \(fired) fired:" + plan }
            case .has(let pattern):
                guard let found = lines[position...].firstIndex(where: { PlanExpectation.matches($0, pattern) }) else {
                    return "no line \(position == 0 ? "" : "below line \(position) ")matches '\(pattern)':" + plan
                }
                position = found + 1
            case .lacks(let pattern):
                if lines.contains(where: { PlanExpectation.matches($0, pattern) }) { return "a line matches '\(pattern)':" + plan }
            }
        }
        return nil
    }
}

/// The case-file reader itself: a misspelt directive stops the file instead of dropping a case.
struct CaseFileTests {
    @Test func aMisspeltDirectiveIsAnError() {
        #expect(throws: CaseFile.Malformed.self) { try CaseFile.parse("statment ok\nRETURN 1\n") }
        #expect(throws: CaseFile.Malformed.self) { try CaseFile.parse("queryrowsort\nRETURN 1\n----\n1\n") }
        #expect((try? CaseFile.parse("# note\nstatement ok\nRETURN 1\n\nquery nosort\nRETURN 1\n----\n1\n"))?.count == 2)
        #expect(throws: CaseFile.Malformed.self) { try CaseFile.parse("plan\nRETURN 1\n----\nhas Projection\n") }
    }

    @Test func planExpectations() {
        let lines = ["Logical plan (rules: plan-patterns, top-k):", "Project n", "NodeScan :A", "Physical plan:", "Projection n",
                     "NodeByLabelScan :A"]
        #expect(CaseTests.unmet([.rules(["top-k"]), .noRules(["column-filters"]), .has("Projection *"), .has("NodeByLabelScan :A"),
                                 .lacks("Filter*")], lines) == nil)
        #expect(CaseTests.unmet([.rules(["column-filters"])], lines) != nil)
        #expect(CaseTests.unmet([.noRules(["top-k"])], lines) != nil)
        #expect(CaseTests.unmet([.has("NodeByLabelScan *"), .has("Projection *")], lines) != nil, "has: lines match in order")
        #expect(CaseTests.unmet([.lacks("*Scan*")], lines) != nil)
        #expect(PlanExpectation.matches("Expand (a)-[:R]->(b)", "Expand *->(b)"))
        #expect(!PlanExpectation.matches("Expand (a)-[:R]->(b)", "Expand *->(c)"))
    }
}
