/// Bidirectional shortest path: one shortest path between two bound nodes is searched from both
/// ends at once, a level at a time from the side whose frontier is smaller; around a hub this
/// touches far fewer nodes than a search from one end. (All shortest paths are searched from the
/// start, keeping every parent.)
struct BidirectionalShortestPath: RewriteRule {
    let name = "bidirectional-shortest-path"
    let applies = "shortestPath (one path, not allShortestPaths)"
    let safeWhenWriting = true

    func rewrite(_ op: LogicalOperator, _ context: RuleContext) throws(QueryError) -> LogicalOperator? {
        guard case .shortestPath(let input, let path) = op, !path.all else { return nil }
        return .bidirectionalShortestPath(input, path)
    }
}
