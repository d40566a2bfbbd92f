import ArgumentParser
import Foundation
import QuarryEngine
import QuarrySpark
import QuarryShell
import Synchronization

@main
struct Quarry: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "quarry",
        abstract: "Explore a graph of actors, places, events and companies with Cypher.",
        discussion: """
        With no script, quarry opens an interactive shell on the default dataset (\(DatasetLocator.defaultName)).

        Examples:
          quarry                                   interactive shell (:help inside)
          quarry -c "MATCH (a:Actor) RETURN a.name"
          quarry questions.cypher                  run a script and exit (-i: stay in the shell)
          quarry --empty --format jsonl < s.cypher machine-readable output
          quarry --import bench/data/S             start from a folder of CSV files
          quarry --param who="'ISIS-K'" -c "MATCH (a:Actor {name: \\$who}) RETURN a"
        """,
        version: "quarry 0.1.0")

    @Option(name: .shortAndLong, help: "Run a query (or several, separated by ';'; repeatable, run in order before any script) and exit.")
    var command: [String] = []

    @Option(name: .short, help: "Run a script file (repeatable).")
    var file: [String] = []

    @Argument(help: "Script files to run.")
    var scripts: [String] = []

    @Flag(name: .short, help: "Stay in the interactive shell after the scripts.")
    var interactive = false

    @Option(help: "Output format: table, csv, tsv, json, jsonl, markdown (default: table).")
    var format: String?

    @Option(name: .customLong("param"), help: ArgumentHelp("Set a parameter: name=value, the value a literal of the language (repeatable).", valueName: "name=value"))
    var parameterAssignments: [String] = []

    @Option(help: "Parameters as a JSON object.")
    var params: String?

    @Option(help: "Dataset to open: a name in datasets/ or a folder with load.cypher.")
    var dataset: String?

    @Flag(help: "Start from an empty graph.")
    var empty = false

    @Option(name: .customLong("import"), help: ArgumentHelp("Start from a folder of CSV files (neo4j-admin import layout) or an exported .jsonl, .graphml or .dot file.", valueName: "path"))
    var importDirectory: String?

    @Flag(inversion: .prefixedNo, help: "Stop a script at its first error.")
    var bail = true

    @Flag(help: "Print each statement before running it.")
    var echo = false

    @Flag(name: .customLong("no-rc"), help: "Do not run ~/.quarryrc at start.")
    var noRC = false

    @Flag(help: "Show how long each statement took.")
    var timing = false

    // `.unconditional`: `--max-rows -1` is a bad value to explain, not a missing one.
    @Option(parsing: .unconditional, help: "Show at most N rows in a table (default 1000 on a terminal; 0: all).")
    var maxRows: Int?

    @Option(name: .customLong("db"), help: ArgumentHelp("Open a graph file (created when absent); every change is saved to it as it is made. Also: a script argument ending in .quarry.", valueName: "file"))
    var databasePath: String?

    @Flag(name: .customLong("read-only"), help: "Open the graph file without changing it (allowed while another quarry writes to it).")
    var readOnly = false

    @Option(help: ArgumentHelp("Check a graph file and its journal, report what is wrong, and exit.", valueName: "file"))
    var check: String?

    @Option(name: .customLong("memory-limit"), parsing: .unconditional, help: ArgumentHelp("Stop a statement that takes the process past this much memory: 4G, 512M, 75% (of physical memory) or off (default: 75%).", valueName: "size"))
    var memoryLimit: String?

    @Option(parsing: .unconditional, help: ArgumentHelp("Stop a statement that runs longer: 30, 30s, 500ms, 5m or off (default: off).", valueName: "time"))
    var timeout: String?

    @Option(help: ArgumentHelp("Run statements on a Spark Connect server (read-only), over the CSV folder --graph names.", valueName: "sc://host:port"))
    var engine: String?

    @Option(help: ArgumentHelp("With --engine: the folder of CSV files in the neo4j-admin layout, at a path the cluster reads too.", valueName: "dir"))
    var graph: String?

    /// Parses the flags; a usage error is one line on standard error and exit status 2.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                if let reason = StandardStream.output(fullMessage(for: error) + "\n") {
                    StandardStream.error("quarry: the help cannot be written: \(reason)\n")
                    Glibc.exit(1)
                }
                Glibc.exit(0)
            }
            if let exitCode = error as? ExitCode { Glibc.exit(exitCode.rawValue) }
            let first = message(for: error).split(separator: "\n").first.map(String.init) ?? "bad arguments"
            let text = first.hasPrefix("Error: ") ? String(first.dropFirst(7)) : first
            StandardStream.error("quarry: \(text) (quarry --help lists the options)\n")
            Glibc.exit(2)
        }
    }

    mutating func run() throws {
        let options = self
        let status = Mutex<Int32>(0)
        let done = DispatchSemaphore(value: 0)
        // A signal mask inherited from the parent would hold back Ctrl-C, the leaving signals
        // and crash reports: start from none blocked.
        var none = sigset_t()
        sigemptyset(&none)
        pthread_sigmask(SIG_SETMASK, &none, nil)
        // Ctrl-C must reach the worker (readline re-raises it to the process): the main thread,
        // which only waits, blocks it, and the worker unblocks it.
        var interrupt = sigset_t()
        sigemptyset(&interrupt)
        sigaddset(&interrupt, SIGINT)
        pthread_sigmask(SIG_BLOCK, &interrupt, nil)
        CrashReport.install()
        // Deeply nested queries recurse: give the work a large stack.
        let worker = Thread {
            CrashReport.prepareThread()
            var unblock = sigset_t()
            sigemptyset(&unblock)
            sigaddset(&unblock, SIGINT)
            pthread_sigmask(SIG_UNBLOCK, &unblock, nil)
            let code = options.execute()
            status.withLock { $0 = code }
            done.signal()
        }
        worker.stackSize = 1 << 29
        worker.start()
        done.wait()
        let code = status.withLock { $0 }
        if code != 0 { throw ExitCode(code) }
    }

    func fail(_ message: String) -> Int32 {
        StandardStream.error("quarry: " + message + "\n")
        return 2
    }

    func execute() -> Int32 {
        guard let outputFormat = OutputFormat(rawValue: (format ?? "table").lowercased()) else {
            return fail("unknown format '\(format ?? "")' (choose from \(OutputFormat.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
        let terminalInput = isatty(0) != 0
        let session = Session(database: Database(), format: outputFormat)
        session.terminal = TerminalStyle.detect()
        session.maxRows = maxRows.map { $0 == 0 ? nil : $0 } ?? (session.terminal == nil ? nil : 1000)
        session.bail = bail
        session.echo = echo
        session.timing = timing
        if let params {
            do {
                guard case .map(let m) = try JSONValueReader.parse(params, strict: true) else { return fail("--params needs a JSON object") }
                session.parameters = m
            } catch {
                return fail("--params: \(error.message)")
            }
        }
        for assignment in parameterAssignments {
            guard let eq = assignment.firstIndex(of: "="), !assignment[..<eq].isEmpty else {
                return fail("--param needs name=value, got '\(assignment)'")
            }
            do {
                session.parameters[String(assignment[..<eq])] = try Session.evaluate(
                    String(assignment[assignment.index(after: eq)...]), in: session.database, parameters: session.parameters)
            } catch {
                return fail("--param \(assignment): \(error.description)")
            }
        }
        if let check { return GraphFileCheck.run(check) }
        if let maxRows, maxRows < 0 { return fail("--max-rows: '\(maxRows)' is not a number of rows (0 or more; 0 shows all)") }
        if let memoryLimit {
            guard let bytes = LimitSettings.memory(memoryLimit) else { return fail("--memory-limit: '\(memoryLimit)' is not a size (say 4G, 512M, 75% or off)") }
            session.database.limits.memoryBytes = bytes
        }
        if let timeout {
            guard let seconds = LimitSettings.seconds(timeout) else { return fail("--timeout: '\(timeout)' is not a time (say 30, 30s, 500ms, 5m or off)") }
            session.database.limits.seconds = seconds
        }
        let graphFiles = scripts.filter { $0.hasSuffix(".quarry") } + (databasePath.map { [$0] } ?? [])
        guard graphFiles.count <= 1 else { return fail("one graph file at a time (got \(graphFiles.joined(separator: ", ")))") }
        if readOnly && graphFiles.isEmpty { return fail("--read-only needs a graph file (--db FILE)") }
        if let path = graphFiles.first {
            guard session.openGraphFile(path, readOnly: readOnly) else { return 2 }
        }
        if (engine == nil) != (graph == nil) { return fail("--engine and --graph go together: --engine sc://HOST:PORT --graph DIR") }
        if let engine, let graph {
            do {
                session.spark = try SparkEngine(url: engine, graph: graph, cancellation: session.interrupt)
            } catch {
                return fail(error.message)
            }
        }
        let datasetName = dataset ?? DatasetLocator.defaultName
        if session.spark != nil {
            // The graph is the folder Spark reads: nothing to load in memory.
        } else if let importDirectory {
            guard session.importDirectory(importDirectory) else { return 2 }
        } else if !empty && (graphFiles.isEmpty || dataset != nil) {
            guard session.loadDataset(datasetName) else { return DatasetLocator.find(datasetName) == nil ? 2 : 1 }
        }
        if !noRC, let rc = try? String(contentsOfFile: REPL.homeDirectory + "/.quarryrc", encoding: .utf8) {
            session.run(script: rc, name: "~/.quarryrc")
        }
        let files = file + scripts.filter { !$0.hasSuffix(".quarry") }
        defer { session.finish() }
        var status: Int32 = 0
        session.groupsCommits = true
        for text in command where status == 0 || !bail {
            if !session.run(script: text, name: "-c") { status = 1 }
        }
        if !files.isEmpty {
            for path in files where status == 0 || !bail {
                let text: String
                do {
                    text = try InputFile.text(path, pipes: true)
                } catch {
                    return fail(error.message)
                }
                if !session.run(script: text, name: path) { status = 1 }
            }
        } else if command.isEmpty && !terminalInput {
            do {
                status = session.run(script: try InputFile.standardInput(), name: "<stdin>") ? 0 : 1
            } catch {
                return fail(error.message)
            }
        }
        session.groupsCommits = false
        let scripted = !command.isEmpty || !files.isEmpty || !terminalInput
        guard !scripted || (interactive && terminalInput) else { return status }
        let loaded = importDirectory ?? (empty ? "empty graph" : !graphFiles.isEmpty && dataset == nil ? nil : datasetName)
        let origin = loaded.map { "\($0), " } ?? ""
        StandardStream.output("Quarry 0.1.0 · \(origin)\(session.storageDescription): \(session.graphSummary) · :help for help, Ctrl-D to leave\n")
        return REPL(session: session, historyPath: REPL.defaultHistoryPath).run()
    }
}
