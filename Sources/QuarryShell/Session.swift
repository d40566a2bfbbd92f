import Foundation
import QuarryEngine
import QuarrySpark

/// What the shell and the script runner share: the database, parameters and display settings,
/// and the running of statements and meta-commands with their errors reported in place.
public final class Session {
    public let database: Database
    /// Set by `--engine sc://...` or `:engine`: statements run on Spark, over its graph folder.
    public var spark: SparkEngine?
    public var parameters: [String: Value] = [:]
    public var format: OutputFormat
    public var timing = false
    public var echo = false
    public var bail = true
    public var maxRows: Int?
    /// Tables: records one at a time always, never, or when a table would not fit the terminal.
    public var expanded = ExpandedMode.auto
    /// Tables: a node with a name as `(:Actor 'ISIS-K')` (`:nodes full` shows its properties).
    public var compactNodes = true
    /// Colour, cut cells to the terminal width: only when the output is a terminal.
    public var terminal: TerminalStyle?
    /// Set by Ctrl-C while an interactive statement runs.
    public var interrupt: CancellationFlag { interruptFlag }
    /// Results go here: standard output, or a file after `:output FILE`.
    public var output: (String) -> Void = { _ in }
    public var errorOutput: (String) -> Void = { StandardStream.error($0) }
    /// The file of `:output FILE`: put in place of the old one when output goes elsewhere.
    var outputFile: PendingFile?
    /// Why results could not be written (a full disk, a closed pipe); reported once, and a
    /// script stops there.
    var outputFailure: String?
    /// Results of statements journaled but not yet synced, shown once they are on the disk
    /// (`Database.groupsCommits`), with when the first was held and how many statements wait.
    var heldOutput = ""
    var heldSince: UInt64 = 0
    var heldStatements = 0
    /// Asks yes or no on a terminal (`:clear`); nil in scripts, where the answer is yes.
    var confirm: ((String) -> Bool)?
    /// `:hints`: say why a statement found nothing.
    public var hints = true
    /// Set in the session that runs a dataset's `load.cypher`: commands that write are refused.
    var runsDataset = false
    /// Set by `:quit`.
    public internal(set) var quitRequested = false
    /// The statements of this session, for `:history` (the last 2,000 or so).
    var history: [String] = []
    static let historyLimit = 2_000
    /// The folder of the script running now: `:run` paths inside a script are relative to it.
    var scriptDirectory: String?
    /// How many `:run`s deep the script running now is.
    var runDepth = 0

    public init(database: Database, format: OutputFormat) {
        self.database = database
        self.format = format
        output = { [unowned self] in self.send($0) }
    }

    /// Writes results to the `:output` file or standard output, noting the first failure.
    func send(_ text: String) {
        guard outputFailure == nil else { return }
        if let file = outputFile {
            do {
                try file.append(text)
            } catch {
                outputFailure = error.message
                file.abandon()
                outputFile = nil
            }
        } else if let reason = StandardStream.output(text) {
            outputFailure = "standard output: \(reason)"
        }
    }

    /// Reports a failure to write results; true when there was one.
    func reportOutputFailure() -> Bool {
        guard let failure = outputFailure else { return false }
        outputFailure = nil
        errorOutput("quarry: the results cannot be written: \(failure)\n")
        return true
    }

    /// Runs a script's statements and meta-commands; false if one failed.
    @discardableResult
    public func run(script: String, name: String?) -> Bool {
        let items: [ScriptReader.Item]
        do {
            items = try ScriptReader.items(script)
        } catch {
            errorOutput(error.rendered(in: script, file: name) + "\n")
            return false
        }
        let outerDirectory = scriptDirectory
        if let name, FileManager.default.fileExists(atPath: name) {
            scriptDirectory = (name as NSString).deletingLastPathComponent
        }
        defer { scriptDirectory = outerDirectory }
        var ok = true
        // A script's end shows what its last statements' results were waiting for.
        defer { settle() }
        for item in items where !quitRequested {
            let succeeded: Bool
            switch item {
            case .statement(let text, let offset):
                succeeded = execute(text, source: script, name: name, offset: offset)
            case .meta(let line, let offset):
                settle()
                if echo { output(line + "\n") }
                succeeded = runMeta(line, source: script, name: name, offset: offset)
            }
            if reportOutputFailure() { return false }
            if !succeeded {
                ok = false
                if bail { return false }
            }
        }
        return ok
    }

