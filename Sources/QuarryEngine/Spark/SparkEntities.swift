/// The node and relationship structs of Spark results: made in SQL (the same way from a slot's
/// columns, `SparkSlot.value`, and from a view's row, `SparkPatterns.nodeValue`), and turned back,
/// with paths, into Quarry's values, gathering the elements they mention for rendering. A node is one element
/// per result by its id group and id (ids are unique within a group), a relationship by its file
/// and `_rid`; their properties come as JSON and are read with the types of the file's header.
struct SparkEntities {
    /// A node as a struct, from SQL expressions for its view, id, labels and properties (JSON).
    static func nodeStruct(view: String, id: String, labels: String, properties: String) -> String {
        "named_struct('~node', \(view), 'id', CAST(\(id) AS STRING), 'labels', \(labels), 'props', \(properties))"
    }

    /// A relationship as a struct, from SQL expressions for its file, `_rid`, type, ends and properties (JSON).
    static func relationshipStruct(file: String, id: String, type: String, ends: (src: String, dst: String), properties: String) -> String {
        "named_struct('~rel', \(file), 'id', CAST(\(id) AS STRING), 'type', \(type), 'src', CAST(\(ends.src) AS STRING), "
            + "'dst', CAST(\(ends.dst) AS STRING), 'props', \(properties))"
    }

    /// Properties as a JSON object, from (key, SQL expression) pairs (nulls left out by `to_json`).
    static func json(_ properties: [(key: String, value: String)]) -> String {
        properties.isEmpty ? "'{}'" : "to_json(named_struct(\(properties.map { "\(SparkSQL.string($0.key)), \($0.value)" }.joined(separator: ", "))))"
    }

    let schema: SparkGraphSchema
    private(set) var elements = ResultElements()
    private var nodeIDs: [String: NodeID] = [:]
    private var relationshipIDs: [String: RelID] = [:]

    init(schema: SparkGraphSchema) { self.schema = schema }

    mutating func decode(_ v: Value) throws(QueryError) -> Value {
        switch v {
        case .list(let items):
            var out: [Value] = []
            out.reserveCapacity(items.count)
            for item in items { out.append(try decode(item)) }
            return .list(out)
        case .map(let m):
            if case .string(let view)? = m["~node"] { return .node(try node(view, m)) }
            if case .string(let file)? = m["~rel"] { return .relationship(try relationship(file, m)) }
            if case .string(let file)? = m["~props"] { return .map(try properties(file, m)) }
            if case .list(let nodes)? = m["~path"], case .list(let rels)? = m["rels"] { return .path(try path(nodes, rels)) }
            var out: [String: Value] = [:]
            for (k, x) in m { out[k] = try decode(x) }
            return .map(out)
        default:
            return v
        }
    }

    private static func damaged(_ what: String) -> QueryError {
        QueryError(.runtimeError, "SparkResult", "Spark returned \(what) that Quarry cannot read")
    }

    private mutating func node(_ view: String, _ m: [String: Value]) throws(QueryError) -> NodeID {
        guard let table = schema.nodeTable(view: view), case .string(let id)? = m["id"] else { throw Self.damaged("a node") }
        return try nodeID(group: table.group, id: id) { () throws(QueryError) in
            guard case .list(let labels)? = m["labels"] else { throw Self.damaged("a node's labels") }
            let names = labels.compactMap { if case .string(let s) = $0 { s } else { nil } }
            return ResultElements.Node(labels: names, properties: try Self.properties(m["props"], table.property))
        }
    }

    /// The node of `id` in `group`, made once with `make` (a relationship's end is known by its id alone).
    private mutating func nodeID(group: String?, id: String, _ make: (() throws(QueryError) -> ResultElements.Node)?) throws(QueryError) -> NodeID {
        let key = (group ?? "") + "\u{0}" + id
        let n = nodeIDs[key] ?? NodeID(nodeIDs.count)
        nodeIDs[key] = n
        if let make, !elements.hasNode(n) { elements.insert(node: n, try make()) }
        return n
    }

    private mutating func relationship(_ file: String, _ m: [String: Value]) throws(QueryError) -> RelID {
        guard let table = schema.relationshipTable(view: file), case .string(let id)? = m["id"],
              case .string(let type)? = m["type"], case .string(let src)? = m["src"], case .string(let dst)? = m["dst"] else {
            throw Self.damaged("a relationship")
        }
        let key = file + "\u{0}" + id
        if let r = relationshipIDs[key] { return r }
        let r = RelID(relationshipIDs.count)
        relationshipIDs[key] = r
        let start = try nodeID(group: table.startGroup, id: src, nil), end = try nodeID(group: table.endGroup, id: dst, nil)
        elements.insert(relationship: r, ResultElements.Relationship(type: type, start: start, end: end,
                                                                      properties: try Self.properties(m["props"], table.property)))
        return r
    }

    /// `properties(n)`: the properties of a node or relationship of the file `view`, as a map.
    private func properties(_ view: String, _ m: [String: Value]) throws(QueryError) -> [String: Value] {
        let column: (String) -> SparkGraphSchema.Column?
        if let t = schema.nodeTable(view: view) { column = t.property } else if let t = schema.relationshipTable(view: view) { column = t.property } else {
            throw Self.damaged("properties")
        }
        var out: [String: Value] = [:]
        for p in try Self.properties(m["props"], column) { out[p.key] = p.value }
        return out
    }

    private mutating func path(_ nodes: [Value], _ rels: [Value]) throws(QueryError) -> PathValue {
        var p = PathValue(nodes: [], relationships: [])
        for n in nodes {
            guard case .node(let id) = try decode(n) else { throw Self.damaged("a path") }
            p.nodes.append(id)
        }
        for r in rels {
            guard case .relationship(let id) = try decode(r) else { throw Self.damaged("a path") }
            p.relationships.append(id)
        }
        guard p.nodes.count == p.relationships.count + 1 else { throw Self.damaged("a path") }
        return p
    }

    /// The properties of a JSON object, each read as its column's header type says.
    private static func properties(_ json: Value?, _ column: (String) -> SparkGraphSchema.Column?) throws(QueryError) -> [ResultElements.Property] {
        guard case .string(let text)? = json, case .map(let m) = try JSONValueReader.parse(text) else { throw damaged("properties") }
        var out: [ResultElements.Property] = []
        for (key, v) in m.sorted(by: { $0.key < $1.key }) where !v.isNull {
            guard let c = column(key) else { throw damaged("a property the file does not have") }
            out.append(ResultElements.Property(key: key, value: try typed(v, c.importType)))
        }
        return out
    }

    /// A JSON value as the header type reads it: text that stands for a date, time or special
    /// float is parsed, numbers take the column's kind.
    private static func typed(_ v: Value, _ type: ImportType) throws(QueryError) -> Value {
        switch (v, type) {
        case (.list(let items), .array(let item)):
            var out: [Value] = []
            for x in items { out.append(try typed(x, item)) }
            return .list(out)
        case (.int(let i), .float): return .float(Double(i))
        case (.string(let s), _) where !type.isText:
            do { return try type.parse(s) } catch { throw damaged("the value '\(s)'") }
        default: return v
        }
    }
}

extension ImportType {
    /// Whether the type's values are text as they are.
    var isText: Bool {
        switch self {
        case .string: return true
        default: return false
        }
    }
}
