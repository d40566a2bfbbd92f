import Foundation
import QuarryEngine

/// Runs scripts (files, -c, piped stdin) statement by statement and reports errors with the
/// file, line and column of the statement in the script.
public final class ScriptRunner {
    public let database: Database
    public var parameters: [String: Value]
    public var writer: ResultWriter
    public var bail = true
    public var output: (String) -> Void = { FileHandle.standardOutput.write(Data($0.utf8)) }
    public var errorOutput: (String) -> Void = { FileHandle.standardError.write(Data($0.utf8)) }

    public init(database: Database, parameters: [String: Value], writer: ResultWriter) {
        self.database = database
        self.parameters = parameters
        self.writer = writer
    }

    /// Runs every statement; returns false if one failed.
    @discardableResult
    public func run(script: String, name: String) -> Bool {
        let pieces: [StatementSplitter.Piece]
        do {
            pieces = try StatementSplitter.split(script)
        } catch {
            errorOutput(error.rendered(in: script, file: name) + "\n")
            return false
        }
        var ok = true
        for piece in pieces {
            do {
                let result = try database.execute(piece.text, parameters: parameters)
                for notice in result.notices {
                    errorOutput(notice.rendered(in: script, file: name, baseOffset: piece.offset) + "\n")
                }
                if let message = result.message {
                    if writer.format == .jsonl { output(writer.render(result)) } else { output(message + "\n") }
                } else {
                    output(writer.render(result))
                }
            } catch {
                errorOutput(error.rendered(in: script, file: name, baseOffset: piece.offset) + "\n")
                ok = false
                if bail { return false }
            }
        }
        return ok
    }
}
