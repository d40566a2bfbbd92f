import Foundation
import Testing

/// The interactive shell as a user sees it, under a pseudo-terminal: prompts, Tab completion,
/// history, Ctrl-C and Ctrl-D. Serialized so that timings (Ctrl-C within 2 s) are not disturbed
/// by the other sessions of this suite.
@Suite(.serialized)
struct PtyTests {
    let sandbox = Sandbox()

    /// A session on the default dataset, at its first prompt.
    func start(_ arguments: [String] = []) throws -> PseudoTerminal {
        let terminal = try PseudoTerminal(sandbox, arguments)
        try terminal.expect("quarry> ")
        return terminal
    }

    @Test func bannerThenPromptAndCtrlDExitsWithZero() throws {
        let terminal = try PseudoTerminal(sandbox)
        try terminal.expect("Quarry 0.1.0 · kabul-restaurant-bombing, in memory only (:save FILE keeps it): 58 nodes, 118 relationships · :help for help, Ctrl-D to leave")
        try terminal.expect("quarry> ")
        terminal.send(PseudoTerminal.ctrlD)
        #expect(terminal.waitForExit() == 0)
    }

    @Test func continuationPromptUntilTheSemicolon() throws {
        let terminal = try start()
        terminal.send("RETURN 1\r")
        try terminal.expect("   ...> ")
        terminal.send("  AS one;\r")
        try terminal.expect("│ one │")
        try terminal.expect("1 row")
        try terminal.expect("quarry> ")
    }

    @Test func promptComesBackOnlyAfterTheResult() throws {
        let terminal = try start()
        terminal.send(":format csv\r")
        try terminal.expect("quarry> ")
        terminal.send("RETURN 1 AS n;\r")
        try terminal.expect("RETURN 1 AS n;")
        let beforeResult = try terminal.expect("n\r\n1\r\n")
        #expect(!beforeResult.contains("quarry> "), "a prompt was shown before the result: \(beforeResult.debugDescription)")
        try terminal.expect("quarry> ")
    }

    @Test func interactiveFlagKeepsTheShellOpenAfterACommand() throws {
        let terminal = try PseudoTerminal(sandbox, ["-i", "-c", "RETURN 'first' AS f"])
        try terminal.expect("│ 'first' │")
        try terminal.expect("quarry> ")
        try terminal.run("RETURN 'second' AS s;", shows: "│ 'second' │")
    }

    /// Tab completion: what is typed, what the line must then read, how the statement goes on,
    /// and what it returns (proving the completed text is what ran).
    struct Completion: Sendable, CustomTestStringConvertible {
        let typed: String
        let completed: String
        let rest: String
        let result: String
        var testDescription: String { typed }
    }

