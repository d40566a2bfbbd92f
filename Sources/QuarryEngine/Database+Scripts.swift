import Foundation

/// A script's failure: the error and where in which file it happened.
public struct ScriptFailure: Error, CustomStringConvertible {
    public let error: QueryError
    public let file: String?
    public let line: Int
    public let column: Int

    public var description: String { "\(file ?? "<script>"):\(line):\(column): \(error)" }
}

extension Database {
    /// How deep `:run` may nest (a script that runs itself stops there).
    public static let maximumRunDepth = 64

    /// Runs a script of `;`-separated statements outside the shell (a dataset's `load.cypher`, a
    /// Cypher export), stopping at the first error. Its one command is `:run FILE` (relative to
    /// the script's folder); any other `:` line is an error naming it, since only the shell has
    /// the others.
    public func runScript(_ text: String, name: String?) throws(ScriptFailure) {
        try runScript(text, name: name, depth: 0)
    }

    private func runScript(_ text: String, name: String?, depth: Int) throws(ScriptFailure) {
        func failure(_ error: QueryError, at offset: Int) -> ScriptFailure {
            let place = Self.lineAndColumn(of: offset, in: text)
            return ScriptFailure(error: error, file: name, line: place.line, column: place.column)
        }
        let items: [ScriptReader.Item]
        do {
            items = try ScriptReader.items(text)
        } catch {
            throw failure(error, at: error.range?.start ?? 0)
        }
        let folder = name.map { ($0 as NSString).deletingLastPathComponent } ?? baseDirectory
        for item in items {
            switch item {
            case .statement(let statement, let offset):
                do {
                    _ = try execute(statement)
                } catch {
                    throw failure(error, at: offset + (error.range?.start ?? 0))
                }
            case .meta(let line, let offset):
                let words = line.dropFirst().split(separator: " ", maxSplits: 1).map(String.init)
                guard words.first == "run", words.count == 2 else {
                    throw failure(.scriptCommand(String(line.prefix { $0 != " " })), at: offset)
                }
                guard depth < Self.maximumRunDepth else { throw failure(.runTooDeep(Self.maximumRunDepth), at: offset) }
                let path = words[1].hasPrefix("/") ? words[1] : (folder as NSString).appendingPathComponent(words[1])
                if let confinedTo, !FolderConfinement.contains(confinedTo, path) {
                    throw failure(.outsideDatasetFolder(path), at: offset)
                }
                let script: String
                do {
                    script = try InputFile.text(path)
                } catch {
                    throw failure(error, at: offset)
                }
                try runScript(script, name: path, depth: depth + 1)
            }
        }
    }

    /// A dataset's graph: its `load.cypher` run on an empty database whose relative paths start
    /// in `folder`; `confined` keeps LOAD CSV and `:run` inside the folder (a dataset that did not
    /// come with Quarry may be anyone's).
    public static func datasetGraph(folder: String, confined: Bool) throws(ScriptFailure) -> Graph {
        let script = (folder as NSString).appendingPathComponent("load.cypher")
        let text: String
        do {
            text = try InputFile.text(script)
        } catch {
            throw ScriptFailure(error: error, file: script, line: 1, column: 1)
        }
        let scratch = Database(baseDirectory: folder)
        if confined { scratch.confinedTo = folder }
        try scratch.runScript(text, name: script)
        return scratch.graph
    }

    /// 1-based line and column (in characters) of a UTF-8 offset.
    static func lineAndColumn(of offset: Int, in text: String) -> (line: Int, column: Int) {
        let bytes = Array(text.utf8.prefix(max(0, offset)))
        let lineStart = (bytes.lastIndex(of: 10).map { $0 + 1 }) ?? 0
        let line = bytes.reduce(1) { $1 == 10 ? $0 + 1 : $0 }
        return (line, String(decoding: bytes[lineStart...], as: UTF8.self).count + 1)
    }
}
