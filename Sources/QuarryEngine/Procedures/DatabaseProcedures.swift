/// `db.*`: what the graph holds (labels, types, keys, the property schema, indexes).
enum DatabaseProcedures {
    static let all: [Procedure] = [
        Procedure(name: "db.labels", inputs: [], outputs: [.init("label", "STRING")],
                  description: "The labels some node has.") { p, _ throws(QueryError) in
            let g = p.graph
            return g.labels.names.indices.filter { g.labelCounts[$0] > 0 }.map { [.string(g.labels.names[$0])] }
        },
        Procedure(name: "db.relationshipTypes", inputs: [], outputs: [.init("relationshipType", "STRING")],
                  description: "The types some relationship has.") { p, _ throws(QueryError) in
            let g = p.graph
            return g.types.names.indices.filter { g.typeCounts[$0] > 0 }.map { [.string(g.types.names[$0])] }
        },
        Procedure(name: "db.propertyKeys", inputs: [], outputs: [.init("propertyKey", "STRING")],
                  description: "Every property key the graph has seen.") { p, _ throws(QueryError) in
            p.graph.keys.names.map { [.string($0)] }
        },
        Procedure(name: "db.schema.nodeTypeProperties", inputs: [],
                  outputs: [.init("nodeType", "STRING"), .init("nodeLabels", "LIST<STRING>"), .init("propertyName", "STRING"),
                            .init("propertyTypes", "LIST<STRING>"), .init("mandatory", "BOOLEAN")],
                  description: "For each combination of labels, each property its nodes hold, with the value types and whether every such node has it.") { p, _ throws(QueryError) in
            try nodeTypeProperties(p)
        },
        Procedure(name: "db.indexes", inputs: [],
                  outputs: [.init("id", "INTEGER"), .init("name", "STRING"), .init("state", "STRING"), .init("type", "STRING"),
                            .init("entityType", "STRING"), .init("labelsOrTypes", "LIST<STRING>"), .init("properties", "LIST<STRING>"),
                            .init("entries", "INTEGER")],
                  description: "The property indexes (CREATE INDEX makes them).") { p, _ throws(QueryError) in
            p.graph.indexSummaries.enumerated().map { i, index in
                [.int(Int64(i + 1)), .string(index.name), .string("ONLINE"), .string("RANGE"), .string("NODE"),
                 .list([.string(index.label)]), .list([.string(index.key)]), .int(Int64(index.entries))]
            }
        },
    ]

    /// One pass over the nodes, grouping them by their set of labels.
    static func nodeTypeProperties(_ p: ProcedureContext) throws(QueryError) -> [[Value]] {
        let g = p.graph
        struct Seen {
            var nodes = 0
            var keys: [Int32: (count: Int, types: Set<String>)] = [:]
        }
        var byLabels: [[Int32]: Seen] = [:]
        var next = g.nextNode(from: 0, label: nil)
        while let n = next {
            try p.tick()
            let node = NodeID(n)
            let labels = g.labels(of: node).sorted()
            var seen = byLabels[labels] ?? Seen()
            seen.nodes += 1
            for k in g.nodePropertyKeys(node) {
                var entry = seen.keys[k] ?? (0, [])
                entry.count += 1
                entry.types.insert(g.nodeProperty(node, k).typeName)
                seen.keys[k] = entry
            }
            byLabels[labels] = seen
            next = g.nextNode(from: n + 1, label: nil)
        }
        var rows: [[Value]] = []
        for (labels, seen) in byLabels {
            let names = labels.map { g.labels.name($0) }.sorted()
            let nodeType = ":" + names.map { "`\($0)`" }.joined(separator: ":")
            if seen.keys.isEmpty {
                rows.append([.string(nodeType), .list(names.map(Value.string)), .null, .null, .bool(false)])
            }
            for (k, entry) in seen.keys {
                rows.append([.string(nodeType), .list(names.map(Value.string)), .string(g.keys.name(k)),
                             .list(entry.types.sorted().map(Value.string)), .bool(entry.count == seen.nodes)])
            }
        }
        return rows.sorted { a, b in
            let x = Functions.toText(a[0]) + "\u{0}" + Functions.toText(a[2]), y = Functions.toText(b[0]) + "\u{0}" + Functions.toText(b[2])
            return x < y
        }
    }
}
