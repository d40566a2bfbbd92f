/// A database backed by a graph file: opening, saving, journaling each commit, checkpoints.
extension Database {
    /// Makes `changed` the graph (an index created or dropped); see `commit(_:)`.
    func commit(_ changed: Graph, changed isChange: Bool) throws(QueryError) {
        var next = changed
        if store != nil, let log = next.changes, !log.hasEffect { return }
        try journal(&next, changed: isChange)
        graph = next
        graphChanged()
        lastWrite = nil
        if let store, store.needsCheckpoint { try? store.checkpoint(graph) }
    }

    /// Makes the write statement's graph the graph. With a graph file, its changes are journaled
    /// first: if that fails (a full disk), the statement fails and is taken back. A statement that
    /// only interned names is taken back too (the journal never saw them, and `:undo` keeps
    /// the statement before it). The statement's undo log is kept for `undoLastWrite`.
    func commit(_ ctx: ExecutionContext, text: String) throws(QueryError) {
        if let undo = ctx.graph.undo, !undo.hasEffect(on: ctx.graph) {
            ctx.graph.rollBack()
            if store != nil { ctx.graph.changes = ChangeLog() }
        } else {
            try journal(&ctx.graph, changed: !ctx.statistics.isEmpty)
            if let undo = ctx.graph.undo { lastWrite = LastWrite(undo: undo, text: text, statistics: ctx.statistics) }
        }
        ctx.graph.undo = nil
        graph = ctx.graph
        graphChanged()
        if let store, store.needsCheckpoint { try? store.checkpoint(graph) }
    }

    /// Appends `next`'s changes to the journal (synced) and starts its next change log; in memory,
    /// notes that there are unsaved changes.
    private func journal(_ next: inout Graph, changed isChange: Bool) throws(QueryError) {
        if let store, let log = next.changes, !log.isEmpty {
            do throws(QueryError) {
                try log.withBytes { (changes) throws(QueryError) in try store.append(changes, durable: !groupsCommits) }
            } catch {
                throw .journalFailed(error)
            }
            next.changes = ChangeLog()
        } else if store == nil && isChange {
            hasUnsavedChanges = true
        }
    }

    /// Whether statements were journaled and not yet synced (their results not yet to be shown).
    public var hasUnsyncedCommits: Bool { store?.hasUnsyncedChanges ?? false }

    /// Puts the statements journaled since the last sync on the disk. If that fails, they are cut
    /// from the journal and the session writes no more.
    public func syncJournal() throws(QueryError) {
        guard let store, store.hasUnsyncedChanges else { return }
        do throws(QueryError) {
            try store.sync()
        } catch {
            let failure = QueryError.groupSyncFailed(error)
            syncFailure = failure
            throw failure
        }
    }

    func checkWritable() throws(QueryError) {
        if let syncFailure { throw syncFailure }
        if let store, store.readOnly { throw .readOnlyGraph(store.path) }
    }

    /// Replaces the graph (a dataset, an import, `:clear`). With a graph file, the new graph is
    /// saved to it at once.
    public func replaceGraph(_ g: Graph) throws(QueryError) {
        lastWrite = nil
        var next = g
        if let store {
            try checkWritable()
            next.changes = nil
            try store.checkpoint(next)
            next.changes = ChangeLog()
        } else {
            next.changes = nil
            hasUnsavedChanges = false
        }
        graph = next
        graphChanged()
    }

    /// Opens (or creates) a graph file and makes its graph the current one; the file open before
    /// is checkpointed and released. Returns notices about the opening (a recovered journal).
    public func open(_ path: String, readOnly: Bool) throws(QueryError) -> [String] {
        let opening = try GraphStore.open(path, readOnly: readOnly)
        let notices = close()
        store = opening.store
        graph = opening.graph
        graphChanged()
        lastWrite = nil
        hasUnsavedChanges = false
        return notices + opening.notices
    }

    /// Saves the graph: to its own file (a checkpoint) when `path` is nil or that file, otherwise
    /// to a new graph file, which the database then uses ("save as").
    public func save(to path: String?) throws(QueryError) {
        if let store, path == nil || path == store.path {
            try checkWritable()
            try store.checkpoint(graph)
            return
        }
        guard let path else { throw .storage("(memory)", "cannot save", reason: "the graph is in memory only; name a file: :save FILE") }
        let created = try GraphStore.create(path, with: graph)
        _ = close()
        store = created
        graph.changes = ChangeLog()
        hasUnsavedChanges = false
    }

    /// Folds the journal into the graph file and releases it; the graph stays in memory, no
    /// longer backed by a file. Returns what went wrong, if anything (the journal keeps the changes).
    @discardableResult
    public func close() -> [String] {
        guard let store else { return [] }
        var notices: [String] = []
        if !store.readOnly && store.hasJournaledChanges && syncFailure == nil {
            do throws(QueryError) {
                try store.checkpoint(graph)
            } catch {
                notices.append("\(error.message) (the journal \(GraphStore.journalPath(of: store.path)) keeps the changes)")
            }
        }
        store.close()
        self.store = nil
        graph.changes = nil
        return notices
    }
}
