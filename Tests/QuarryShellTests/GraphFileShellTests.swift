import Foundation
import Testing

/// Graph files from the command line and the shell: a session's work survives quitting, a second
/// writer is turned away, damaged files are refused, and results that cannot be written end a
/// script with one line instead of a crash.
@Suite(.serialized)
struct GraphFileShellTests {
    let sandbox = Sandbox()

    @Test func workSurvivesQuittingAndReopening() throws {
        let created = try sandbox.quarry("case.quarry", "-c", "CREATE (:Actor {name: 'Ann'})-[:KNOWS]->(:Actor {name: 'Bo'})")
        #expect(created.status == 0 && created.stderr.isEmpty)
        #expect(FileManager.default.fileExists(atPath: sandbox.root + "/case.quarry"))
        let read = try sandbox.quarry("--db", "case.quarry", "--format", "csv", "-c", "MATCH (a)-[:KNOWS]->(b) RETURN a.name, b.name")
        #expect(read.status == 0)
        #expect(read.lines == ["a.name,b.name", "Ann,Bo"])
        let check = try sandbox.quarry("--check", "case.quarry")
        #expect(check.status == 0 && check.lines.last == "case.quarry: ok")
    }

    @Test func saveAsFromAScriptThenOpen() throws {
        let run = try sandbox.quarry("--empty", stdin: "CREATE (:N {i: 1});\n:save saved.quarry\nCREATE (:N {i: 2});\n")
        #expect(run.status == 0 && run.stderr.isEmpty, "no unsaved-changes warning once the graph has a file: \(run.stderr)")
        let read = try sandbox.quarry("saved.quarry", "--format", "csv", "-c", "MATCH (n:N) RETURN n.i ORDER BY n.i")
        #expect(read.lines == ["n.i", "1", "2"])
    }

    @Test func damagedAndForeignFilesAreRefusedWithExitTwo() throws {
        sandbox.write("notes.quarry", "MATCH (n) RETURN n;\n")
        let foreign = try sandbox.quarry("notes.quarry", "-c", "RETURN 1")
        #expect(foreign.status == 2)
        #expect(foreign.stderr == "quarry: notes.quarry: not a Quarry graph file\n")
        #expect(sandbox.read("notes.quarry") == "MATCH (n) RETURN n;\n")
        _ = try sandbox.quarry("good.quarry", "-c", "CREATE (:N)")
        let path = sandbox.root + "/good.quarry"
        var bytes = [UInt8](FileManager.default.contents(atPath: path) ?? Data())
        bytes[bytes.count / 2] ^= 0xFF
        _ = FileManager.default.createFile(atPath: path, contents: Data(bytes))
        let damaged = try sandbox.quarry("good.quarry", "-c", "RETURN 1")
        #expect(damaged.status == 2 && damaged.stderr.hasPrefix("quarry: good.quarry: ") && damaged.stderr.contains("checksum does not match"),
                "\(damaged.stderr)")
        let check = try sandbox.quarry("--check", "good.quarry")
        #expect(check.status == 2 && check.stdout.contains("checksum does not match"))
    }

    @Test func aSecondWriterIsTurnedAwayAndMayReadOnly() throws {
        _ = try sandbox.quarry("case.quarry", "-c", "CREATE (:N {i: 1})")
        let first = try PseudoTerminal(sandbox, ["case.quarry"])
        try first.expect("case.quarry, saved as you go: 1 node, 0 relationships")
        try first.expect("quarry> ")
        first.send("CREATE (:N {i: 2});\r")
        try first.expect("Created 1 node")
        let second = try sandbox.quarry("case.quarry", "-c", "RETURN 1")
        #expect(second.status == 2)
        #expect(second.stderr.contains("another quarry has this graph open for writing"))
        let reader = try sandbox.quarry("case.quarry", "--read-only", "--format", "csv", "-c", "MATCH (n:N) RETURN n.i ORDER BY n.i")
        #expect(reader.status == 0 && reader.lines == ["n.i", "1", "2"], "a reader sees what the writer committed")
        let refused = try sandbox.quarry("case.quarry", "--read-only", "-c", "CREATE (:M)")
        #expect(refused.status == 1 && refused.stderr.contains("is open read-only"))
        first.send(PseudoTerminal.ctrlD)
        #expect(first.waitForExit() == 0)
    }

    /// SIGTERM, SIGHUP or SIGQUIT at the prompt: the shell leaves at once, folding the journal
    /// into the graph file on its way out.
    @Test(arguments: [SIGTERM, SIGHUP, SIGQUIT])
    func aLeavingSignalAtThePromptActsAtOnce(_ signal: Int32) throws {
        let terminal = try PseudoTerminal(sandbox, ["case\(signal).quarry"])
        try terminal.expect("quarry> ")
        try terminal.run("CREATE (:N {i: 1});", shows: "Created 1 node")
        let sent = Date()
        kill(terminal.pid, signal)
        #expect(terminal.waitForExit(timeout: 5) == 128 + signal)
        #expect(Date().timeIntervalSince(sent) < 2)
        #expect(FileManager.default.contents(atPath: sandbox.root + "/case\(signal).quarry.wal")?.count == 40, "the journal was folded in")
        let read = try sandbox.quarry("case\(signal).quarry", "--format", "csv", "-c", "MATCH (n:N) RETURN n.i")
        #expect(read.lines == ["n.i", "1"])
    }

    @Test func ctrlDDropsAnUnfinishedStatement() throws {
        let terminal = try PseudoTerminal(sandbox, ["pending.quarry"])
        try terminal.expect("quarry> ")
        terminal.send("CREATE (:Pending)\r")
        try terminal.expect("   ...> ")
        terminal.send(PseudoTerminal.ctrlD)
        try terminal.expect("the unfinished statement was not run")
        #expect(terminal.waitForExit() == 0)
        let read = try sandbox.quarry("pending.quarry", "--format", "csv", "-c", "MATCH (n) RETURN count(*) AS n")
        #expect(read.lines == ["n", "0"])
    }

    @Test func leavingUnsavedChangesAsksOnATerminal() throws {
        let terminal = try PseudoTerminal(sandbox, ["--empty"])
        try terminal.expect("empty graph, in memory only (:save FILE keeps it)")
        try terminal.expect("quarry> ")
        try terminal.run("CREATE (:N);", shows: "Created 1 node")
        terminal.send(PseudoTerminal.ctrlD)
        try terminal.expect("Leave them? [y/N]")
        terminal.send("n\r")
        try terminal.expect("quarry> ")
        try terminal.run(":save kept.quarry", shows: "changes from now on are saved there")
        try terminal.run("CREATE (:N);", shows: "Created 1 node")
        terminal.send(PseudoTerminal.ctrlD)
        #expect(terminal.waitForExit() == 0)
        let read = try sandbox.quarry("kept.quarry", "--format", "csv", "-c", "MATCH (n:N) RETURN count(*) AS n")
        #expect(read.lines == ["n", "2"])
    }

    @Test func resultsThatCannotBeWrittenEndTheScriptWithOneLine() throws {
        let full = Process()
        full.executableURL = URL(fileURLWithPath: QuarryBinary.path)
        full.arguments = ["--empty", "-c", "RETURN 1; RETURN 2"]
        full.environment = sandbox.environment()
        full.standardOutput = FileHandle(forWritingAtPath: "/dev/full")
        let errors = Pipe()
        full.standardError = errors
        try full.run()
        full.waitUntilExit()
        let text = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(full.terminationStatus == 1)
        #expect(text == "quarry: the results cannot be written: standard output: disk full\n")
    }
}
