import Foundation

/// One block of a `.test` file (see docs/test-format.md).
struct TestCase {
    enum Kind {
        case statementOK
        case statementError(expected: String)
        case query(sorted: Bool, columns: [String]?, expected: [String])
        /// EXPLAIN of the statement must meet every expectation.
        case plan([PlanExpectation])
        case load(String)
        /// The rest of the file needs this path (relative to the package root); skipped without it.
        case requirePath(String)
    }

    let kind: Kind
    let text: String
    let line: Int
}

/// One line under a `plan` block's `----`.
enum PlanExpectation: Equatable {
    /// `rules: a, b`: these rules changed the plan.
    case rules([String])
    /// `no rules: a, b`: these did not.
    case noRules([String])
    /// `has: PATTERN`: a line of the plan matches (`*` is any run of characters); several
    /// `has:` lines match lines in that order, top to bottom.
    case has(String)
    /// `lacks: PATTERN`: no line matches.
    case lacks(String)

    init?(_ line: String) {
        func list(_ s: Substring) -> [String] { s.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } }
        if line.hasPrefix("rules:") { self = .rules(list(line.dropFirst(6))) }
        else if line.hasPrefix("no rules:") { self = .noRules(list(line.dropFirst(9))) }
        else if line.hasPrefix("has:") { self = .has(line.dropFirst(4).trimmingCharacters(in: .whitespaces)) }
        else if line.hasPrefix("lacks:") { self = .lacks(line.dropFirst(6).trimmingCharacters(in: .whitespaces)) }
        else { return nil }
    }

    /// True when `line` matches `pattern`, where `*` stands for any run of characters.
    static func matches(_ line: String, _ pattern: String) -> Bool {
        let pieces = pattern.components(separatedBy: "*")
        guard pieces.count > 1 else { return line == pattern }
        guard line.hasPrefix(pieces[0]) else { return false }
        var rest = line.dropFirst(pieces[0].count)
        for piece in pieces.dropFirst().dropLast() {
            guard let r = rest.range(of: piece) else { return false }
            rest = rest[r.upperBound...]
        }
        let last = pieces[pieces.count - 1]
        return rest.count >= last.count && rest.hasSuffix(last)
    }
}

/// Reads the sqllogictest-style case files; a line that is none of the directives (`statment ok`)
/// is an error, never a silently dropped case.
enum CaseFile {
    struct Malformed: Error, CustomStringConvertible {
        let line: Int
        let text: String
        var description: String { "line \(line): '\(text)' is not a directive (statement ok, statement error, query [rowsort|nosort], plan, load, require-path, # comment; under plan's ----: rules:, no rules:, has:, lacks:)" }
    }

    static func parse(_ source: String) throws(Malformed) -> [TestCase] {
        let lines = source.components(separatedBy: "\n").map { $0.hasSuffix("\r") ? String($0.dropLast()) : $0 }
        var cases: [TestCase] = []
        var i = 0
        func block() -> [String] {
            var out: [String] = []
            while i < lines.count, !lines[i].trimmingCharacters(in: .whitespaces).isEmpty, lines[i] != "----" {
                out.append(lines[i])
                i += 1
            }
            return out
        }
        while i < lines.count {
            let line = lines[i].trimmingCharacters(in: .whitespaces)
            let lineNumber = i + 1
            i += 1
            if line.isEmpty || line.hasPrefix("#") { continue }
            if line.hasPrefix("require-path ") {
                cases.append(TestCase(kind: .requirePath(String(line.dropFirst(13)).trimmingCharacters(in: .whitespaces)), text: "", line: lineNumber))
            } else if line.hasPrefix("load ") {
                cases.append(TestCase(kind: .load(String(line.dropFirst(5)).trimmingCharacters(in: .whitespaces)), text: "", line: lineNumber))
            } else if line == "statement ok" {
                cases.append(TestCase(kind: .statementOK, text: block().joined(separator: "\n"), line: lineNumber))
            } else if line == "statement error" {
                let text = block().joined(separator: "\n")
                var expected = ""
                if i < lines.count, lines[i] == "----" {
                    i += 1
                    if i < lines.count { expected = lines[i].trimmingCharacters(in: .whitespaces); i += 1 }
                }
                cases.append(TestCase(kind: .statementError(expected: expected), text: text, line: lineNumber))
            } else if ["query", "query rowsort", "query nosort"].contains(line) {
                let sorted = line != "query nosort"
                var columns: [String]?
                if i < lines.count, lines[i].hasPrefix("columns ") {
                    columns = lines[i].dropFirst(8).split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
                    i += 1
                }
                let text = block().joined(separator: "\n")
                var expected: [String] = []
                if i < lines.count, lines[i] == "----" {
                    i += 1
                    while i < lines.count, !lines[i].trimmingCharacters(in: .whitespaces).isEmpty {
                        expected.append(lines[i])
                        i += 1
                    }
                }
                cases.append(TestCase(kind: .query(sorted: sorted, columns: columns, expected: expected), text: text, line: lineNumber))
            } else if line == "plan" {
                let text = block().joined(separator: "\n")
                var expected: [PlanExpectation] = []
                if i < lines.count, lines[i] == "----" {
                    i += 1
                    while i < lines.count, !lines[i].trimmingCharacters(in: .whitespaces).isEmpty {
                        guard let e = PlanExpectation(lines[i].trimmingCharacters(in: .whitespaces)) else {
                            throw Malformed(line: i + 1, text: lines[i])
                        }
                        expected.append(e)
                        i += 1
                    }
                }
                cases.append(TestCase(kind: .plan(expected), text: text, line: lineNumber))
            } else {
                throw Malformed(line: lineNumber, text: line)
            }
        }
        return cases
    }
}
