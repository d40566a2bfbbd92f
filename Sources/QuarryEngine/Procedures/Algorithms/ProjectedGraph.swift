/// The subgraph an algorithm runs on, in compressed sparse rows: nodes renumbered 0..<n (in id
/// order), and for each its neighbours in the configured direction, with weights when asked.
struct ProjectedGraph {
    /// Node ids by dense index.
    let nodes: [NodeID]
    /// `offsets[i]..<offsets[i+1]` index `targets` and `weights` for node i.
    let offsets: [Int]
    let targets: [Int32]
    let weights: [Double]
    /// The relationship behind each entry of `targets`.
    let relationships: [RelID]
    let weighted: Bool

    var count: Int { nodes.count }

    func neighbours(_ i: Int) -> Range<Int> { offsets[i]..<offsets[i + 1] }

    /// The nodes with any of the labels (all when none), and the relationships of the types (all
    /// when none) between two of them; `BOTH` keeps each relationship in both directions. Built in
    /// two passes over the relationship columns (count, then place), no list of edges between;
    /// with `countsOnly` (an unweighted degree) the second pass is skipped and only `offsets` is filled.
    init(_ p: ProcedureContext, _ config: AlgorithmConfig, procedure: String, countsOnly: Bool = false) throws(QueryError) {
        let g = p.graph
        var labelIDs: [Int32] = []
        for name in config.labels {
            guard let id = g.labels.id(name) else {
                throw .invalidArgument("\(procedure): no node has the label \(name)" + (closestName(to: name, in: g.labels.names).map { " (did you mean \($0)?)" } ?? ""))
            }
            labelIDs.append(id)
        }
        var typeIDs: Set<Int32> = []
        for name in config.types {
            guard let id = g.types.id(name) else {
                throw .invalidArgument("\(procedure): no relationship has the type \(name)" + (closestName(to: name, in: g.types.names).map { " (did you mean \($0)?)" } ?? ""))
            }
            typeIDs.insert(id)
        }
        var weightKey: Int32?
        if let w = config.weight {
            guard let k = g.keys.id(w) else { throw .invalidArgument("\(procedure): no relationship has the property \(w) (the weight)") }
            weightKey = k
        }
        var dense = [Int32](repeating: -1, count: g.nodeIDLimit)
        var nodes: [NodeID] = []
        g.members(label: nil).forEach { n in
            if labelIDs.isEmpty || labelIDs.contains(where: { g.hasLabel(NodeID(n), $0) }) {
                dense[n] = Int32(nodes.count)
                nodes.append(NodeID(n))
            }
        }
        let starts = g.relStart, ends = g.relEnd, types = g.relType
        let direction = config.direction
        /// Calls `body(from, to, relationship)` for each entry of the projection, in relationship order.
        func forEachEntry(_ body: (Int32, Int32, Int) throws(QueryError) -> Void) throws(QueryError) {
            var seen = 0
            try g.relAlive.forEach { (r) throws(QueryError) in
                seen += 1
                if seen & 0xFFFF == 0 { try p.tick() }
                guard typeIDs.isEmpty || typeIDs.contains(types[r]) else { return }
                let a = dense[Int(starts[r])], b = dense[Int(ends[r])]
                guard a >= 0, b >= 0 else { return }
                switch direction {
                case .out: try body(a, b, r)
                case .incoming: try body(b, a, r)
                case .both:
                    // A loop counts twice, as in an undirected graph's degree.
                    try body(a, b, r)
                    try body(b, a, r)
                }
            }
        }
        var offsets = [Int](repeating: 0, count: nodes.count + 1)
        try forEachEntry { from, _, _ in offsets[Int(from) + 1] += 1 }
        for i in 0..<nodes.count { offsets[i + 1] += offsets[i] }
        let entries = offsets[nodes.count]
        var targets: [Int32] = [], weights: [Double] = [], relationships: [RelID] = []
        if !countsOnly || weightKey != nil {
            var fill = Array(offsets.dropLast())
            targets = [Int32](repeating: 0, count: entries)
            relationships = [RelID](repeating: 0, count: entries)
            if weightKey != nil { weights = [Double](repeating: 1, count: entries) }
            try forEachEntry { (from, to, r) throws(QueryError) in
                let at = fill[Int(from)]
                fill[Int(from)] = at + 1
                targets[at] = to
                relationships[at] = RelID(r)
                if let weightKey {
                    switch g.relationshipProperty(RelID(r), weightKey) {
                    case .int(let i): weights[at] = Double(i)
                    case .float(let d): weights[at] = d
                    case .null: throw .invalidArgument("\(procedure): a relationship has no \(config.weight ?? "") (the weight)")
                    case let v: throw .invalidArgumentValueType("\(procedure): the weight \(config.weight ?? "") must be a number", got: v)
                    }
                }
            }
        }
        self.nodes = nodes
        self.offsets = offsets
        self.targets = targets
        self.weights = weights
        self.relationships = relationships
        self.weighted = weightKey != nil
    }

    /// A procedure's result with a row per node: the node, then the given columns.
    func perNode(_ columns: ProcedureColumn...) -> ProcedureRows {
        ProcedureRows(columns: [.nodes(nodes)] + columns)
    }

    func weight(_ e: Int) -> Double { weighted ? weights[e] : 1 }

    /// Each node's neighbours, each once and without itself.
    func distinctNeighbours() -> [[Int32]] {
        (0..<count).map { i in
            var seen = Set<Int32>()
            return neighbours(i).compactMap { e -> Int32? in
                let j = targets[e]
                return Int(j) != i && seen.insert(j).inserted ? j : nil
            }
        }
    }

    /// The dense index of the node a setting names, or an error naming the setting.
    func node(_ config: AlgorithmConfig, _ key: String, procedure: String) throws(QueryError) -> Int {
        guard case .node(let n)? = config.settings[key], let i = nodes.firstIndex(of: n) else {
            throw .invalidArgument("\(procedure): \(key) is a node of the subgraph")
        }
        return i
    }
}
