import Foundation
import Testing

/// `quarry` as a script runner: where statements come from, how they are split, and the flags
/// that shape the output. Every test runs the real binary in a fresh sandbox.
struct ScriptModeTests {
    let sandbox = Sandbox()

    @Test func stdinRunsAsAScriptWithoutPromptsOrBanner() throws {
        let run = try sandbox.quarry("--empty", "--format", "csv", stdin: "RETURN 1 AS a;\nRETURN 2 AS b;\n")
        #expect(run.status == 0)
        #expect(run.lines == ["a", "1", "b", "2"])
        #expect(!run.stdout.contains("quarry>") && !run.stdout.contains("...>") && !run.stdout.contains("Quarry 0.1.0"))
        #expect(run.stderr.isEmpty)
    }

    @Test func fileFlagThenPositionalFilesRunInOrder() throws {
        sandbox.write("one.cypher", "RETURN 1 AS one;\n")
        sandbox.write("two.cypher", "RETURN 2 AS two;\n")
        sandbox.write("three.cypher", "RETURN 3 AS three;\n")
        let run = try sandbox.quarry("--empty", "--format", "csv", "-f", "one.cypher", "two.cypher", "three.cypher")
        #expect(run.status == 0)
        #expect(run.lines == ["one", "1", "two", "2", "three", "3"])
    }

    @Test func commandRunsSeveralStatements() throws {
        let run = try sandbox.quarry("--empty", "--format", "csv", "-c", "RETURN 1 AS a; RETURN 'b' AS b")
        #expect(run.status == 0)
        #expect(run.lines == ["a", "1", "b", "b"])
    }

    @Test func lastStatementMayLackItsSemicolon() throws {
        let path = sandbox.write("last.cypher", "RETURN 1 AS a;\nRETURN 2\n  AS b\n")
        for run in [try sandbox.quarry("--empty", "--format", "csv", path),
                    try sandbox.quarry("--empty", "--format", "csv", stdin: "RETURN 1 AS a;\nRETURN 2\n  AS b")] {
            #expect(run.status == 0)
            #expect(run.lines == ["a", "1", "b", "2"])
        }
    }

    @Test func semicolonsInStringsAndCommentsDoNotEndAStatement() throws {
        let script = """
            RETURN 'a;b' AS s; // one; two
            RETURN 3 /* x; y */ AS t;
            // RETURN 4 AS commented;
            RETURN "c;" + 'd' AS u;
            """
        let run = try sandbox.quarry("--empty", "--format", "csv", stdin: script)
        #expect(run.status == 0)
        #expect(run.lines == ["s", "a;b", "t", "3", "u", "c;d"])
    }

