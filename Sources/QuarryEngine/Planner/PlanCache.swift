/// What the rewrite rules read of a graph: a plan made on one graph is reused on another that
/// agrees on all of it (the same statement run again with new parameter values, say).
struct PlanningStatistics: Equatable {
    let nodeCount: Int
    let relationshipCount: Int
    let labels: [String]
    let types: [String]
    let keyCount: Int
    let labelCounts: [Int]
    let typeCounts: [Int]
    let indexes: [[Int]]

    init(_ graph: Graph) {
        nodeCount = graph.nodeCount
        relationshipCount = graph.relationshipCount
        labels = graph.labels.names
        types = graph.types.names
        keyCount = graph.keys.names.count
        labelCounts = graph.labelCounts
        typeCounts = graph.typeCounts
        indexes = graph.indexes.map { [Int($0.label), Int($0.key), $0.entryCount, $0.distinctValues] }
    }
}

/// Rewritten logical plans by statement text, so that a statement run again (in a loop, a
/// script, with new parameter values) is not parsed, checked and planned again.
struct PlanCache {
    struct Entry {
        let query: CheckedQuery
        let mode: ExecutionMode
        let plan: LogicalPlan
        let statistics: PlanningStatistics
    }

    static let capacity = 64
    private var entries: [String: Entry] = [:]
    /// Statements that found their plan here (for tests and `:timer`-like reports).
    private(set) var hits = 0

    /// The plan of `text` when it was made on a graph with these statistics.
    mutating func plan(_ text: String, for graph: Graph) -> Entry? {
        guard let entry = entries[text], entry.statistics == PlanningStatistics(graph) else { return nil }
        hits += 1
        return entry
    }

    mutating func store(_ text: String, _ entry: Entry) {
        if entries.count >= Self.capacity { entries.removeAll(keepingCapacity: true) }
        entries[text] = entry
    }
}
