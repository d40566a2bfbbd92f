import Foundation
import Testing

/// The exact output of each format, error reports placed in their file, exit statuses, and the
/// start-up file `~/.quarryrc`.
struct ScriptOutputTests {
    let sandbox = Sandbox()

    static let create = "CREATE (:A {name: 'x', n: 1}), (:A {name: 'y, z', n: 2});\n"
    static let query = "MATCH (a:A) RETURN a.name AS name, a.n AS n ORDER BY n;\n"

    /// What each format prints for `query`.
    static let expected: [(format: String, output: String)] = [
        ("csv", "name,n\nx,1\n\"y, z\",2\n"),
        ("tsv", "name\tn\nx\t1\ny, z\t2\n"),
        ("json", "[{\"name\":\"x\",\"n\":1},\n {\"name\":\"y, z\",\"n\":2}]\n"),
        ("jsonl", "{\"name\":\"x\",\"n\":1}\n{\"name\":\"y, z\",\"n\":2}\n{\"@end\":{\"columns\":[\"name\",\"n\"]}}\n"),
        ("markdown", "| name | n |\n|---|---|\n| x | 1 |\n| y, z | 2 |\n"),
        ("table", "┌────────┬───┐\n│ name   │ n │\n├────────┼───┤\n│ 'x'    │ 1 │\n│ 'y, z' │ 2 │\n└────────┴───┘\n2 rows\n"),
    ]

    @Test(arguments: ScriptOutputTests.expected)
    func formatOfAQuery(format: String, output: String) throws {
        let run = try sandbox.quarry("--empty", "--format", format, stdin: Self.create + Self.query)
        #expect(run.status == 0)
        // The script wrote to a graph in memory only: the one thing said on standard error.
        #expect(run.errorLines.count == 1 && run.stderr.hasPrefix("quarry: warning: the changes made in this session are not saved"))
        #expect(run.stdout.hasSuffix(output), "\(format) printed:\n\(run.stdout)")
    }

    @Test func formatOfAWriteStatement() throws {
        #expect(try sandbox.quarry("--empty", stdin: Self.create).stdout == "Created 2 nodes, set 4 properties, added 2 labels\n")
        #expect(try sandbox.quarry("--empty", "--format", "jsonl", stdin: Self.create).stdout == "{\"@end\":{\"columns\":[]}}\n")
        #expect(try sandbox.quarry("--empty", "--format", "json", stdin: Self.create).stdout.isEmpty)
    }

    /// A statement without columns prints nothing in csv, tsv and markdown (no empty header, no
    /// `|  |` table), so a script of writes does not fill the output with blank lines.
    @Test(arguments: ["csv", "tsv", "markdown"])
    func writeStatementPrintsNoEmptyTable(format: String) throws {
        let run = try sandbox.quarry("--empty", "--format", format, stdin: Self.create + Self.query)
        #expect(run.stdout == Self.expected.first { $0.format == format }!.output)
    }

    @Test func errorsNameFileLineAndColumnFromTheTopOfTheFile() throws {
        let script = """
            RETURN 1 AS a;
            // a comment; still a comment

            MATCH (n)
            WHERE n.x = 1
              RETURN m;
            RETURN 2 AS b;
            """
        let path = sandbox.write("errors.cypher", script + "\n")
        let run = try sandbox.quarry("--empty", "--format", "csv", path)
        #expect(run.status == 1)
        #expect(run.lines == ["a", "1"])
        #expect(run.errorLines == [
            "\(path):6:10: SyntaxError: UndefinedVariable: `m` is not defined (did you mean `n`?)",
            "    RETURN m;",
            "           ^",
        ])
    }

    @Test func parseErrorsInALaterStatementKeepTheirLine() throws {
        sandbox.write("parse.cypher", "RETURN 1 AS a;\n\nRETURN (1 AS b;\nRETURN 2 AS c;\n")
        let run = try sandbox.quarry("--empty", "--format", "csv", "--no-bail", "parse.cypher")
        #expect(run.status == 1)
        #expect(run.lines == ["a", "1", "c", "2"])
        #expect(run.errorLines == [
            "parse.cypher:3:11: SyntaxError: UnexpectedToken: expected ')', found 'AS'",
            "  RETURN (1 AS b;",
            "            ^^",
        ])
    }

    @Test func commandErrorsArePlacedInTheCommand() throws {
        let run = try sandbox.quarry("--empty", "-c", "MATCH (a) RETURN b")
        #expect(run.status == 1)
        #expect(run.errorLines == [
            "-c:1:18: SyntaxError: UndefinedVariable: `b` is not defined (did you mean `a`?)",
            "  MATCH (a) RETURN b",
            "                   ^",
        ])
    }

    @Test func runtimeErrorsExitWithOne() throws {
        let run = try sandbox.quarry("--empty", "-c", "RETURN 1 / 0")
        #expect(run.status == 1)
        #expect(run.stderr.hasPrefix("-c:1:"))
        #expect(!run.stderr.contains("Fatal error"))
    }

    @Test func missingFilesAndBadFormatsAreUsageErrors() throws {
        let cases: [[String]] = [["missing.cypher"], ["-f", "missing.cypher"], ["--format", "xml", "-c", "RETURN 1"]]
        for arguments in cases {
            let run = try sandbox.quarry(arguments: ["--empty"] + arguments)
            #expect(run.status == 2, "\(arguments)")
            #expect(run.stdout.isEmpty)
            #expect(run.errorLines.count == 1 && run.stderr.hasPrefix("quarry: "), "\(arguments): \(run.stderr)")
        }
        #expect(try sandbox.quarry("missing.cypher").stderr == "quarry: missing.cypher: no such file\n")
    }

    /// Errors found by the argument parser are usage errors too: status 2, not EX_USAGE (64).
    @Test(arguments: [["--bogus"], ["-c"], ["--max-rows", "many"]])
    func argumentErrorsAreUsageErrors(arguments: [String]) throws {
        let run = try sandbox.quarry(arguments: arguments)
        #expect(run.stdout.isEmpty)
        #expect(run.errorLines.count == 1 && run.stderr.hasPrefix("quarry: "), "\(run.stderr)")
        #expect(!run.stderr.contains("Fatal error") && !run.stderr.contains("Stack dump"))
        #expect(run.status == 2)
    }

    @Test func quarryrcRunsAtStartAndNoRCSkipsIt() throws {
        sandbox.write(".quarryrc", ":format csv\n:param greeting => 'hello'\n")
        #expect(try sandbox.quarry("--empty", "-c", "RETURN 1 AS one").lines == ["one", "1"])
        #expect(try sandbox.quarry("--empty", "-c", "RETURN $greeting AS g").lines == ["g", "hello"])
        let skipped = try sandbox.quarry("--empty", "--no-rc", "-c", "RETURN 1 AS one")
        #expect(skipped.status == 0)
        #expect(skipped.lines.first == "┌─────┐")
    }
}
