/// Degree: each node's number of relationships in the configured direction (`BOTH`: either), or
/// the sum of their weights.
enum Degree {
    static func run(_ g: ProjectedGraph) -> [Double] {
        guard g.weighted else { return (0..<g.count).map { Double(g.offsets[$0 + 1] - g.offsets[$0]) } }
        return (0..<g.count).map { i in g.neighbours(i).reduce(0.0) { $0 + g.weights[$1] } }
    }
}
