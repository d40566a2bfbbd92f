/// `algo.*`: graph algorithms over a subgraph chosen by a configuration map.
enum AlgorithmProcedures {
    static let config = Procedure.Field("config", "MAP")

    static let all: [Procedure] = [
        Procedure(name: "algo.degree", inputs: [config], outputs: [.init("node", "NODE"), .init("score", "FLOAT")],
                  description: "Each node's degree: its relationships in the direction ('OUT', 'IN', 'BOTH'), or the sum of their weights.", columns: { p, args throws(QueryError) in
            let (g, _) = try project(p, args, "algo.degree", allowed: [], countsOnly: true)
            return g.perNode(.floats(Degree.run(g)))
        }),
        Procedure(name: "algo.wcc", inputs: [config], outputs: [.init("node", "NODE"), .init("componentId", "INTEGER")],
                  description: "Weakly connected components: nodes joined by relationships either way; a component is named by its smallest node id.", columns: { p, args throws(QueryError) in
            // Union-find joins both ends of each relationship: one direction suffices.
            let g = try project(p, args, "algo.wcc", allowed: [], direction: .out).0
            let components = try Components.weak(g, p)
            return g.perNode(.integers(components.map { Int64(g.nodes[$0]) }))
        }),
        Procedure(name: "algo.scc", inputs: [config], outputs: [.init("node", "NODE"), .init("componentId", "INTEGER")],
                  description: "Strongly connected components: nodes that reach each other along the direction; named by the smallest node id.", columns: { p, args throws(QueryError) in
            let (g, _) = try project(p, args, "algo.scc", allowed: [])
            let components = try Components.strong(g, p)
            return g.perNode(.integers(components.map { Int64(g.nodes[$0]) }))
        }),
        Procedure(name: "algo.pageRank", inputs: [config], outputs: [.init("node", "NODE"), .init("score", "FLOAT")],
                  description: "PageRank (damping 0.85, at most 20 iterations, tolerance 1e-7 unless set; sourceNodes for a personalised PageRank).", columns: { p, args throws(QueryError) in
            let (g, c) = try project(p, args, "algo.pageRank", allowed: ["damping", "iterations", "tolerance", "sourceNodes"])
            let damping = try c.number("damping", default: 0.85)
            guard damping >= 0, damping < 1 else { throw .invalidArgument("algo.pageRank: damping must be at least 0 and below 1") }
            var sources: [Int] = []
            if case .list(let items)? = c.settings["sourceNodes"] {
                let position = Dictionary(uniqueKeysWithValues: g.nodes.enumerated().map { ($1, $0) })
                for item in items {
                    guard case .node(let n) = item, let i = position[n] else {
                        throw .invalidArgument("algo.pageRank: sourceNodes are nodes of the subgraph")
                    }
                    sources.append(i)
                }
            }
            let ranks = try PageRank.run(g, damping: damping, iterations: try c.integer("iterations", default: 20),
                                         tolerance: try c.number("tolerance", default: 1e-7), sources: sources, p)
            return g.perNode(.floats(ranks))
        }),
        Procedure(name: "algo.triangleCount", inputs: [config],
                  outputs: [.init("node", "NODE"), .init("triangles", "INTEGER"), .init("coefficient", "FLOAT")],
                  description: "Triangles through each node and its local clustering coefficient, relationships taken either way, each pair once.", columns: { p, args throws(QueryError) in
            let (entry, _) = try projection(p, args, "algo.triangleCount", allowed: [])
            let g = entry.graph
            let counts = try undirected(entry).triangles(p)
            return g.perNode(.integers(counts.map { Int64($0.triangles) }), .floats(counts.map(\.coefficient)))
        }),
        Procedure(name: "algo.kCore", inputs: [config], outputs: [.init("node", "NODE"), .init("coreness", "INTEGER")],
                  description: "Each node's core number: the largest k such that it belongs to a subgraph where every node has k neighbours.", columns: { p, args throws(QueryError) in
            let (entry, _) = try projection(p, args, "algo.kCore", allowed: [])
            return entry.graph.perNode(.integers(undirected(entry).cores().map { Int64($0) }))
        }),
        Procedure(name: "algo.khop", inputs: [config], outputs: [.init("node", "NODE"), .init("distance", "INTEGER")],
                  description: "The nodes within maxHops (default 2) of sourceNode along the direction, with their distance (the source at 0).") { p, args throws(QueryError) in
            let (g, c) = try project(p, args, "algo.khop", allowed: ["sourceNode", "maxHops"])
            let start = try g.node(c, "sourceNode", procedure: "algo.khop")
            let limit = try c.integer("maxHops", default: 2)
            var distance = [Int](repeating: -1, count: g.count)
            distance[start] = 0
            var frontier = [start], rows: [[Value]] = [[.node(g.nodes[start]), .int(0)]]
            for hop in stride(from: 1, through: limit, by: 1) {
                try p.tick()
                var next: [Int] = []
                for i in frontier {
                    for e in g.neighbours(i) where distance[Int(g.targets[e])] < 0 {
                        let j = Int(g.targets[e])
                        distance[j] = hop
                        next.append(j)
                        rows.append([.node(g.nodes[j]), .int(Int64(hop))])
                    }
                }
                frontier = next
            }
            return rows
        },
        Procedure(name: "algo.betweenness", inputs: [config], outputs: [.init("node", "NODE"), .init("score", "FLOAT")],
                  description: "Betweenness: on how many shortest paths between other nodes each lies (not normalised; samplingSize for an estimate from that many sources).", columns: { p, args throws(QueryError) in
            let (g, c) = try project(p, args, "algo.betweenness", allowed: ["samplingSize"])
            let samples = c.settings["samplingSize"] == nil ? nil : try c.integer("samplingSize", default: 0)
            let scores = try Centrality.betweenness(g, undirected: c.direction == .both, samples: samples, p)
            return g.perNode(.floats(scores))
        }),
        Procedure(name: "algo.closeness", inputs: [config], outputs: [.init("node", "NODE"), .init("score", "FLOAT")],
                  description: "Closeness: how near each node is to those it reaches along the direction (Wasserman-Faust, for graphs in pieces).", columns: { p, args throws(QueryError) in
            let (g, _) = try project(p, args, "algo.closeness", allowed: [])
            return g.perNode(.floats(try Centrality.closeness(g, p)))
        }),
        Procedure(name: "algo.dijkstra", inputs: [config], outputs: [.init("path", "PATH"), .init("cost", "FLOAT")],
                  description: "The cheapest path from sourceNode to targetNode, summing weight (each relationship 1 without it); no row when none.") { p, args throws(QueryError) in
            let (g, c) = try project(p, args, "algo.dijkstra", allowed: ["sourceNode", "targetNode"])
            let source = try g.node(c, "sourceNode", procedure: "algo.dijkstra"), target = try g.node(c, "targetNode", procedure: "algo.dijkstra")
            guard let found = try ShortestPaths.dijkstra(g, from: source, to: target, p) else { return [] }
            return [[.path(PathValue(nodes: found.nodes.map { g.nodes[$0] }, relationships: found.relationships)), .float(found.cost)]]
        },
        Procedure(name: "algo.similarity", inputs: [config],
                  outputs: [.init("node1", "NODE"), .init("node2", "NODE"), .init("similarity", "FLOAT")],
                  description: "For each node, the topK (default 10) nodes sharing most neighbours: metric 'JACCARD' (default) or 'OVERLAP'.", columns: { p, args throws(QueryError) in
            let (g, c) = try project(p, args, "algo.similarity", allowed: ["topK", "metric"])
            var overlap = false
            switch c.settings["metric"] {
            case nil, .null?: break
            case .string(let m)? where ["JACCARD", "OVERLAP"].contains(m.uppercased()): overlap = m.uppercased() == "OVERLAP"
            case let v?: throw .invalidArgument("algo.similarity: metric is 'JACCARD' or 'OVERLAP', not \(CypherExport.literal(v))")
            }
            return try Similarity.run(g, overlap: overlap, topK: try c.integer("topK", default: 10), p)
        }),
        Procedure(name: "algo.labelPropagation", inputs: [config], outputs: [.init("node", "NODE"), .init("communityId", "INTEGER")],
                  description: "Communities by label propagation (relationships either way; at most 10 rounds unless iterations is set; seed, default 42, makes it repeat); named by their smallest node id.", columns: { p, args throws(QueryError) in
            let (g, c) = try project(p, args, "algo.labelPropagation", allowed: ["iterations", "seed"], direction: .both)
            let communities = try LabelPropagation.run(g, iterations: try c.integer("iterations", default: 10),
                                                     seed: UInt64(try c.integer("seed", default: 42)), p)
            return g.perNode(.integers(communities.map { Int64(g.nodes[$0]) }))
        }),
        Procedure(name: "algo.allShortestPaths", inputs: [config], outputs: [.init("path", "PATH")],
                  description: "Every path with the fewest relationships from sourceNode to targetNode along the direction (at most limit, default 1000).") { p, args throws(QueryError) in
            let (g, c) = try project(p, args, "algo.allShortestPaths", allowed: ["sourceNode", "targetNode", "limit"])
            let source = try g.node(c, "sourceNode", procedure: "algo.allShortestPaths")
            let target = try g.node(c, "targetNode", procedure: "algo.allShortestPaths")
            let paths = try ShortestPaths.all(g, from: source, to: target, limit: try c.integer("limit", default: 1000), p)
            return paths.map { [.path(PathValue(nodes: $0.nodes.map { g.nodes[$0] }, relationships: $0.relationships))] }
        },
        Procedure(name: "algo.louvain", inputs: [config],
                  outputs: [.init("node", "NODE"), .init("communityId", "INTEGER"), .init("modularity", "FLOAT")],
                  description: "Communities by the Louvain method (relationships either way, weighted; seed, default 42, orders the moves); every row carries the partition's modularity.", columns: { p, args throws(QueryError) in
            let (g, c) = try project(p, args, "algo.louvain", allowed: ["seed"])
            let result = try Louvain.run(g, seed: UInt64(try c.integer("seed", default: 42)), p)
            return g.perNode(.integers(result.community.map { Int64(g.nodes[$0]) }),
                             .floats([Double](repeating: result.modularity, count: g.count)))
        }),
    ]