    @Test func writeStatementsReportWhatChanged() throws {
        let run = try sandbox.quarry("--empty", "-c", "CREATE (:A {name: 'x'})-[:R]->(:B {name: 'y'}); MATCH (n) DETACH DELETE n")
        #expect(run.status == 0)
        #expect(run.lines == ["Created 2 nodes, created 1 relationship, set 2 properties, added 2 labels",
                              "Deleted 2 nodes, deleted 1 relationship"])
    }

    @Test func parametersFromFlags() throws {
        let literal = try sandbox.quarry("--empty", "--format", "csv", "--param", "who='ISIS-K'", "--param", "n=3",
                                         "-c", "RETURN $who AS who, $n + 1 AS m")
        #expect(literal.status == 0)
        #expect(literal.lines == ["who,m", "ISIS-K,4"])
        let json = try sandbox.quarry("--empty", "--format", "csv", "--params", #"{"n": 3, "names": ["a", "b"]}"#,
                                      "-c", "RETURN $n * 2 AS n, size($names) AS k")
        #expect(json.status == 0)
        #expect(json.lines == ["n,k", "6,2"])
    }

    @Test func badParameterFlagsAreUsageErrors() throws {
        for arguments in [["--param", "x"], ["--params", "{bad"], ["--params", "[1]"]] {
            let run = try sandbox.quarry(arguments: ["--empty"] + arguments + ["-c", "RETURN 1"])
            #expect(run.status == 2, "\(arguments)")
            #expect(run.errorLines.count == 1 && run.stderr.hasPrefix("quarry: "), "\(arguments): \(run.stderr)")
        }
    }

    @Test func defaultDatasetAndEmptyGraph() throws {
        let count = "MATCH (n) RETURN count(n) AS nodes"
        #expect(try sandbox.quarry("--format", "csv", "-c", count).lines == ["nodes", "58"])
        #expect(try sandbox.quarry("--dataset", "kabul-restaurant-bombing", "--format", "csv", "-c", count).lines == ["nodes", "58"])
        #expect(try sandbox.quarry("--empty", "--format", "csv", "-c", count).lines == ["nodes", "0"])
        let missing = try sandbox.quarry("--dataset", "no-such-dataset", "-c", count)
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("no dataset named 'no-such-dataset'"))
    }

    @Test func importStartsFromAFolderOfCSVFiles() throws {
        sandbox.write("csv/Person.csv", "id:ID(Person),name,age:int\n1,Ann,31\n2,Bob,42\n")
        sandbox.write("csv/KNOWS__Person_Person.csv", ":START_ID(Person),:END_ID(Person)\n1,2\n")
        let run = try sandbox.quarry("--import", "csv", "--format", "csv",
                                     "-c", "MATCH (a:Person)-[:KNOWS]->(b) RETURN a.name, b.name, a.age + b.age AS total")
        #expect(run.status == 0)
        #expect(run.lines == ["a.name,b.name,total", "Ann,Bob,73"])
        let missing = try sandbox.quarry("--import", "no-such-folder", "-c", "RETURN 1")
        #expect(missing.status == 2)
        #expect(missing.errorLines.count == 1)
    }

    @Test func bailStopsAtTheFirstErrorAndNoBailGoesOn() throws {
        let path = sandbox.write("errors.cypher", "RETURN 1 AS a;\nRETURN x;\nRETURN 2 AS b;\nRETURN y;\nRETURN 3 AS c;\n")
        let bail = try sandbox.quarry("--empty", "--format", "csv", path)
        #expect(bail.status == 1)
        #expect(bail.lines == ["a", "1"])
        #expect(bail.errorLines.filter { $0.contains("SyntaxError") }.count == 1)
        let noBail = try sandbox.quarry("--empty", "--format", "csv", "--no-bail", path)
        #expect(noBail.status == 1)
        #expect(noBail.lines == ["a", "1", "b", "2", "c", "3"])
        #expect(noBail.errorLines.filter { $0.contains("SyntaxError") } == [
            "\(path):2:8: SyntaxError: UndefinedVariable: `x` is not defined",
            "\(path):4:8: SyntaxError: UndefinedVariable: `y` is not defined",
        ])
    }

    @Test func echoPrintsEachStatementBeforeItsResult() throws {
        let run = try sandbox.quarry("--empty", "--format", "csv", "--echo", stdin: "RETURN 1 AS a;\nRETURN 2 AS b;\n")
        #expect(run.status == 0)
        #expect(run.lines == ["RETURN 1 AS a;", "a", "1", "RETURN 2 AS b;", "b", "2"])
    }

    @Test func timingAddsMillisecondsToTheFooter() throws {
        let run = try sandbox.quarry("--empty", "--timing", "-c", "RETURN 1 AS a; CREATE ()")
        #expect(run.status == 0)
        let footers = run.lines.filter { $0.hasSuffix(" ms") }
        #expect(footers.count == 2)
        #expect(footers.first?.hasPrefix("1 row, ") == true)
        #expect(footers.last?.hasPrefix("Created 1 node, ") == true)
    }

    @Test func maxRowsCutsTablesWithANote() throws {
        let run = try sandbox.quarry("--empty", "--max-rows", "2", "-c", "UNWIND range(1, 5) AS i RETURN i")
        #expect(run.status == 0)
        #expect(run.lines == ["┌───┐", "│ i │", "├───┤", "│ 1 │", "│ 2 │", "└───┘",
                              "… 3 more rows not shown (:max-rows N to change, :format csv for all)", "5 rows"])
        let csv = try sandbox.quarry("--empty", "--max-rows", "2", "--format", "csv", "-c", "UNWIND range(1, 5) AS i RETURN i")
        #expect(csv.lines == ["i", "1", "2", "3", "4", "5"])
    }

    @Test func versionAndHelp() throws {
        let version = try sandbox.quarry("--version")
        #expect(version.status == 0)
        #expect(version.lines == ["quarry 0.1.0"])
        let help = try sandbox.quarry("--help")
        #expect(help.status == 0)
        #expect(help.stdout.contains("Examples"))
        for flag in ["--format", "--param", "--params", "--dataset", "--empty", "--import", "--bail", "--echo",
                     "--no-rc", "--timing", "--max-rows", "--version"] {
            #expect(help.stdout.contains(flag), "--help does not mention \(flag)")
        }
    }

    @Test func aLongScriptRunsInOneProcess() throws {
        let script = (0..<2000).map { "CREATE (:N {i: \($0)});\n" }.joined() + "MATCH (n:N) RETURN count(*) AS c, sum(n.i) AS s;\n"
        sandbox.write("long.cypher", script)
        let run = try sandbox.quarry("--empty", "long.cypher")
        #expect(run.status == 0)
        #expect(run.lines.filter { $0 == "Created 1 node, set 1 property, added 1 label" }.count == 2000)
        #expect(run.stdout.hasSuffix("│ 2000 │ 1999000 │\n└──────┴─────────┘\n1 row\n"))
    }

    /// Reading a script is linear in its length: one statement over 20,000 lines (once 5 minutes),
    /// and a CRLF file whose meta-command lines end in CR.
    @Test func longStatementsAndCRLFScripts() throws {
        let long = "RETURN size([\n" + (0..<20_000).map { "  \($0),\n" }.joined() + "0]) AS n;\n"
        let started = Date()
        let run = try sandbox.quarry("--empty", "--format", "csv", stdin: long)
        #expect(run.lines == ["n", "20001"])
        #expect(Date().timeIntervalSince(started) < 30)
        let crlf = try sandbox.quarry("--empty", stdin: ":format csv\r\nRETURN 1 AS a;\r\n// a comment\r\n:echo off\r\nRETURN 2\r\n  AS b;\r\n")
        #expect(crlf.status == 0 && crlf.stderr.isEmpty, "\(crlf.stderr)")
        #expect(crlf.lines == ["a", "1", "b", "2"])
    }
}
