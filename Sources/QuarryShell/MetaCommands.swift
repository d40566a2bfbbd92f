import Foundation
import QuarryEngine

/// A shell command starting with `:`. Works in the REPL and in scripts.
struct MetaCommand: Sendable {
    let name: String
    let arguments: String
    let summary: String
    /// Runs with the text after the name; returns an error message, or nil.
    let run: @Sendable (Session, String) -> String?
}

/// Why a shell command could not do its work, as the shell says it.
struct CommandProblem: Error {
    let message: String
}

extension Session {
    /// Every command: these, then the analyst's (`entityCommands`).
    static let metaCommands = coreCommands + entityCommands

    static let coreCommands: [MetaCommand] = [
        MetaCommand(name: "help", arguments: "[NAME|functions|procedures]", summary: "list the commands, explain one, or list the functions or procedures") { s, arg in s.help(arg) },
        MetaCommand(name: "quit", arguments: "", summary: "leave quarry (also Ctrl-D)") { s, _ in
            s.quitRequested = true
            return nil
        },
        MetaCommand(name: "run", arguments: "FILE", summary: "run a script of statements and commands") { s, arg in
            guard !arg.isEmpty else { return "usage: :run FILE" }
            return s.runScript(s.resolve(arg))
        },
        MetaCommand(name: "load", arguments: "NAME|PATH", summary: "replace the graph with a dataset") { s, arg in
            guard !arg.isEmpty else { return "usage: :load NAME|PATH (datasets: \(DatasetLocator.available().joined(separator: ", ")))" }
            guard s.mayReplaceGraph() else { return nil }
            guard s.loadDataset(arg) else { return "" }
            s.output("Loaded \(arg): \(s.graphSummary).\n")
            return nil
        },
        MetaCommand(name: "import", arguments: "DIR", summary: "replace the graph with a CSV folder (neo4j-admin layout) or an exported .jsonl, .graphml or .dot file") { s, arg in
            guard !arg.isEmpty else { return "usage: :import DIR|FILE.jsonl|FILE.graphml|FILE.dot" }
            guard s.mayReplaceGraph() else { return nil }
            guard s.importDirectory(s.resolve(arg)) else { return "" }
            s.output("Imported \(arg): \(s.graphSummary).\n")
            return nil
        },
        MetaCommand(name: "export", arguments: "FORMAT FILE [QUERY]",
                    summary: "write the graph, or what a query returns: cypher, csv (a folder), jsonl, graphml, dot") { s, arg in
            s.export(arg)
        },
        MetaCommand(name: "engine", arguments: "[memory|sc://HOST:PORT DIR]",
                    summary: "where statements run: in memory, or on a Spark Connect server over a CSV folder (read-only)") { s, arg in
            s.switchEngine(arg)
        },
        MetaCommand(name: "spark", arguments: "[convert]",
                    summary: "on Spark: where each file is read from; convert writes Parquet copies of the CSV files for later sessions") { s, arg in
            s.sparkCommand(arg)
        },
        MetaCommand(name: "schema", arguments: "", summary: "labels, relationship types, property keys, indexes and patterns with counts") { s, _ in
            s.output(SchemaReport(graph: s.database.graph).text)
            return nil
        },
        MetaCommand(name: "format", arguments: "MODE", summary: "output format: table, csv, tsv, json, jsonl, markdown") { s, arg in
            guard let f = OutputFormat(rawValue: arg.lowercased()) else {
                return "usage: :format \(OutputFormat.allCases.map(\.rawValue).joined(separator: "|")) (now \(s.format.rawValue))"
            }
            s.format = f
            return nil
        },
        MetaCommand(name: "timing", arguments: "on|off", summary: "show how long each statement took") { s, arg in
            s.toggle(arg, "timing") { s.timing = $0 }
        },
        MetaCommand(name: "echo", arguments: "on|off", summary: "print each statement before running it") { s, arg in
            s.toggle(arg, "echo") { s.echo = $0 }
        },
        MetaCommand(name: "bail", arguments: "on|off", summary: "stop a script at its first error") { s, arg in
            s.toggle(arg, "bail") { s.bail = $0 }
        },
        MetaCommand(name: "hints", arguments: "on|off", summary: "say why a statement found nothing (a value not in the graph)") { s, arg in
            s.toggle(arg, "hints") { s.hints = $0 }
        },
        MetaCommand(name: "expanded", arguments: "on|off|auto",
                    summary: "show table rows one record at a time, a line per column (auto: when a table would not fit)") { s, arg in
            guard let mode = ExpandedMode(rawValue: arg.lowercased()) else { return "usage: :expanded on|off|auto (now \(s.expanded.rawValue))" }
            s.expanded = mode
            return nil
        },
        MetaCommand(name: "nodes", arguments: "compact|full",
                    summary: "nodes in tables by label and name, (:Actor 'ISIS-K'), or with all their properties") { s, arg in
            switch arg.lowercased() {
            case "compact": s.compactNodes = true
            case "full": s.compactNodes = false
            default: return "usage: :nodes compact|full (now \(s.compactNodes ? "compact" : "full"))"
            }
            return nil
        },
        MetaCommand(name: "max-rows", arguments: "N", summary: "show at most N rows in a table (0: all)") { s, arg in
            guard let n = Int(arg), n >= 0 else { return "usage: :max-rows N" }
            s.maxRows = n == 0 ? nil : n
            return nil
        },
        MetaCommand(name: "set", arguments: "[memory-limit SIZE|timeout SECONDS]",
                    summary: "show or change what a statement may use before it is stopped (off: no limit)") { s, arg in
            s.set(arg)
        },
        MetaCommand(name: "param", arguments: "NAME => VALUE", summary: "set a parameter ($NAME) to the value of an expression") { s, arg in
            s.setParameter(arg)
        },
        MetaCommand(name: "params", arguments: "[clear]", summary: "list the parameters, or clear them") { s, arg in
            if arg == "clear" {
                s.parameters = [:]
                return nil
            }
            guard arg.isEmpty else { return "usage: :params [clear]" }
            let r = ValueRenderer(elements: ResultElements())
            for (name, value) in s.parameters.sorted(by: { $0.key < $1.key }) { s.output(":param \(name) => \(r.cypher(value))\n") }
            if s.parameters.isEmpty { s.output("No parameters (set one with :param name => value).\n") }
            return nil
        },
        MetaCommand(name: "output", arguments: "[FILE]", summary: "send results to a file, or back to the screen") { s, arg in
            s.redirectOutput(arg)
        },
        MetaCommand(name: "history", arguments: "[FILE]", summary: "the statements run in this session, or write them to FILE as a script") { s, arg in
            guard arg.isEmpty else {
                do throws(QueryError) {
                    try AtomicFile.write(s.resolve(arg), text: s.history.map { $0 + ";\n" }.joined())
                } catch {
                    return error.message
                }
                s.output("Wrote \(s.history.count) statement\(s.history.count == 1 ? "" : "s") to \(arg).\n")
                return nil
            }
            for (i, h) in s.history.enumerated() { s.output("\(i + 1)  \(h.replacingOccurrences(of: "\n", with: " "))\n") }
            return nil
        },
        MetaCommand(name: "clear", arguments: "", summary: "empty the graph (asks first on a terminal)") { s, _ in
            s.clearGraph()
        },
        MetaCommand(name: "undo", arguments: "", summary: "take back the last statement that changed the graph") { s, arg in
            guard arg.isEmpty else { return "usage: :undo (it takes back the last statement that changed the graph)" }
            let undone: UndoneStatement?
            do throws(QueryError) {
                undone = try s.database.undoLastWrite()
            } catch {
                return error.message
            }
            guard let undone else {
                s.output("Nothing to take back: no statement has changed the graph since it was loaded, opened or last undone.\n")
                return nil
            }
            let line = undone.text.split(whereSeparator: \.isNewline).first.map(String.init)?.trimmingWhitespace ?? ""
            let shown = line.count > 60 ? String(line.prefix(59)) + "…" : line
            let did = Session.describe(undone.statistics)
            s.output("Took back \(shown) (it had \(did.prefix(1).lowercased() + did.dropFirst())).\n")
            return nil
        },
        MetaCommand(name: "open", arguments: "FILE [read-only]",
                    summary: "open a graph file (created when absent); changes are saved to it as they are made") { s, arg in
            s.openGraphFile(arg)
        },
        MetaCommand(name: "save", arguments: "[FILE]",
                    summary: "save the graph to its file, or to a new file that the session then uses") { s, arg in
            s.saveGraph(arg)
        },
    ]