    /// Runs one statement; `source`, `name` and `offset` place its errors in the script.
    @discardableResult
    public func execute(_ text: String, source: String, name: String?, offset: Int) -> Bool {
        if echo { output(text + ";\n") }
        history.append(text)
        if history.count > 2 * Session.historyLimit { history.removeFirst(history.count - Session.historyLimit) }
        interrupt.clear()
        // A Ctrl-C while the statement ran was for the statement; one after it is for the prompt.
        defer { interrupt.clear() }
        let started = DispatchTime.now().uptimeNanoseconds
        do {
            let result = try Signals.duringStatement { () throws(QueryError) in
                if let spark {
                    return try spark.execute(text, parameters: parameters, cancellation: interrupt, timeout: database.limits.seconds,
                                             memoryLimit: database.limits.memoryBytes)
                }
                return try database.execute(text, parameters: parameters, cancellation: interrupt)
            }
            let elapsed = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e6
            // Warnings come after the results still held for earlier statements.
            if !result.notices.isEmpty { settle() }
            // Hints are for a reader: never with a machine format (csv, tsv, json, jsonl).
            let showHints = hints && (format == .table || format == .markdown)
            for notice in result.notices where showHints || !notice.isHint {
                errorOutput(notice.rendered(in: source, file: name, baseOffset: offset) + "\n")
            }
            present(result, milliseconds: elapsed)
            settleIfDue()
            return true
        } catch where error.errorClass == .cancelled {
            settle()
            errorOutput("\nCancelled: the statement was stopped and the graph is as it was before it.\n")
            return false
        } catch {
            settle()
            errorOutput(render(error, source: source, name: name, offset: offset) + "\n")
            return false
        }
    }

    func render(_ error: QueryError, source: String, name: String?, offset: Int) -> String {
        let text = error.rendered(in: source, file: name, baseOffset: offset)
        guard let style = terminal, style.colors else { return text }
        return style.red(text)
    }

    func present(_ result: QueryResult, milliseconds: Double) {
        // Messages (schema commands, plans) read best as text; machine formats keep the rows.
        if let message = result.message, result.columns.isEmpty || format == .table {
            if format == .jsonl { show(ResultWriter(format: .jsonl).render(result)) } else { show(message + "\n") }
            return
        }
        var writer = ResultWriter(format: format, maxRows: maxRows)
        writer.expanded = expanded
        writer.compactNodes = compactNodes
        // A file named by :output gets plain text: no colours, no cutting to the screen's width.
        writer.terminal = outputFile == nil ? terminal : nil
        if result.columns.isEmpty && format != .jsonl {
            if format == .table {
                show(Session.describe(result.statistics) + (timing ? String(format: ", %.1f ms", milliseconds) : "") + "\n")
            }
            return
        }
        guard writer.write(result, to: show, cancelled: { interrupt.isCancelled }) else {
            errorOutput("\nCancelled: printing was stopped (the statement had finished; the graph is as it left it).\n")
            return
        }
        if format == .table {
            var footer = "\(result.rows.count) row\(result.rows.count == 1 ? "" : "s")"
            if !result.statistics.isEmpty { footer += "; " + Session.describe(result.statistics) }
            if timing { footer += String(format: ", %.1f ms", milliseconds) }
            show(footer + "\n")
        }
    }

    /// `Created 2 nodes, set 5 properties`.
    static func describe(_ s: WriteStatistics) -> String {
        let parts: [(Int, String, String)] = [
            (s.nodesCreated, "created", "node"), (s.relationshipsCreated, "created", "relationship"),
            (s.propertiesSet, "set", "property"), (s.labelsAdded, "added", "label"),
            (s.labelsRemoved, "removed", "label"), (s.nodesDeleted, "deleted", "node"),
            (s.relationshipsDeleted, "deleted", "relationship"),
        ]
        let said = parts.filter { $0.0 > 0 }.map { n, verb, noun in
            "\(verb) \(n) \(n == 1 ? noun : noun == "property" ? "properties" : noun + "s")"
        }
        guard let first = said.first else { return "No changes" }
        return ([first.prefix(1).uppercased() + first.dropFirst()] + said.dropFirst()).joined(separator: ", ")
    }

    /// A path as the user meant it: inside a script, relative to the script's folder.
    func resolve(_ path: String) -> String {
        guard !path.hasPrefix("/"), let dir = scriptDirectory, !dir.isEmpty else { return path }
        return (dir as NSString).appendingPathComponent(path)
    }

    /// Sends results to a file from now on (`:output FILE`), or back to standard output. The
    /// file replaces the old one only when output moves elsewhere, so a failure leaves it intact.
    func redirect(to path: String?) throws(QueryError) {
        if let file = outputFile {
            outputFile = nil
            try file.commit()
        }
        guard let path else { return }
        outputFile = try PendingFile(path)
    }
}
