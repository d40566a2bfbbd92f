import Foundation
import Testing

/// Inputs that once hung, crashed or silently misbehaved: FIFOs, scripts that run themselves,
/// bad bytes, closed pipes, history files that are links, devices as output files.
@Suite(.serialized)
struct HardeningTests {
    let sandbox = Sandbox()

    func fifo(_ name: String) -> String {
        let path = sandbox.root + "/" + name
        mkfifo(path, 0o644)
        return path
    }

    /// A FIFO given where a file is read is refused before it is opened (opening would wait for a
    /// writer forever).
    @Test func fifosAreRefusedNotRead() throws {
        _ = fifo("pipe.csv")
        _ = fifo("pipe.cypher")
        _ = fifo("pipe.jsonl")
        for (arguments, message) in [
            (["-c", "LOAD CSV FROM 'pipe.csv' AS r RETURN r"], "pipe.csv: is a FIFO (named pipe), not a file"),
            (["-c", ":run pipe.cypher"], "pipe.cypher: is a FIFO (named pipe), not a file"),
            (["-c", ":import pipe.jsonl"], "pipe.jsonl: is a FIFO (named pipe), not a file"),
        ] {
            let run = try sandbox.quarry(arguments: ["--empty"] + arguments)
            #expect(run.status == 1 && run.stderr.contains(message), "\(arguments): \(run.stderr)")
        }
    }

    @Test func scriptsThatRunThemselvesStop() throws {
        sandbox.write("self.cypher", "RETURN 1 AS one;\n:run self.cypher\n")
        sandbox.write("ping.cypher", ":run pong.cypher\n")
        sandbox.write("pong.cypher", ":run ping.cypher\n")
        for script in ["self.cypher", "ping.cypher"] {
            let run = try sandbox.quarry("--empty", "--format", "csv", script)
            #expect(run.status == 1)
            #expect(run.stderr.contains("scripts run each other more than 64 deep (does one run itself?)"), "\(run.stderr.prefix(300))")
        }
    }

    /// A crash (here a signal sent from outside, as a fault would raise it) shows one line, never
    /// Swift's backtrace, and ends the process by that signal. Also a signal arriving while a
    /// script is read from a pipe does not trap the read.
    @Test(arguments: [SIGSEGV, SIGABRT, SIGILL, SIGBUS])
    func aCrashIsOneLineWithoutABacktrace(_ signal: Int32) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: QuarryBinary.path)
        process.arguments = ["--empty"]
        process.environment = sandbox.environment()
        let input = Pipe(), errors = Pipe()
        process.standardInput = input
        process.standardOutput = FileHandle.nullDevice
        process.standardError = errors
        try process.run()
        // The script is still being read from the pipe when the signal comes.
        usleep(500_000)
        kill(process.processIdentifier, signal)
        let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        try? input.fileHandleForWriting.close()
        #expect(process.terminationReason == .uncaughtSignal && process.terminationStatus == signal)
        #expect(stderr.contains("quarry: internal error (SIG") && stderr.contains("this is a bug in Quarry"), "\(stderr)")
        #expect(!stderr.contains("Backtrac") && !stderr.contains("Press space") && !stderr.contains("Fatal error"), "\(stderr)")
    }

    @Test func aScriptThatIsNotUTF8SaysWhere() throws {
        let path = sandbox.root + "/bad.cypher"
        _ = FileManager.default.createFile(atPath: path, contents: Data([0x52, 0x45, 0x54, 0x55, 0x52, 0x4E, 0x20, 0x31, 0x3B, 0x0A, 0x2F, 0x2F, 0x20, 0xC3, 0xA9, 0xFF, 0x0A]))
        let run = try sandbox.quarry("--empty", "bad.cypher")
        #expect(run.status == 2)
        #expect(run.stderr == "quarry: bad.cypher: is not UTF-8 text: byte 0xFF at line 2, column 5\n")
    }

    @Test func aClosedPipeEndsTheScriptWithOneLine() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: QuarryBinary.path)
        process.arguments = ["--empty", "-c", "UNWIND range(1, 200000) AS i RETURN i"]
        process.environment = sandbox.environment()
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        // Read a little, then close the reading end: the writer gets EPIPE (SIGPIPE is ignored here).
        _ = output.fileHandleForReading.readData(ofLength: 100)
        try output.fileHandleForReading.close()
        process.waitUntilExit()
        let text = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(process.terminationStatus == 1)
        #expect(text == "quarry: the results cannot be written: standard output: the reader closed the pipe\n")
    }

    @Test func aHistoryFileThatIsALinkIsLeftAlone() throws {
        let target = sandbox.write("precious.txt", (1...3000).map { "line \($0)" }.joined(separator: "\n") + "\n")
        try FileManager.default.createDirectory(atPath: sandbox.root + "/state/quarry", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: sandbox.historyFile, withDestinationPath: target)
        let before = try String(contentsOfFile: target, encoding: .utf8)
        var info = stat()
        _ = stat(target, &info)
        let mode = info.st_mode
        let terminal = try PseudoTerminal(sandbox, ["--empty"])
        try terminal.expect("is a symbolic link; this session's history is not kept")
        try terminal.expect("quarry> ")
        try terminal.run("RETURN 1;", shows: "1 row")
        terminal.send(PseudoTerminal.ctrlD)
        #expect(terminal.waitForExit() == 0)
        let after = try String(contentsOfFile: target, encoding: .utf8)
        #expect(after == before)
        #expect(stat(target, &info) == 0 && info.st_mode == mode, "the target's mode is kept")
    }

    /// `:output` and `:export` write through devices and FIFOs, keep a file's mode, and replace a
    /// symbolic link's target, not the link.
    @Test func outputFilesKeepWhatTheyAre() throws {
        let kept = sandbox.write("kept.txt", "old\n")
        chmod(kept, 0o600)
        let target = sandbox.write("target.txt", "old\n")
        try FileManager.default.createSymbolicLink(atPath: sandbox.root + "/link.txt", withDestinationPath: target)
        let run = try sandbox.quarry("--empty", "--format", "csv", stdin: """
            :output kept.txt
            RETURN 1 AS a;
            :output link.txt
            RETURN 2 AS b;
            :output /dev/null
            RETURN 3 AS c;
            :output
            :export jsonl /dev/null
            """)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(sandbox.read("kept.txt") == "a\n1\n")
        var info = stat()
        #expect(stat(kept, &info) == 0 && info.st_mode & 0o777 == 0o600)
        #expect(sandbox.read("target.txt") == "b\n2\n")
        #expect(lstat(sandbox.root + "/link.txt", &info) == 0 && info.st_mode & S_IFMT == S_IFLNK)
        #expect(stat("/dev/null", &info) == 0 && info.st_mode & S_IFMT == S_IFCHR, "/dev/null is still a device")
    }
}