    /// The subgraph the configuration chooses; `direction`, when given, overrides it (algorithms
    /// defined on relationships either way).
    static func project(_ p: ProcedureContext, _ args: [Value], _ name: String, allowed: Set<String>,
                        direction: AlgorithmConfig.Direction? = nil, countsOnly: Bool = false) throws(QueryError) -> (ProjectedGraph, AlgorithmConfig) {
        let (entry, config) = try projection(p, args, name, allowed: allowed, direction: direction, countsOnly: countsOnly)
        return (entry.graph, config)
    }

    /// The projection, from the statement's cache of projections when it has one (a statement
    /// that does not write).
    static func projection(_ p: ProcedureContext, _ args: [Value], _ name: String, allowed: Set<String>,
                           direction: AlgorithmConfig.Direction? = nil, countsOnly: Bool = false) throws(QueryError) -> (ProjectionCache.Entry, AlgorithmConfig) {
        var config = try AlgorithmConfig(args.first ?? .null, procedure: name, allowed: allowed)
        if let direction { config.direction = direction }
        let make = { () throws(QueryError) -> ProjectedGraph in try ProjectedGraph(p, config, procedure: name, countsOnly: countsOnly) }
        guard p.ctx.readOnly, let cache = p.ctx.projections else { return (ProjectionCache.Entry(graph: try make(), countsOnly: countsOnly), config) }
        return (try cache.projection(config, version: p.ctx.graphVersion, countsOnly: countsOnly, make), config)
    }

    /// The undirected simple view of the projection, kept with it.
    static func undirected(_ entry: ProjectionCache.Entry) -> SimpleUndirected {
        if let view = entry.undirected { return view }
        let view = SimpleUndirected(entry.graph)
        entry.undirected = view
        return view
    }
}
