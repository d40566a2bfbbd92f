import Foundation
import Testing

/// Runs the shell transcripts in `Transcripts/**/*.t` (the format is in docs/test-format.md): each
/// `  $ command` runs in `/bin/sh` inside a fresh sandbox with `quarry` on the `PATH`, and what it
/// prints (standard output, then standard error) must match the indented lines below it. A file
/// whose output differs gets a `.t.err` beside it holding what was printed, ready to compare or
/// to take over.
struct TranscriptTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Transcripts").path

    static let files: [String] = {
        let found = FileManager.default.enumerator(atPath: folder)?.compactMap { $0 as? String } ?? []
        return found.filter { $0.hasSuffix(".t") }.sorted()
    }()

    @Test func transcriptsExist() {
        #expect(Self.files.count > 0, "no transcripts under \(Self.folder)")
    }

    @Test(arguments: TranscriptTests.files)
    func transcript(_ name: String) throws {
        let path = Self.folder + "/" + name
        let source = try String(contentsOfFile: path, encoding: .utf8)
        let transcript = Transcript(source)
        let sandbox = Sandbox()
        var actual: [String] = []
        var failed = false
        for block in transcript.blocks {
            switch block {
            case .text(let line):
                actual.append(line)
            case .command(let lines, let expected, let line):
                actual += lines
                let output = try sandbox.shell(lines.map { String($0.dropFirst(4)) }.joined(separator: "\n"), testFolder: Self.folder)
                let printed = output.lines + (output.status == 0 ? [] : ["[\(output.status)]"])
                if !Transcript.matches(expected: expected, printed: printed) {
                    failed = true
                    Issue.record("\(name):\(line): the command printed\n\(printed.joined(separator: "\n"))\nexpected\n\(expected.joined(separator: "\n"))")
                }
                actual += zip(printed, Transcript.keepingGlobs(expected: expected, printed: printed)).map { "  " + $1 }
            }
        }
        let errPath = path + ".err"
        if failed {
            try (actual.joined(separator: "\n") + "\n").write(toFile: errPath, atomically: true, encoding: .utf8)
        } else {
            try? FileManager.default.removeItem(atPath: errPath)
        }
    }
}

/// A parsed `.t` file: commentary, and commands (`  $ ` plus `  > ` continuation lines) each
/// with the output lines expected after it.
struct Transcript {
    enum Block {
        case text(String)
        case command(lines: [String], expected: [String], line: Int)
    }

    var blocks: [Block] = []

    init(_ source: String) {
        var lines = source.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        var i = 0
        while i < lines.count {
            guard lines[i].hasPrefix("  $ ") else {
                blocks.append(.text(lines[i]))
                i += 1
                continue
            }
            let start = i
            var command = [lines[i]]
            i += 1
            while i < lines.count, lines[i].hasPrefix("  > ") || lines[i] == "  >" {
                command.append(lines[i])
                i += 1
            }
            var expected: [String] = []
            while i < lines.count, lines[i].hasPrefix("  "), !lines[i].hasPrefix("  $ ") {
                expected.append(String(lines[i].dropFirst(2)))
                i += 1
            }
            blocks.append(.command(lines: command, expected: expected, line: start + 1))
        }
    }

    /// Equal line by line, where an expected line ending in ` (glob)` may use `*` for any run of
    /// characters.
    static func matches(expected: [String], printed: [String]) -> Bool {
        expected.count == printed.count && zip(expected, printed).allSatisfy(lineMatches)
    }

    static func lineMatches(_ expected: String, _ printed: String) -> Bool {
        guard expected.hasSuffix(" (glob)") else { return expected == printed }
        let pattern = expected.dropLast(7).split(separator: "*", omittingEmptySubsequences: false).map(String.init)
        var rest = Substring(printed)
        guard let first = pattern.first, rest.hasPrefix(first) else { return false }
        rest = rest.dropFirst(first.count)
        for (index, piece) in pattern.enumerated().dropFirst() {
            if index == pattern.count - 1 { return rest.hasSuffix(piece) }
            guard let found = rest.range(of: piece) else { return false }
            rest = rest[found.upperBound...]
        }
        return rest.isEmpty
    }

    /// The printed lines for a `.t.err` file, keeping the expected line where a glob matched it.
    static func keepingGlobs(expected: [String], printed: [String]) -> [String] {
        printed.enumerated().map { index, line in
            index < expected.count && lineMatches(expected[index], line) ? expected[index] : line
        }
    }
}

extension Sandbox {
    /// Runs `script` with `/bin/sh` in the sandbox, `quarry` first on the `PATH` and `TESTDIR` set
    /// to the transcripts' folder; standard output followed by standard error.
    func shell(_ script: String, testFolder: String) throws -> RunResult {
        let binaryFolder = (QuarryBinary.path as NSString).deletingLastPathComponent
        var env = environment()
        env["PATH"] = binaryFolder + ":" + (env["PATH"] ?? "/usr/bin:/bin")
        env["TESTDIR"] = testFolder
        env["SWIFT_BACKTRACE"] = nil
        let run = try process("/bin/sh", arguments: ["-c", script], environment: env)
        return RunResult(status: run.status, stdout: run.stdout + run.stderr, stderr: "")
    }
}
