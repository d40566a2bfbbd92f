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
    /// when none) between two of them; `BOTH` keeps each relationship in both directions.
    init(_ p: ProcedureContext, _ config: AlgorithmConfig, procedure: String) throws(QueryError) {
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
        var next = g.nextNode(from: 0, label: nil)
        while let n = next {
            if labelIDs.isEmpty || labelIDs.contains(where: { g.hasLabel(NodeID(n), $0) }) {
                dense[n] = Int32(nodes.count)
                nodes.append(NodeID(n))
            }
            next = g.nextNode(from: n + 1, label: nil)
        }
        var edges: [(from: Int32, to: Int32, weight: Double, relationship: RelID)] = []
        var r = g.nextRelationship(from: 0)
        var seen = 0
        while let rel = r {
            seen += 1
            if seen & 0xFFF == 0 { try p.tick() }
            let id = RelID(rel)
            if typeIDs.isEmpty || typeIDs.contains(g.type(of: id)) {
                let a = dense[Int(g.startNode(of: id))], b = dense[Int(g.endNode(of: id))]
                if a >= 0, b >= 0 {
                    var w = 1.0
                    if let weightKey {
                        switch g.relationshipProperty(id, weightKey) {
                        case .int(let i): w = Double(i)
                        case .float(let d): w = d
                        case .null: throw .invalidArgument("\(procedure): a relationship has no \(config.weight ?? "") (the weight)")
                        case let v: throw .invalidArgumentValueType("\(procedure): the weight \(config.weight ?? "") must be a number", got: v)
                        }
                    }
                    switch config.direction {
                    case .out: edges.append((a, b, w, id))
                    case .incoming: edges.append((b, a, w, id))
                    case .both:
                        // A loop counts twice, as in an undirected graph's degree.
                        edges.append((a, b, w, id))
                        edges.append((b, a, w, id))
                    }
                }
            }
            r = g.nextRelationship(from: rel + 1)
        }
        var offsets = [Int](repeating: 0, count: nodes.count + 1)
        for e in edges { offsets[Int(e.from) + 1] += 1 }
        for i in 0..<nodes.count { offsets[i + 1] += offsets[i] }
        var fill = offsets
        var targets = [Int32](repeating: 0, count: edges.count)
        var weights = [Double](repeating: 1, count: weightKey == nil ? 0 : edges.count)
        var relationships = [RelID](repeating: 0, count: edges.count)
        for e in edges {
            let at = fill[Int(e.from)]
            targets[at] = e.to
            relationships[at] = e.relationship
            if weightKey != nil { weights[at] = e.weight }
            fill[Int(e.from)] += 1
        }
        self.nodes = nodes
        self.offsets = offsets
        self.targets = targets
        self.weights = weights
        self.relationships = relationships
        self.weighted = weightKey != nil
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