    static func metaCommand(_ name: String) -> MetaCommand? {
        let n = name.lowercased()
        if n == "exit" || n == "q" { return metaCommands.first { $0.name == "quit" } }
        return metaCommands.first { $0.name == n }
    }

    /// Runs `:name args`; errors are placed in the script like query errors.
    func runMeta(_ line: String, source: String, name: String?, offset: Int) -> Bool {
        let body = line.trimmingWhitespace.dropFirst()
        let word = String(body.prefix { !$0.isWhitespace })
        let argument = String(body.dropFirst(word.count)).trimmingWhitespace
        let column = source.utf8.count > offset ? SourceRange(offset, offset + line.utf8.count) : nil
        guard let command = Session.metaCommand(word) else {
            let hint = closestCommand(word).map { " (did you mean :\($0)?)" } ?? ""
            errorOutput(SourceDisplay.render("error: unknown command :\(word)\(hint); :help lists the commands",
                                             range: column, in: source, file: name, baseOffset: 0) + "\n")
            return false
        }
        if runsDataset, let refusal = datasetRefusal(command, argument) {
            errorOutput(SourceDisplay.render("error: \(refusal)", range: column, in: source, file: name, baseOffset: 0) + "\n")
            return false
        }
        // Ctrl-C stops what the command runs (an export's query, an import, a :param expression).
        interrupt.clear()
        defer { interrupt.clear() }
        if let problem = Signals.duringStatement({ command.run(self, argument) }) {
            if !problem.isEmpty {
                errorOutput(SourceDisplay.render("error: \(problem)", range: column, in: source, file: name, baseOffset: 0) + "\n")
            }
            return false
        }
        return true
    }

