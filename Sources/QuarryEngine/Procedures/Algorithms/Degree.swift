/// Degree: each node's number of relationships in the configured direction (`BOTH`: either), or
/// the sum of their weights.
enum Degree {
    static func run(_ g: ProjectedGraph) -> [Double] {
        (0..<g.count).map { i in g.neighbours(i).reduce(0.0) { $0 + g.weight($1) } }
    }
}
