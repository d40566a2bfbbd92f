import Foundation
import QuarryEngine

/// Replacing the graph: datasets (a folder with `load.cypher`) and bulk CSV imports. Both build
/// the new graph aside, so a failure keeps the graph that was loaded.
extension Session {
    /// Loads a dataset by name (in `datasets/`) or folder; false (with the error shown) on failure.
    @discardableResult
    public func loadDataset(_ nameOrPath: String) -> Bool {
        guard let folder = DatasetLocator.find(nameOrPath) else {
            let known = DatasetLocator.available()
            let hint = known.isEmpty ? "" : " (available: \(known.joined(separator: ", ")))"
            errorOutput("quarry: no dataset named '\(nameOrPath)'\(hint)\n")
            return false
        }
        let script = folder + "/load.cypher"
        guard let text = try? String(contentsOfFile: script, encoding: .utf8) else {
            errorOutput("quarry: \(script) cannot be read\n")
            return false
        }
        let scratch = Session(database: Database(baseDirectory: folder), format: format)
        scratch.output = { _ in }
        scratch.errorOutput = errorOutput
        guard scratch.run(script: text, name: script) else { return false }
        database.replaceGraph(scratch.database.graph)
        return true
    }

    @discardableResult
    public func importDirectory(_ path: String) -> Bool {
        do {
            database.replaceGraph(try AdminImport.load(directory: path))
            return true
        } catch {
            errorOutput("quarry: \(error.message)\n")
            return false
        }
    }

    /// `Loaded 58 nodes, 118 relationships.`
    public var graphSummary: String {
        let g = database.graph
        return "\(g.nodeCount) node\(g.nodeCount == 1 ? "" : "s"), \(g.relationshipCount) relationship\(g.relationshipCount == 1 ? "" : "s")"
    }
}