    /// The commands a dataset's `load.cypher` may use: none that writes a file or leaves the
    /// session, and, for a dataset confined to its folder, `:run` and `:import` only there.
    static let datasetCommands: Set<String> = ["help", "run", "import", "schema", "format", "timing", "echo", "bail", "hints", "expanded", "nodes", "max-rows", "set", "param", "params"]

    func datasetRefusal(_ command: MetaCommand, _ argument: String) -> String? {
        guard Session.datasetCommands.contains(command.name) else {
            return ":\(command.name) is not allowed in a dataset's script (a dataset reads its own folder and writes nothing)"
        }
        if let folder = database.confinedTo, command.name == "run" || command.name == "import", !argument.isEmpty,
           !FolderConfinement.contains(folder, resolve(argument)) {
            return "\(argument) is outside the dataset's folder: a dataset reads only its own files"
        }
        return nil
    }

    func closestCommand(_ word: String) -> String? {
        closestName(to: word, in: Session.metaCommands.map(\.name))
    }

    func toggle(_ arg: String, _ what: String, _ set: (Bool) -> Void) -> String? {
        switch arg.lowercased() {
        case "on": set(true)
        case "off": set(false)
        default: return "usage: :\(what) on|off"
        }
        return nil
    }

    /// `:param name => expression` (also `name: expression` and `name = expression`).
    func setParameter(_ arg: String) -> String? {
        let separators = ["=>", ":", "="]
        guard let sep = separators.compactMap({ arg.range(of: $0) }).min(by: { $0.lowerBound < $1.lowerBound }) else {
            return "usage: :param name => value"
        }
        let name = arg[..<sep.lowerBound].trimmingWhitespace.trimmingCharacters(in: CharacterSet(charactersIn: "$"))
        let expression = String(arg[sep.upperBound...]).trimmingWhitespace
        guard !name.isEmpty, !expression.isEmpty else { return "usage: :param name => value" }
        do {
            parameters[name] = try Session.evaluate(expression, in: database, parameters: parameters, cancellation: interrupt)
            return nil
        } catch {
            return error.description
        }
    }

    /// The value of a constant expression (`--param`, `:param`).
    public static func evaluate(_ expression: String, in database: Database, parameters: [String: Value],
                                cancellation: CancellationFlag? = nil) throws(QueryError) -> Value {
        try Parser.checkExpression(expression)
        let result = try database.execute("RETURN " + expression + " AS value", parameters: parameters, cancellation: cancellation)
        return result.rows.first?.first ?? .null
    }

    func help(_ arg: String) -> String? {
        switch arg.lowercased() {
        case "functions":
            var text = "Functions (CALL dbms.functions() gives them as rows):\n"
            for f in FunctionCatalog.entries.values.sorted(by: { $0.name.lowercased() < $1.name.lowercased() }) {
                let head = f.signature + (f.isAggregate ? " (aggregating)" : "")
                text += "  " + head.padding(toLength: max(head.count, 36), withPad: " ", startingAt: 0) + "  \(f.summary)\n"
            }
            output(text)
            return nil
        case "procedures":
            var text = "Procedures (CALL name(...) YIELD ...; CALL dbms.procedures() gives them as rows):\n"
            for p in ProcedureRegistry.listing { text += "  \(p.signature)\n      \(p.description)\n" }
            output(text)
            return nil
        default:
            break
        }
        if !arg.isEmpty {
            guard let c = Session.metaCommand(arg.hasPrefix(":") ? String(arg.dropFirst()) : arg) else {
                return "no command :\(arg); :help lists them"
            }
            output(":\(c.name) \(c.arguments)\n    \(c.summary)\n")
            return nil
        }
        var text = "Statements end with ';' and may span lines. Commands:\n"
        for c in Session.metaCommands {
            let head = ":\(c.name) \(c.arguments)"
            text += "  " + head.padding(toLength: max(head.count, 22), withPad: " ", startingAt: 0) + "  \(c.summary)\n"
        }
        text += "Example: MATCH (g:Actor {name: 'ISIS-K'})-[:MADE]->(c:Claim)-[:ABOUT]->(e) RETURN c.summary, e.name;\n"
        text += "Tab completes keywords, labels, types, properties, variables, $parameters, names and procedures.\n"
        text += ":help functions and :help procedures list what queries can call.\n"
        output(text)
        return nil
    }
}

extension StringProtocol {
    var trimmingLeadingSpace: SubSequence { drop { $0 == " " || $0 == "\t" } }

    var trimmingWhitespace: String {
        String(drop { $0.isWhitespace }.reversed().drop { $0.isWhitespace }.reversed())
    }
}
