import Foundation
import QuarryEngine

/// Graph files in the shell: `:open`, `:save`, what the banner says about where the graph lives,
/// and what happens to unsaved changes when the session ends.
extension Session {
    /// `:open FILE [read-only]`; returns an error message, or nil.
    func openGraphFile(_ arg: String) -> String? {
        var words = arg.split(separator: " ").map(String.init)
        let readOnly = words.count == 2 && ["read-only", "readonly", "ro"].contains(words[1].lowercased())
        if readOnly { words.removeLast() }
        guard words.count == 1 else { return "usage: :open FILE [read-only]" }
        guard mayLeaveMemoryGraph() else { return nil }
        return openGraphFile(resolve(words[0]), readOnly: readOnly) ? nil : ""
    }

    /// Opens a graph file for the session, reporting what was found; false (with the error shown) on failure.
    @discardableResult
    public func openGraphFile(_ path: String, readOnly: Bool) -> Bool {
        do {
            let notices = try database.open(path, readOnly: readOnly)
            for n in notices { errorOutput("quarry: \(n)\n") }
            return true
        } catch {
            errorOutput("quarry: \(error.message)\n")
            return false
        }
    }

    /// `:save [FILE]`.
    func saveGraph(_ arg: String) -> String? {
        let path = arg.isEmpty ? nil : resolve(arg)
        if path == nil && database.store == nil { return "the graph is in memory only: name a file (:save FILE)" }
        do {
            try database.save(to: path)
        } catch {
            return error.message
        }
        let file = database.store?.path ?? ""
        output(path == nil ? "Saved \(graphSummary) to \(file).\n"
                           : "Saved \(graphSummary) to \(file); changes from now on are saved there as they are made.\n")
        return nil
    }

    /// `:output [FILE]`.
    func redirectOutput(_ arg: String) -> String? {
        do {
            try redirect(to: arg.isEmpty ? nil : resolve(arg))
            return nil
        } catch {
            return error.message
        }
    }

    /// `:clear`.
    func clearGraph() -> String? {
        if let confirm, !confirm("Delete all \(graphSummary)? [y/N] ") { return nil }
        do {
            try database.replaceGraph(Graph())
        } catch {
            return error.message
        }
        output("The graph is empty.\n")
        return nil
    }

    /// Where the graph lives, for the banner: a file, or memory only (with how to keep it).
    public var storageDescription: String {
        guard let store = database.store else { return "in memory only (:save FILE keeps it)" }
        return store.readOnly ? "\(store.path), read-only" : "\(store.path), saved as you go"
    }

    /// Before a dataset or import replaces the graph: on a terminal, asks when something would be lost.
    func mayReplaceGraph() -> Bool {
        guard let confirm, database.graph.nodeCount > 0 else { return true }
        if let store = database.store {
            return confirm("Replace the \(graphSummary) in \(store.path)? [y/N] ")
        }
        guard database.hasUnsavedChanges else { return true }
        return confirm("Replace the graph and lose its unsaved changes? [y/N] ")
    }

    /// Before the in-memory graph is left behind (`:open`, leaving the shell): on a terminal,
    /// asks when it has unsaved changes.
    public func mayLeaveMemoryGraph() -> Bool {
        guard database.store == nil, database.hasUnsavedChanges, let confirm else { return true }
        return confirm("The graph is in memory only and its changes are not saved (:save FILE keeps them). Leave them? [y/N] ")
    }

    /// At the end of a session: folds the journal into the graph file, or warns that changes
    /// made in memory are gone.
    public func finish() {
        settle()
        spark?.close()
        if let message = redirectOutput("") { errorOutput("quarry: \(message)\n") }
        if database.store == nil && database.hasUnsavedChanges {
            errorOutput("quarry: warning: the changes made in this session are not saved: the graph was in memory only (open a graph file with --db FILE, or :save FILE)\n")
        }
        for n in database.close() { errorOutput("quarry: \(n)\n") }
    }
}
