/// The subgraphs algorithms projected last, kept while the graph stays the same version, so that
/// algorithms called again (or one after another on the same subgraph) do not project it again:
/// what igraph or Neo4j's graph catalogue do by building their graph once. Used only by statements
/// that do not write; at most `capacity` projections are kept, and a new graph version drops them.
final class ProjectionCache: @unchecked Sendable {
    struct Key: Hashable {
        let labels: [String]
        let types: [String]
        let direction: String
        let weight: String?
    }

    /// A projection, with its undirected simple view once an algorithm has asked for it.
    final class Entry {
        let graph: ProjectedGraph
        let countsOnly: Bool
        var undirected: SimpleUndirected?

        init(graph: ProjectedGraph, countsOnly: Bool) {
            self.graph = graph
            self.countsOnly = countsOnly
        }
    }

    static let capacity = 2
    private var version: UInt64 = 0
    private var entries: [(key: Key, entry: Entry)] = []

    /// The projection of `config` on graph version `version`, made by `make` when not kept. A
    /// projection of the counts only serves only callers that need no more.
    func projection(_ config: AlgorithmConfig, version: UInt64, countsOnly: Bool,
                    _ make: () throws(QueryError) -> ProjectedGraph) throws(QueryError) -> Entry {
        if version != self.version {
            entries.removeAll()
            self.version = version
        }
        let key = Key(labels: config.labels, types: config.types, direction: config.direction.rawValue, weight: config.weight)
        if let i = entries.firstIndex(where: { $0.key == key && (countsOnly || !$0.entry.countsOnly) }) {
            let found = entries.remove(at: i)
            entries.append(found)
            return found.entry
        }
        let entry = Entry(graph: try make(), countsOnly: countsOnly)
        entries.removeAll { $0.key == key }
        entries.append((key, entry))
        if entries.count > Self.capacity { entries.removeFirst(entries.count - Self.capacity) }
        return entry
    }
}
