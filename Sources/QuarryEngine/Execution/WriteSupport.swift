/// Shared pieces of the writing operators: creating pattern elements and setting properties.
struct CreateNodeSpec {
    let slot: Int
    let bound: Bool
    let labels: [Int32]
    let properties: Evaluator?
}

struct CreateRelationshipSpec {
    let slot: Int
    let type: Int32
    let from: Int
    let to: Int
    let properties: Evaluator?
}

struct CreatePatternSpec {
    let nodes: [CreateNodeSpec]
    let relationships: [CreateRelationshipSpec]
    /// The path variable and the node and relationship slots in path order.
    let path: (slot: Int, nodeSlots: [Int], relationshipSlots: [Int])?
}

extension ExecutionContext {
    func create(_ spec: CreatePatternSpec, in row: inout Row) throws(QueryError) {
        for n in spec.nodes {
            if n.bound {
                guard row[n.slot].isNode else {
                    throw QueryError(.typeError, "InvalidArgumentType", "CREATE needs a node here, got \(row[n.slot].typeName)")
                }
                continue
            }
            let props = try n.properties.map { e throws(QueryError) in try propertyMap(e(&row)) } ?? []
            let id = graph.createNode(labels: n.labels)
            statistics.nodesCreated += 1
            statistics.labelsAdded += n.labels.count
            for (k, v) in props {
                graph.setNodeProperty(id, k, v)
                statistics.propertiesSet += 1
            }
            row[n.slot] = .node(id)
        }
        for r in spec.relationships {
            guard case .node(let a) = row[r.from], case .node(let b) = row[r.to] else {
                throw QueryError(.typeError, "InvalidArgumentType", "a relationship needs a node at each end")
            }
            if deletedNodes.contains(a) || deletedNodes.contains(b) { throw .deletedEntityAccess() }
            let props = try r.properties.map { e throws(QueryError) in try propertyMap(e(&row)) } ?? []
            let id = graph.createRelationship(type: r.type, from: a, to: b)
            statistics.relationshipsCreated += 1
            for (k, v) in props {
                graph.setRelationshipProperty(id, k, v)
                statistics.propertiesSet += 1
            }
            row[r.slot] = .relationship(id)
        }
        if let p = spec.path {
            row[p.slot] = .path(PathValue(nodes: p.nodeSlots.compactMap { row[$0].nodeID },
                                          relationships: p.relationshipSlots.compactMap { row[$0].relationshipID }))
        }
    }

    /// The non-null entries of a property map, with keys interned and values checked.
    func propertyMap(_ v: Value) throws(QueryError) -> [(Int32, Value)] {
        switch v {
        case .null: return []
        case .map(let m):
            var out: [(Int32, Value)] = []
            for k in m.keys.sorted() {
                let value = m[k]!
                if value.isNull { continue }
                try checkStorable(value)
                out.append((graph.keyID(k), value))
            }
            return out
        case .node(let n):
            return graph.nodePropertyKeys(n).map { ($0, graph.nodeProperty(n, $0)) }
        case .relationship(let r):
            return graph.relationshipPropertyKeys(r).map { ($0, graph.relationshipProperty(r, $0)) }
        default:
            throw .typeMismatch("properties must be given as a map", got: v)
        }
    }

    /// Properties hold scalars and lists of scalars.
    func checkStorable(_ v: Value) throws(QueryError) {
        guard v.isStorableProperty else { throw .propertyTypeMismatch(v) }
    }

    func setProperty(of target: Value, _ key: Int32, _ value: Value) throws(QueryError) {
        if !value.isNull { try checkStorable(value) }
        switch target {
        case .null: return
        case .node(let n):
            if deletedNodes.contains(n) { throw .deletedEntityAccess() }
            graph.setNodeProperty(n, key, value)
        case .relationship(let r):
            if deletedRelationships.contains(r) { throw .deletedEntityAccess() }
            graph.setRelationshipProperty(r, key, value)
        default:
            throw .typeMismatch("SET needs a node or a relationship", got: target)
        }
        statistics.propertiesSet += 1
    }

    func propertyKeys(of target: Value) -> [Int32] {
        switch target {
        case .node(let n): return graph.nodePropertyKeys(n)
        case .relationship(let r): return graph.relationshipPropertyKeys(r)
        default: return []
        }
    }
}

extension Value {
    var nodeID: NodeID? {
        if case .node(let n) = self { return n }
        return nil
    }

    var relationshipID: RelID? {
        if case .relationship(let r) = self { return r }
        return nil
    }
}
