import Foundation

/// One block of a `.test` file (see docs/test-format.md).
struct TestCase {
    enum Kind {
        case statementOK
        case statementError(expected: String)
        case query(sorted: Bool, columns: [String]?, expected: [String])
        case load(String)
        /// The rest of the file needs this path (relative to the package root); skipped without it.
        case requirePath(String)
    }

    let kind: Kind
    let text: String
    let line: Int
}

/// Reads the sqllogictest-style case files; a line that is none of the directives (`statment ok`)
/// is an error, never a silently dropped case.
enum CaseFile {
    struct Malformed: Error, CustomStringConvertible {
        let line: Int
        let text: String
        var description: String { "line \(line): '\(text)' is not a directive (statement ok, statement error, query [rowsort|nosort], load, require-path, # comment)" }
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
            } else {
                throw Malformed(line: lineNumber, text: line)
            }
        }
        return cases
    }
}
