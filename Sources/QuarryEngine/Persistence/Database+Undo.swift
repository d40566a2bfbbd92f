/// The last write statement that changed the graph, kept so that `:undo` can take it back.
struct LastWrite {
    let undo: UndoLog
    let text: String
    let statistics: WriteStatistics
}

/// What `undoLastWrite` took back.
public struct UndoneStatement: Sendable, Equatable {
    public let text: String
    /// What the statement had done.
    public let statistics: WriteStatistics
}

extension Database {
    /// Takes back the last write statement that changed the graph (one level: a second call
    /// finds nothing until another statement writes). Statements that only read may have run
    /// since: the adjacency is rebuilt after, whatever they compacted. With a graph file, the
    /// graph as it was is saved to the file before it becomes the graph, so that reopening does
    /// not bring the statement back; if that fails, nothing is undone.
    public func undoLastWrite() throws(QueryError) -> UndoneStatement? {
        guard let last = lastWrite else { return nil }
        try checkWritable()
        if let store {
            var undone = graph
            undone.undo = last.undo
            undone.rollBack()
            undone.compact()
            try store.checkpoint(undone)
            graph = undone
        } else {
            graph.undo = last.undo
            graph.rollBack()
            graph.compact()
            hasUnsavedChanges = true
        }
        graphChanged()
        lastWrite = nil
        return UndoneStatement(text: last.text, statistics: last.statistics)
    }
}
