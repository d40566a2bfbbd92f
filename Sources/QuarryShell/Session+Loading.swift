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
        let text: String
        do {
            text = try InputFile.text(script)
        } catch {
            errorOutput("quarry: \(error.message)\n")
            return false
        }
        let scratch = Session(database: Database(baseDirectory: folder), format: format)
        // A dataset's script writes nothing; one that did not come with Quarry (found in the
        // current folder, or given as a path) may be anyone's and reads only its own folder.
        scratch.runsDataset = true
        if !DatasetLocator.isShipped(folder) { scratch.database.confinedTo = folder }
        scratch.output = { _ in }
        scratch.errorOutput = errorOutput
        guard scratch.run(script: text, name: script) else { return false }
        do {
            let sources = try SourceLibrary.load(datasetFolder: folder, confined: !DatasetLocator.isShipped(folder))
            try database.replaceGraph(scratch.database.graph)
            database.sources = sources
        } catch {
            errorOutput("quarry: \(error.message)\n")
            return false
        }
        return true
    }

    /// Replaces the graph with a CSV folder (neo4j-admin layout) or a graph file written by
    /// `:export` (JSON Lines, GraphML, DOT).
    @discardableResult
    public func importDirectory(_ path: String) -> Bool {
        do {
            let lower = path.lowercased()
            let graph: Graph
            if lower.hasSuffix(".jsonl") {
                graph = try JSONLGraphFormat.read(path: path, cancellation: interrupt)
            } else if lower.hasSuffix(".graphml") {
                graph = try GraphMLImport.read(path: path, cancellation: interrupt)
            } else if lower.hasSuffix(".dot") || lower.hasSuffix(".gv") {
                graph = try DOTImport.read(path: path, cancellation: interrupt)
            } else {
                graph = try AdminImport.load(directory: path, cancellation: interrupt)
            }
            try database.replaceGraph(graph)
            return true
        } catch where error.errorClass == .cancelled {
            errorOutput("\nCancelled: the import was stopped and the graph is as it was.\n")
            return false
        } catch {
            errorOutput("quarry: \(error.message)\n" + (error.fileLocation?.excerpt().map { $0 + "\n" } ?? ""))
            return false
        }
    }

    /// `:run FILE`: a script run from a script may not run itself again, directly or not.
    func runScript(_ path: String) -> String? {
        guard runDepth < Database.maximumRunDepth else {
            return "\(path): scripts run each other more than \(Database.maximumRunDepth) deep (does one run itself?)"
        }
        let text: String
        do {
            text = try InputFile.text(path)
        } catch {
            return error.message
        }
        runDepth += 1
        defer { runDepth -= 1 }
        return run(script: text, name: path) ? nil : ""
    }

    /// `:export FORMAT FILE [QUERY]`: returns an error message, or nil.
    func export(_ arg: String) -> String? {
        let words = arg.split(separator: " ", maxSplits: 2, omittingEmptySubsequences: true).map(String.init)
        let formats = ExportFormat.allCases.map(\.rawValue).joined(separator: "|")
        guard words.count >= 2, let format = ExportFormat(rawValue: words[0].lowercased()) else {
            return "usage: :export \(formats) FILE [QUERY]"
        }
        let path = resolve(words[1])
        let sub: Subgraph
        let graph: Graph
        if words.count == 3 {
            do {
                let result = try database.execute(words[2], parameters: parameters, cancellation: interrupt)
                graph = database.graph
                sub = Subgraph.of(result, in: graph)
            } catch {
                return error.description
            }
        } else {
            graph = database.graph
            sub = Subgraph.whole(graph)
        }
        do {
            switch format {
            case .csv: try CSVExport.write(sub, of: graph, to: path, cancellation: interrupt)
            case .cypher: try AtomicFile.write(path, text: CypherExport.write(sub, of: graph))
            case .jsonl: try AtomicFile.write(path, text: JSONLGraphFormat.write(sub, of: graph))
            case .graphml: try AtomicFile.write(path, text: GraphMLExport.write(sub, of: graph))
            case .dot: try AtomicFile.write(path, text: DOTExport.write(sub, of: graph))
            }
        } catch {
            return error.message
        }
        output("Exported \(sub.nodes.count) nodes and \(sub.relationships.count) relationships to \(path) (\(format.rawValue)).\n")
        return nil
    }

    /// `Loaded 58 nodes, 118 relationships.`
    public var graphSummary: String {
        let g = database.graph
        return "\(g.nodeCount) node\(g.nodeCount == 1 ? "" : "s"), \(g.relationshipCount) relationship\(g.relationshipCount == 1 ? "" : "s")"
    }
}
