import ArgumentParser
import Foundation
import QuarryEngine
import QuarryShell
import Synchronization

@main
struct Quarry: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "quarry",
        abstract: "Explore a graph of actors, places, events and companies with Cypher.",
        discussion: """
        Examples:
          quarry -c "MATCH (a:Actor) RETURN a.name"
          quarry --empty --format jsonl < queries.cypher
          quarry script.cypher
        """,
        version: "0.1.0")

    @Option(name: .shortAndLong, help: "Run one query and exit.")
    var command: String?

    @Option(name: .short, help: "Run a script file.")
    var file: [String] = []

    @Argument(help: "Script files to run.")
    var scripts: [String] = []

    @Option(help: "Output format: \(OutputFormat.allCases.map(\.rawValue).joined(separator: ", ")).")
    var format: String?

    @Option(help: "Parameters as a JSON object.")
    var params: String?

    @Flag(help: "Start from an empty graph instead of the default dataset.")
    var empty = false

    @Option(help: "Dataset name (in datasets/) or folder to load.")
    var dataset: String?

    @Option(name: .customLong("import"), help: "Start from the CSV files of a folder (neo4j-admin import layout) instead of a dataset.")
    var importDirectory: String?

    mutating func run() throws {
        let options = self
        let status = Mutex<Int32>(0)
        let done = DispatchSemaphore(value: 0)
        // Deeply nested queries recurse: give the work a large stack.
        let worker = Thread {
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

    func fail(_ message: String, _ code: Int32) -> Int32 {
        FileHandle.standardError.write(Data(("quarry: " + message + "\n").utf8))
        return code
    }

    func execute() -> Int32 {
        guard let outputFormat = OutputFormat(rawValue: format ?? "table") else {
            return fail("unknown format '\(format ?? "")' (choose from \(OutputFormat.allCases.map(\.rawValue).joined(separator: ", ")))", 2)
        }
        var parameters: [String: Value] = [:]
        if let params {
            do {
                guard case .map(let m) = try JSONValueReader.parse(params) else { return fail("--params needs a JSON object", 2) }
                parameters = m
            } catch {
                return fail("--params: \(error.message)", 2)
            }
        }
        let database = Database()
        let runner = ScriptRunner(database: database, parameters: parameters, writer: ResultWriter(format: outputFormat))
        if let importDirectory {
            do {
                database.replaceGraph(try AdminImport.load(directory: importDirectory))
            } catch {
                return fail(error.message, 2)
            }
        } else if !empty {
            let name = dataset ?? DatasetLocator.defaultName
            guard let folder = DatasetLocator.find(name) else { return fail("no dataset named '\(name)'", 2) }
            guard let text = try? String(contentsOfFile: folder + "/load.cypher", encoding: .utf8) else {
                return fail("\(folder)/load.cypher cannot be read", 2)
            }
            database.baseDirectory = folder
            let quiet = ScriptRunner(database: database, parameters: [:], writer: ResultWriter(format: outputFormat))
            quiet.output = { _ in }
            guard quiet.run(script: text, name: folder + "/load.cypher") else { return 1 }
            database.baseDirectory = FileManager.default.currentDirectoryPath
        }
        if let command { return runner.run(script: command, name: "-c") ? 0 : 1 }
        let files = file + scripts
        if !files.isEmpty {
            for path in files {
                guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
                    return fail("\(path): cannot read the file", 2)
                }
                if !runner.run(script: text, name: path) { return 1 }
            }
            return 0
        }
        let input = FileHandle.standardInput.readDataToEndOfFile()
        return runner.run(script: String(decoding: input, as: UTF8.self), name: "<stdin>") ? 0 : 1
    }
}
