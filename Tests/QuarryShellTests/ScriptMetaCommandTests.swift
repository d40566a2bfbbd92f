import Foundation
import Testing

/// Meta-commands (`:name args`, one per line) inside scripts.
struct ScriptMetaCommandTests {
    let sandbox = Sandbox()

    @Test func formatAndParametersChangeWhatFollows() throws {
        let script = """
            :format csv
            :param x => 1 + 1
            :param who => 'ISIS-K'
            :params
            RETURN $x AS x, $who AS who;
            :params clear
            :params
            """
        let run = try sandbox.quarry("--empty", stdin: script)
        #expect(run.status == 0)
        #expect(run.lines == [":param who => 'ISIS-K'", ":param x => 2", "x,who", "2,ISIS-K",
                              "No parameters (set one with :param name => value)."])
    }

    @Test func outputSendsResultsToAFileUntilReset() throws {
        let script = ":format csv\n:output results.csv\nRETURN 42 AS answer;\n:output\nRETURN 7 AS seven;\n"
        let run = try sandbox.quarry("--empty", stdin: script)
        #expect(run.status == 0)
        #expect(run.lines == ["seven", "7"])
        #expect(sandbox.read("results.csv") == "answer\n42\n")
    }

    @Test func schemaListsLabelsTypesAndKeysWithCounts() throws {
        let run = try sandbox.quarry(stdin: ":schema\n")
        #expect(run.status == 0)
        for line in ["Labels:", "  :Actor  19", "  :Claim  14", "Relationship types:", "  :MADE  14",
                     "Property keys:", "  name  String", "Indexes:", "Patterns:", "  (:Actor)-[:MADE]->(:Claim)  14"] {
            #expect(run.lines.contains(line), "no line '\(line)' in :schema")
        }
    }

    @Test func helpListsCommandsAndExplainsOne() throws {
        let all = try sandbox.quarry("--empty", stdin: ":help\n")
        #expect(all.status == 0)
        #expect(all.lines.first == "Statements end with ';' and may span lines. Commands:")
        for command in ["help", "quit", "run", "load", "import", "schema", "format", "timing", "param", "params",
                        "output", "history", "clear", "echo", "bail", "max-rows"] {
            #expect(all.lines.contains { $0.hasPrefix("  :\(command) ") }, ":help does not list :\(command)")
        }
        let one = try sandbox.quarry("--empty", stdin: ":help format\n")
        #expect(one.lines == [":format MODE", "    output format: table, csv, tsv, json, jsonl, markdown"])
    }

    @Test func unknownCommandIsAnErrorWithItsPosition() throws {
        sandbox.write("bogus.cypher", "RETURN 1 AS a;\n:bogus\nRETURN 2 AS b;\n")
        let run = try sandbox.quarry("--empty", "--format", "csv", "bogus.cypher")
        #expect(run.status == 1)
        #expect(run.lines == ["a", "1"])
        #expect(run.errorLines == ["bogus.cypher:2:1: error: unknown command :bogus; :help lists the commands", "  :bogus", "  ^^^^^^"])
    }

    @Test func misspeltCommandSuggestsTheClosest() throws {
        let run = try sandbox.quarry("--empty", stdin: ":hepl\n")
        #expect(run.status == 1)
        #expect(run.errorLines.first == "<stdin>:1:1: error: unknown command :hepl (did you mean :help?); :help lists the commands")
    }

    /// An indented command is reported at its own column, with the caret under it.
    @Test func indentedCommandErrorPointsAtTheCommand() throws {
        let run = try sandbox.quarry("--empty", stdin: "RETURN 1 AS a;\n    :bogus\n")
        #expect(run.status == 1)
        #expect(run.errorLines == ["<stdin>:2:5: error: unknown command :bogus; :help lists the commands",
                                   "      :bogus", "      ^^^^^^"])
    }

    @Test func loadingAnUnknownDatasetFailsAndKeepsTheGraph() throws {
        let run = try sandbox.quarry("--format", "csv", "--no-bail", stdin: ":load no-such-dataset\nMATCH (n) RETURN count(*) AS c;\n")
        #expect(run.status == 1)
        #expect(run.stderr.hasPrefix("quarry: no dataset named 'no-such-dataset' (available: "))
        #expect(run.stderr.contains("kabul-restaurant-bombing"))
        #expect(run.lines == ["c", "58"])
    }

    /// A dataset whose script fails part-way is not loaded at all: the error names the script's
    /// file, line and column, and the graph stays as it was.
    @Test func aBrokenDatasetLeavesTheGraphAsItWas() throws {
        _ = sandbox.write("broken/load.cypher", "CREATE (:Half {n: 1});\nCREATE (:Half {n: 2});\nMATCH (h:Half) RETURN h.nope +;\n")
        let run = try sandbox.quarry("--format", "csv", "--no-bail",
                                     stdin: ":load broken\nMATCH (n) RETURN count(*) AS c;\nMATCH (h:Half) RETURN count(h) AS halves;\n")
        #expect(run.status == 1)
        #expect(run.stderr.contains("broken/load.cypher:3:"), "\(run.stderr)")
        #expect(run.stderr.contains("SyntaxError"))
        #expect(run.lines == ["c", "58", "halves", "0"])
    }

    @Test func loadingADatasetReplacesTheGraph() throws {
        let run = try sandbox.quarry("--empty", "--format", "csv", stdin: ":load kabul-restaurant-bombing\nMATCH (n) RETURN count(*) AS c;\n")
        #expect(run.status == 0)
        #expect(run.lines == ["Loaded kabul-restaurant-bombing: 58 nodes, 118 relationships.", "c", "58"])
    }

    @Test func maxRowsAndTimingCommands() throws {
        let run = try sandbox.quarry("--empty", stdin: ":max-rows 1\n:timing on\nUNWIND [1, 2, 3] AS i RETURN i;\n")
        #expect(run.status == 0)
        #expect(run.lines.prefix(6) == ["┌───┐", "│ i │", "├───┤", "│ 1 │", "└───┘",
                                        "… 2 more rows not shown (:max-rows N to change, :format csv for all)"])
        #expect(run.lines.last?.hasPrefix("3 rows, ") == true && run.lines.last?.hasSuffix(" ms") == true)
        let bad = try sandbox.quarry("--empty", stdin: ":max-rows lots\n")
        #expect(bad.status == 1)
        #expect(bad.errorLines.first == "<stdin>:1:1: error: usage: :max-rows N")
    }

    @Test func clearInAScriptEmptiesTheGraphWithoutAsking() throws {
        let run = try sandbox.quarry("--format", "csv", stdin: ":clear\nMATCH (n) RETURN count(*) AS c;\n")
        #expect(run.status == 0)
        #expect(run.lines == ["The graph is empty.", "c", "0"])
    }

    @Test func runExecutesAnotherScript() throws {
        sandbox.write("inner.cypher", "RETURN 'inner' AS s;\nRETURN nope;\n")
        let run = try sandbox.quarry("--empty", "--format", "csv", stdin: ":run inner.cypher\nRETURN 'after' AS s;\n")
        #expect(run.status == 1)
        #expect(run.lines == ["s", "inner"])
        #expect(run.errorLines.first == "inner.cypher:2:8: SyntaxError: UndefinedVariable: `nope` is not defined")
    }
}