    static let completions = [
        Completion(typed: "MAT", completed: "MATCH ", rest: "(a:Actor) RETURN count(*) AS n;", result: "│ 19 │"),
        Completion(typed: "mat", completed: "match ", rest: "(a:Actor) return count(*) as n;", result: "│ 19 │"),
        Completion(typed: "MATCH (a:Act", completed: "(a:Actor", rest: ") RETURN count(a) AS n;", result: "│ 19 │"),
        Completion(typed: "MATCH (a)-[:MA", completed: "[:MADE", rest: "]->(c) RETURN count(*) AS n;", result: "│ 14 │"),
        // `de` starts three keys in the graph but only `de_facto` on an Actor.
        Completion(typed: "MATCH (a:Actor) WHERE a.de", completed: "a.de_facto", rest: " = true RETURN count(*) AS n;", result: "│ 1 │"),
        Completion(typed: "MATCH (claimant:Actor)-[:MADE]->(c) RETURN count(clai", completed: "count(claimant",
                   rest: ") AS n;", result: "│ 14 │"),
        // Several names start 'ISIS-K': the common part is completed, no quote closed.
        Completion(typed: "MATCH (a {name: 'ISIS", completed: "'ISIS-K", rest: "'}) RETURN a.kind AS k;", result: "│ 'militant_group' │"),
        // A complete value gets its closing quote; one with spaces gets no space inside it.
        Completion(typed: "MATCH (a:Actor {name: 'Chinese Emb", completed: "'Chinese Embassy in Kabul'", rest: "}) RETURN a.kind AS k;",
                   result: "│ 'embassy' │"),
        // Only names of the label in the pattern: the Place 'Kabul' does not make this ambiguous.
        Completion(typed: "MATCH (e:Event {name: 'Kab", completed: "'Kabul restaurant bombing'", rest: "}) RETURN count(e) AS n;",
                   result: "│ 1 │"),
        Completion(typed: "MATCH (p:Place) WHERE p.name = 'Chinese-r", completed: "'Chinese-run hotel in Sher-e-Naw'",
                   rest: " RETURN count(p) AS n;", result: "│ 1 │"),
        // Procedure names after CALL, past the dots.
        Completion(typed: "CALL db.sch", completed: "db.schema.nodeTypeProperties", rest: "() YIELD nodeType RETURN count(DISTINCT nodeType) AS n;",
                   result: "│ 6 │"),
        Completion(typed: "call dbms.p", completed: "dbms.procedures", rest: "() YIELD name WHERE name STARTS WITH 'db' RETURN count(*) AS n;", result: "│ 7 │"),
    ]

    @Test(arguments: PtyTests.completions)
    func tabCompletes(_ completion: Completion) throws {
        let terminal = try start()
        terminal.send(completion.typed + "\t")
        try terminal.expect(completion.completed)
        try terminal.run(completion.rest, shows: completion.result)
    }

    @Test func tabListsThePropertyKeysOfTheLabel() throws {
        let terminal = try start()
        terminal.send("MATCH (a:Actor) RETURN a.na\t\t")
        try terminal.expect("name")
        try terminal.expect("nationality")
        terminal.send("me AS n LIMIT 1;\r")
        try terminal.expect("1 row")
    }

    @Test func tabCompletesAVariableFromAnEarlierLine() throws {
        let terminal = try start()
        terminal.send("MATCH (claimant:Actor)-[:MADE]->(c)\r")
        try terminal.expect("   ...> ")
        terminal.send("RETURN count(clai\t")
        try terminal.expect("count(claimant")
        try terminal.run(") AS n;", shows: "│ 14 │")
    }

    @Test func tabCompletesParametersCommandsAndPaths() throws {
        sandbox.write("myscript.cypher", "RETURN 'from the file' AS s;\n")
        let terminal = try start()
        terminal.send(":param who => 1\r")
        try terminal.expect("quarry> ")
        terminal.send("RETURN $w\t")
        try terminal.expect("$who")
        try terminal.run(" AS v;", shows: "│ 1 │")
        terminal.send(":he\t")
        try terminal.expect(":help")
        terminal.send("\r")
        try terminal.expect("Commands:")
        try terminal.expect("quarry> ")
        terminal.send(":run mys\t")
        try terminal.expect(":run myscript.cypher")
        try terminal.run("", shows: "│ 'from the file' │")
    }

    @Test func historyIsKeptAcrossSessions() throws {
        let first = try start()
        try first.run("RETURN 'remember me' AS r;", shows: "│ 'remember me' │")
        first.send(PseudoTerminal.ctrlD)
        #expect(first.waitForExit() == 0)
        let attributes = try FileManager.default.attributesOfItem(atPath: sandbox.historyFile)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        #expect(try String(contentsOfFile: sandbox.historyFile, encoding: .utf8).contains("RETURN 'remember me' AS r;"))

        let second = try start()
        second.send(PseudoTerminal.up)
        try second.expect("RETURN 'remember me' AS r;")
        try second.run("", shows: "│ 'remember me' │")
    }

    /// Ctrl-R searches the history; the history file is capped at 2,000 entries.
    @Test func reverseSearchAndHistoryCap() throws {
        let old = (1...2_500).map { "RETURN \($0) AS old;" }.joined(separator: "\n") + "\n"
        try FileManager.default.createDirectory(atPath: (sandbox.historyFile as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try old.write(toFile: sandbox.historyFile, atomically: true, encoding: .utf8)
        let terminal = try start()
        try terminal.run("RETURN 'needle' AS found;", shows: "│ 'needle' │")
        try terminal.run("RETURN 'other' AS o;", shows: "│ 'other' │")
        terminal.send("\u{12}needle")
        try terminal.expect("RETURN 'needle' AS found;")
        terminal.send("\r")
        try terminal.expect("│ 'needle' │")
        try terminal.expect("quarry> ")
        terminal.send(PseudoTerminal.ctrlD)
        #expect(terminal.waitForExit() == 0)
        let kept = try String(contentsOfFile: sandbox.historyFile, encoding: .utf8).split(separator: "\n")
        #expect(kept.count <= 2_000)
        #expect(kept.last == "RETURN 'needle' AS found;")
    }

    @Test func ctrlCClearsTheTypedLineWithoutRunningIt() throws {
        let terminal = try start()
        terminal.send("RETURN 'typed' AS t")
        try terminal.expect("RETURN 'typed' AS t")
        terminal.send(PseudoTerminal.ctrlC)
        try terminal.expect("quarry> ")
        terminal.send("RETURN 1\r")
        try terminal.expect("   ...> ")
        terminal.send(PseudoTerminal.ctrlC)
        try terminal.expect("quarry> ")
        try terminal.run("RETURN 'next' AS n;", shows: "│ 'next' │")
        let screen = String(decoding: PseudoTerminal.withoutEscapes(terminal.received), as: UTF8.self)
        #expect(!screen.contains("'typed' │"))
        #expect(!screen.contains("Error"))
    }

    /// Text typed (or pasted) and Ctrl-C pressed at once, right after a statement's result: the
    /// line is dropped and a fresh prompt shown, every time.
    @Test func ctrlCRightAfterTypingAlwaysClearsTheLine() throws {
        let terminal = try start()
        for round in 0..<50 {
            terminal.send("RETURN\r \(round) AS r;\r")
            // Half the rounds type before the result and prompt are back, as a fast typist or a paste
            // does (Ctrl-C may then also drop the statement, if it lands before its last line is read).
            if round % 2 == 0 {
                try terminal.expect("1 row")
                try terminal.expect("quarry> ")
            }
            terminal.send("MATCH (x) RETURN x")
            terminal.send(PseudoTerminal.ctrlC)
            // The terminal or the editor shows ^C; the fresh prompt comes after it.
            try terminal.expect("^C", timeout: 5)
            try terminal.expect("quarry> ", timeout: 5)
            try terminal.run("RETURN 'fresh' AS k;", shows: "│ 'fresh' │")
            let screen = terminal.screenSinceLastMatch + String(decoding: PseudoTerminal.withoutEscapes(terminal.received.suffix(400)), as: UTF8.self)
            #expect(!screen.contains("Error"), "round \(round): the typed text stayed in the line")
        }
    }

    static let slowStatements = [
        "UNWIND range(1, 10000000) AS i CREATE (:Tmp) RETURN count(*);",
        "MATCH (a)-[*]-(b)-[*]-(c)-[*]-(d) RETURN count(*);",
    ]

    /// Enters `line`, presses Ctrl-C a second later (checking that `finished` has not appeared
    /// yet), and waits for "Cancelled" within 5 s and the prompt. (Taking back the millions of
    /// nodes a CREATE made in that second took 0.1–2.7 s in a debug build when each node's
    /// creation was an undo step; dropped whole by id since session 11, well under 0.5 s.)
    func interrupt(_ terminal: PseudoTerminal, _ line: String, finished: String) throws {
        terminal.send(line + "\r")
        let running = Date().addingTimeInterval(1)
        while Date() < running { terminal.pump(milliseconds: 50) }
        #expect(!terminal.screenSinceLastMatch.contains(finished), "\(line) finished before Ctrl-C: too fast to test")
        terminal.send(PseudoTerminal.ctrlC)
        try terminal.expect("Cancelled", timeout: 5)
        try terminal.expect("quarry> ")
    }

    @Test(arguments: PtyTests.slowStatements)
    func ctrlCCancelsARunningStatementAndKeepsTheGraph(_ statement: String) throws {
        let terminal = try start()
        try interrupt(terminal, statement, finished: "row")
        try terminal.run("MATCH (t:Tmp) RETURN count(*) AS n;", shows: "│ 0 │")
        try terminal.run("MATCH (n) RETURN count(*) AS n;", shows: "│ 58 │")
    }

    /// Meta-commands and printing that run long: Ctrl-C stops each within 5 s, and the graph and
    /// parameters are as they were.
    static let slowCommands = [
        ":param big => reduce(s = 0, x IN range(1, 9000000) | s + size(toString(x)) + size([y IN range(1, 20) | y]))",
        ":export jsonl out.jsonl MATCH (a)-[*]-(b)-[*]-(c)-[*]-(d) RETURN a",
        ":import big.jsonl",
        "UNWIND range(1, 3000000) AS i RETURN i, i * 2, toString(i);",
    ]

    @Test(arguments: PtyTests.slowCommands)
    func ctrlCStopsALongCommand(_ command: String) throws {
        if command.contains("big.jsonl") {
            let made = try sandbox.quarry("--empty", "-c", "UNWIND range(1, 300000) AS i CREATE (:Big {i: i, s: 'node ' + toString(i)})",
                                          "-c", ":export jsonl big.jsonl")
            #expect(made.status == 0, "\(made.stderr)")
        }
        // Printing is the long part of the last one: csv prints every row.
        let terminal = try start(command.hasPrefix("UNWIND") ? ["--format", "csv"] : [])
        try interrupt(terminal, command, finished: "quarry> ")
        terminal.send(":format table\r")
        try terminal.expect("quarry> ")
        try terminal.run("MATCH (n) RETURN count(*) AS n;", shows: "│ 58 │")
        try terminal.run("RETURN $big IS NULL AS unset;", shows: "ParameterMissing")
    }

    /// `:output FILE` writes plain text: no colour codes, no values cut to the screen's width.
    @Test func outputFilesArePlainText() throws {
        let terminal = try PseudoTerminal(sandbox, [], colour: true)
        try terminal.expect("quarry> ")
        let long = String(repeating: "long text ", count: 30)
        for line in [":output out.txt", "RETURN '\(long)' AS value, 1 AS n;", ":output"] {
            terminal.send(line + "\r")
            try terminal.expect("quarry> ")
        }
        let written = try #require(sandbox.read("out.txt"))
        #expect(!written.contains("\u{1B}["), "\(written)")
        #expect(written.contains(long), "\(written)")
    }

    @Test func exclamationMarksAreNotHistoryExpansion() throws {
        let terminal = try start()
        try terminal.run("RETURN 1 AS one;", shows: "│   1 │")
        try terminal.run("RETURN '!!' + '!-1' AS x;", shows: "│ '!!!-1' │")
    }

    @Test func clearAsksFirst() throws {
        let terminal = try start()
        terminal.send(":clear\r")
        try terminal.expect("Delete all 58 nodes, 118 relationships? [y/N] ")
        terminal.send("n\r")
        try terminal.expect("quarry> ")
        try terminal.run("MATCH (n) RETURN count(*) AS c;", shows: "│ 58 │")
        terminal.send(":clear\r")
        try terminal.expect("[y/N] ")
        terminal.send("y\r")
        try terminal.expect("The graph is empty.")
        try terminal.expect("quarry> ")
        try terminal.run("MATCH (n) RETURN count(*) AS c;", shows: "│ 0 │")
    }
}
