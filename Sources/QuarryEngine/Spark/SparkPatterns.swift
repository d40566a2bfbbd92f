/// A MATCH as joins of the graph's views. Each way the pattern can lie over the files (which
/// node file each node is in, which relationship file and which way round each hop is, how many
/// hops a `*a..b` takes) is one SELECT of joins; the MATCH is their UNION ALL, filtered by its
/// WHERE. Relationship uniqueness is `_rid` inequality between hops over the same file.
struct SparkPatterns {
    let compiler: SparkCompiler
    var schema: SparkGraphSchema { compiler.schema }
    var keys: [String] { compiler.keys }

    /// A hop of one branch: a relationship file, read forwards or backwards.
    struct Hop {
        let table: SparkGraphSchema.RelationshipTable
        let way: Way
    }

    /// Which way a hop reads its file: start to end, end to start, or both at once (an
    /// undirected hop within one id group: one relation instead of a branch per way, so that
    /// a pattern of k such hops is not 2^k branches).
    enum Way {
        case forward, backward, both

        /// The columns of the hop's row at the near and far node.
        var ends: (near: String, far: String) {
            switch self {
            case .forward: ("_src", "_dst")
            case .backward: ("_dst", "_src")
            case .both: ("_near", "_far")
            }
        }
    }

    /// The hops one step takes, each with the node file it reaches.
    typealias Chain = [(hop: Hop, to: SparkGraphSchema.NodeTable)]

    /// The chains a step may take in one branch: one, or for a variable-length step all of its
    /// lengths from one to the most that end in one node file (joined as one derived relation,
    /// `variableLengthRelation`, instead of a branch per length that joins the rest again).
    typealias Route = [Chain]

    /// One pattern step as the branches see it: its relationship (or var-length range) and end nodes.
    struct Step {
        let relationship: PlannedRelationship
        /// Empty when the bounds leave no length (`*3..2`).
        let lengths: [Int]
    }

    /// One way the MATCH lies over the files.
    struct Branch {
        var nodes: [Int: SparkGraphSchema.NodeTable] = [:]
        /// Per part, per step, the route taken.
        var hops: [[Route]] = []
    }

    func match(_ input: SparkRelation, _ m: PatternMatch) throws(QueryError) -> SparkRelation {
        var steps: [[Step]] = []
        for part in m.parts {
            for n in part.nodes where m.bound.contains(n.slot) {
                guard case .node? = input.slots[n.slot] else { throw SparkCompiler.unsupported("matching \(n.name ?? "a node") again after it became a value", n.range) }
            }
            if part.shortest != .none {
                // Its ends are matched here, the path between them searched for after (`shortest`).
                try checkShortest(part, m)
                steps.append([])
                continue
            }
            steps.append(try part.relationships.map { r throws(QueryError) in
                if r.group != nil { throw SparkCompiler.unsupported("a quantified path pattern", r.range) }
                if m.bound.contains(r.slot), r.length != nil { throw SparkCompiler.unsupported("a variable-length relationship bound before the MATCH", r.range) }
                guard let length = r.length else { return Step(relationship: r, lengths: [1]) }
                let high: Int
                if let max = length.max { high = max } else { high = try trailBound(r) }
                let low = length.min ?? 1
                return Step(relationship: r, lengths: low <= high ? Array(low...high) : [])
            })
        }
        var branches: [Branch] = []
        try enumerate(m, steps, part: 0, Branch(), input, into: &branches)
        var slots = input.slots
        // Each new slot's shape: the tables it takes over all branches.
        for (p, part) in m.parts.enumerated() {
            for n in part.nodes where input.slots[n.slot] == nil {
                var seen: Set<String> = []
                slots[n.slot] = .node(branches.compactMap { $0.nodes[n.slot] }.filter { seen.insert($0.view).inserted })
            }
            for (i, r) in part.relationships.enumerated() {
                if r.length != nil {
                    slots[r.slot] = part.shortest == .none ? .relationshipList : .hops
                    continue
                }
                var seen: Set<String> = []
                slots[r.slot] = .relationship(branches.compactMap { $0.hops.count > p ? $0.hops[p][i].first?.first?.hop.table : nil }.filter { seen.insert($0.view).inserted })
            }
            if let path = part.pathSlot { slots[path] = part.shortest == .none ? .path : .hops }
        }
        let selects = try branches.map { b throws(QueryError) in try select(b, m, steps, input, slots) }
        let union = selects.isEmpty ? empty(input, slots) : selects.joined(separator: " UNION ALL ")
        var out = SparkRelation(sql: union, slots: slots, order: [])
        let shortestParts = m.parts.filter { $0.shortest != .none }
        // The WHERE goes before the search, on the ends: one on the path itself would have to
        // steer the search.
        for part in shortestParts {
            for r in part.relationships { out.slots[r.slot] = nil }
            if let path = part.pathSlot { out.slots[path] = nil }
        }
        if let predicate = m.predicate {
            do {
                out = try compiler.filter(out, predicate, Bindings(scope: m.scope))
            } catch where !shortestParts.isEmpty && error.detail == "NotOnSpark" {
                throw SparkCompiler.unsupported("a WHERE on a shortestPath's path or relationships", predicate.range)
            }
        }
        for part in shortestParts { out = try shortest(out, part) }
        return out
    }

    /// Tables a node of the pattern may be in, given its labels and what binds it.
    func candidates(_ n: PlannedNode, _ input: SparkRelation, _ branch: Branch) -> [SparkGraphSchema.NodeTable] {
        if let chosen = branch.nodes[n.slot] { return chosen.mayHave(n.labels) ? [chosen] : [] }
        if case .node(let bound)? = input.slots[n.slot] { return bound.filter { $0.mayHave(n.labels) } }
        return schema.nodeTables(labels: n.labels)
    }

    func enumerate(_ m: PatternMatch, _ steps: [[Step]], part: Int, _ branch: Branch, _ input: SparkRelation,
                   into out: inout [Branch]) throws(QueryError) {
        guard part < m.parts.count else {
            out.append(branch)
            return
        }
        let p = m.parts[part]
        for start in candidates(p.nodes[0], input, branch) {
            var b = branch
            b.nodes[p.nodes[0].slot] = start
            b.hops.append([])
            if p.shortest != .none, let end = p.nodes.last {
                for last in candidates(end, input, b) {
                    var withEnd = b
                    withEnd.nodes[end.slot] = last
                    try enumerate(m, steps, part: part + 1, withEnd, input, into: &out)
                }
                continue
            }
            try walk(m, steps, part: part, step: 0, from: start, b, input, into: &out)
        }
    }

    /// Chooses the hops of step `step` of part `part`, from a node in `from`.
    func walk(_ m: PatternMatch, _ steps: [[Step]], part: Int, step: Int, from: SparkGraphSchema.NodeTable, _ branch: Branch,
              _ input: SparkRelation, into out: inout [Branch]) throws(QueryError) {
        let p = m.parts[part]
        guard step < steps[part].count else {
            return try enumerate(m, steps, part: part + 1, branch, input, into: &out)
        }
        let s = steps[part][step]
        let end = p.nodes[step + 1]
        for var route in routes(from: from, s, factored: p.pathSlot == nil, input) {
            // The step ends in the end node's own table of the group the last hop reaches.
            let group = route.first?.last?.to.group ?? from.group
            for last in candidates(end, input, branch) where last.group == group {
                for c in route.indices where !route[c].isEmpty { route[c][route[c].count - 1].to = last }
                var b = branch
                b.nodes[end.slot] = last
                b.hops[part].append(route)
                try walk(m, steps, part: part, step: step + 1, from: last, b, input, into: &out)
            }
        }
    }

    /// The routes of a step from a node in `from`: a chain each, but for a variable-length step
    /// whose hops are not wanted one by one (`factored`: no path value of the part, no property
    /// map, which could read the input's columns) the chains of one length or more grouped by
    /// the node group they reach.
    func routes(from: SparkGraphSchema.NodeTable, _ s: Step, factored: Bool, _ input: SparkRelation) -> [Route] {
        let all = s.lengths.flatMap { chains(from: from, length: $0, s.relationship, input) }
        guard factored, s.relationship.length != nil, s.relationship.properties == nil else { return all.map { [$0] } }
        var routes: [Route] = all.filter(\.isEmpty).map { [$0] }
        var byGroup: [String?: Int] = [:]
        for chain in all {
            guard let last = chain.last else { continue }
            if let k = byGroup[last.to.group] {
                routes[k].append(chain)
            } else {
                byGroup[last.to.group] = routes.count
                routes.append([chain])
            }
        }
        return routes
    }

    /// Every sequence of `length` hops of the relationship's types and direction from a node in `from`.
    func chains(from: SparkGraphSchema.NodeTable, length: Int, _ r: PlannedRelationship, _ input: SparkRelation) -> [Chain] {
        guard length > 0 else { return [[]] }
        var out: [Chain] = []
        var tables = schema.relationshipTables(types: r.types)
        if case .relationship(let bound)? = input.slots[r.slot] { tables = bound }
        for table in tables where table.mayHave(r.types) {
            var ways: [Way] = []
            if r.direction == .both, table.startGroup == table.endGroup {
                if table.startGroup == from.group { ways.append(.both) }
            } else {
                if r.direction != .incoming, table.startGroup == from.group { ways.append(.forward) }
                if r.direction != .outgoing, table.endGroup == from.group { ways.append(.backward) }
            }
            for way in ways {
                guard let next = schema.nodeTable(inGroup: way == .backward ? table.startGroup : table.endGroup, labels: []) else { continue }
                for rest in chains(from: next, length: length - 1, r, input) {
                    out.append([(Hop(table: table, way: way), next)] + rest)
                }
            }
        }
        return out
    }

    /// One branch as a SELECT: the input joined with a view per new node and per hop.
    func select(_ b: Branch, _ m: PatternMatch, _ steps: [[Step]], _ input: SparkRelation, _ slots: [Int: SparkSlot]) throws(QueryError) -> String {
        let names = compiler.names
        var from: [String] = []
        var conditions: [String] = []
        var outputs: [String] = []
        let i = names.next()
        if let sql = input.sql {
            from.append("(\(sql)) \(i)")
            outputs += input.columns(keys: keys).map { "\(i).\($0)" }
        }
        let x = compiler.expressions(input, Bindings(scope: m.scope))
        var nodeIDs: [Int: String] = [:]
        /// Nodes joined in this branch as values (for paths).
        var nodeValues: [Int: String] = [:]
        func nodeValue(_ n: PlannedNode) throws(QueryError) -> String {
            if let v = nodeValues[n.slot] { return v }
            return try (input.slots[n.slot] ?? .value(nil)).value(n.slot)
        }
        /// The id of node `n` in this branch: the input's column, or a new view's.
        func nodeID(_ n: PlannedNode) throws(QueryError) -> String {
            if let id = nodeIDs[n.slot] { return id }
            guard let table = b.nodes[n.slot] else { return "NULL" }
            if case .node(let bound)? = input.slots[n.slot] {
                let id = "\(i).\(SparkSlot.column(n.slot))"
                if bound.count > 1 {
                    conditions.append("\(i).\(SparkSlot.column(n.slot, "space")) IN (\(table.spaces.map(SparkSQL.string).joined(separator: ", ")))")
                }
                if table.label == nil { conditions += n.labels.map { "array_contains(\(i).\(SparkSlot.column(n.slot, "labels")), \(SparkSQL.string($0)))" } }
                if let map = n.properties, case .map(let entries) = map.kind {
                    for (key, value) in entries {
                        conditions.append(table.property(key) == nil ? "FALSE" : "\(i).\(SparkSlot.column(n.slot, "p_" + key)) = \(try x.sql(value))")
                    }
                }
                nodeIDs[n.slot] = id
                return id
            }
            let alias = names.next()
            from.append("\(SparkSQL.name(table.view)) \(alias)")
            nodeIDs[n.slot] = "\(alias)._id"
            nodeValues[n.slot] = Self.nodeValue(table, alias)
            outputs += nodeColumns(alias, table, n.slot, slots)
            if table.label == nil { conditions += n.labels.map { "array_contains(\(alias)._labels, \(SparkSQL.string($0)))" } }
            try properties(n.properties, alias, table.property, x, &conditions)
            return "\(alias)._id"
        }
        var used: [RelationshipsJoined] = []
        /// Reaches `endNode` at `far` of the last hop, in `to`; returns its id.
        func reach(_ endNode: PlannedNode, at far: String, in to: SparkGraphSchema.NodeTable, wantsPath: Bool) throws(QueryError) -> String {
            if !wantsPath, nodeIDs[endNode.slot] == nil, input.slots[endNode.slot] == nil, impliedByItsGroup(endNode, to) {
                // Nothing of the node is read and the relationship's end says which file
                // holds it: the end's id is the node.
                nodeIDs[endNode.slot] = far
                outputs += ["\(far) AS \(SparkSlot.column(endNode.slot))", "\(SparkSQL.string(to.view)) AS \(SparkSlot.column(endNode.slot, "space"))",
                            "\(to.labels(far)) AS \(SparkSlot.column(endNode.slot, "labels"))"]
                    + keyColumns(nil, to.property, endNode.slot, slots)
                return far
            }
            let end = try nodeID(endNode)
            conditions.append("\(far) = \(end)")
            return end
        }
        for (p, part) in m.parts.enumerated() {
            var previous = try nodeID(part.nodes[0])
            // A path's nodes and relationships as values, in order (when the part has a path).
            let wantsPath = part.pathSlot != nil && part.shortest == .none
            var pathNodes = wantsPath ? [try nodeValue(part.nodes[0])] : []
            var pathRelationships: [String] = []
            if part.shortest != .none, let end = part.nodes.last {
                // The ends only; the length comes from the search.
                _ = try nodeID(end)
                outputs += part.relationships.map { "CAST(NULL AS BIGINT) AS \(SparkSlot.column($0.slot))" }
            }
            for (s, route) in b.hops[p].enumerated() {
                let r = steps[p][s].relationship
                let endNode = part.nodes[s + 1]
                if route.count > 1, let to = route.first?.last?.to {
                    let alias = names.next()
                    from.append("(\(variableLengthRelation(route, r))) \(alias)")
                    keepApart(RelationshipsJoined(files: Set(route.flatMap { $0.flatMap(\.hop.table.files) }), rids: "\(alias)._rids", isList: true),
                              &conditions, &used)
                    conditions.append("\(alias)._near = \(previous)")
                    previous = try reach(endNode, at: "\(alias)._far", in: to, wantsPath: false)
                    outputs += ["\(alias)._hops AS \(SparkSlot.column(r.slot))", "\(alias)._list AS \(SparkSlot.column(r.slot, "list"))"]
                    continue
                }
                let chain = route.first ?? []
                var hopsTaken = 0
                var stepRelationships: [String] = []
                for (k, (hop, to)) in chain.enumerated() {
                    let alias = join(hop, &from, &conditions, &used)
                    let (near, far) = hop.way.ends
                    conditions.append("\(alias).\(near) = \(previous)")
                    stepRelationships.append(Self.relationshipValue(hop.table, alias))
                    if k == chain.count - 1 {
                        previous = try reach(endNode, at: "\(alias).\(far)", in: to, wantsPath: wantsPath)
                        if wantsPath { pathNodes.append(try nodeValue(endNode)) }
                    } else if wantsPath {
                        // A path needs the nodes between the hops of a var-length step as values.
                        let middle = names.next()
                        from.append("\(SparkSQL.name(to.view)) \(middle)")
                        conditions.append("\(alias).\(far) = \(middle)._id")
                        pathNodes.append(Self.nodeValue(to, middle))
                        previous = "\(middle)._id"
                    } else {
                        // Between the hops of a var-length step: the next hop starts where this
                        // one ends (the node exists, as for `impliedByItsGroup`).
                        previous = "\(alias).\(far)"
                    }
                    try properties(r.properties, alias, hop.table.property, x, &conditions)
                    conditions += typeCondition(hop, r, alias)
                    if input.slots[r.slot] != nil {
                        // Bound before: the same relationship (`_rid` is unique over all files).
                        conditions.append("\(alias)._rid = \(i).\(SparkSlot.column(r.slot))")
                    } else if r.length == nil {
                        outputs += ["\(alias)._rid AS \(SparkSlot.column(r.slot))", "\(hop.table.file(alias)) AS \(SparkSlot.column(r.slot, "file"))",
                                    "\(hop.table.type(alias)) AS \(SparkSlot.column(r.slot, "type"))", "\(alias)._src AS \(SparkSlot.column(r.slot, "src"))",
                                    "\(alias)._dst AS \(SparkSlot.column(r.slot, "dst"))"]
                            + keyColumns(alias, hop.table.property, r.slot, slots)
                    }
                    hopsTaken += 1
                }
                if chain.isEmpty {
                    // Zero hops: both ends are the same node.
                    let end = try nodeID(part.nodes[s + 1])
                    if end != previous { conditions.append("\(end) = \(previous)") }
                    previous = end
                }
                if r.length != nil {
                    outputs.append("\(hopsTaken) AS \(SparkSlot.column(r.slot))")
                    outputs.append("\(Self.array(stepRelationships, of: SparkSlot.relationshipType)) AS \(SparkSlot.column(r.slot, "list"))")
                }
                pathRelationships += stepRelationships
            }
            if let path = part.pathSlot {
                outputs.append("\(b.hops[p].reduce(0) { $0 + ($1.first?.count ?? 0) }) AS \(SparkSlot.column(path))")
                if wantsPath {
                    outputs.append("named_struct('~path', \(Self.array(pathNodes, of: SparkSlot.nodeType)), 'rels', "
                                   + "\(Self.array(pathRelationships, of: SparkSlot.relationshipType))) AS \(SparkSlot.column(path, "path"))")
                }
            }
        }
        let list = outputs.isEmpty ? "1 AS _unit" : outputs.joined(separator: ", ")
        return "SELECT \(list)" + (from.isEmpty ? "" : " FROM " + from.joined(separator: ", ")) + (conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND "))
    }

    /// A bound for a `*` without one: a path repeats no relationship, so it takes at most as many
    /// as there are of its types; and none is longer than the longest walk, which a breadth-first
    /// probe finds where the relationships (followed one way) form no cycle. Refused above 10.
    func trailBound(_ r: PlannedRelationship) throws(QueryError) -> Int {
        let limit = 10
        let refusal = SparkCompiler.unsupported("a variable-length relationship without an upper bound whose paths may be longer than \(limit)", r.range,
                                                instead: "give one: *..6")
        guard let run = compiler.run else { throw refusal }
        let tables = schema.relationshipTables(types: r.types)
        let typed = { (t: SparkGraphSchema.RelationshipTable) in t.type == nil && !r.types.isEmpty ? " WHERE _type IN (\(r.types.map(SparkSQL.string).joined(separator: ", ")))" : "" }
        let counts = tables.map { "SELECT count(*) AS n FROM \(SparkSQL.name($0.view))\(typed($0))" }
        guard !counts.isEmpty else { return 0 }
        guard case .int(let n)? = try run("SELECT sum(n) FROM (\(counts.joined(separator: " UNION ALL "))) \(compiler.names.next())").first?.first else { throw refusal }
        if n <= limit { return Int(n) }
        guard r.direction != .both, n <= 100_000 else { throw refusal }
        // Walks of k hops end in `frontier`; when none is left, no path is k long.
        let far = r.direction == .outgoing ? "_dst" : "_src"
        let ends = tables.map { t in
            "SELECT \((r.direction == .outgoing ? t.endGroup : t.startGroup).map(SparkSQL.string) ?? "CAST(NULL AS STRING)") AS g, CAST(\(far) AS STRING) AS n FROM \(SparkSQL.name(t.view))\(typed(t))"
        }
        var frontier = Set(try run("SELECT DISTINCT g, n FROM (\(ends.joined(separator: " UNION ALL "))) \(compiler.names.next())").compactMap(NodeKey.init(row:)))
        var depth = 1
        while !frontier.isEmpty {
            guard depth < limit else { throw refusal }
            frontier = try neighbours(of: frontier, r.types, r.direction, run)
            if !frontier.isEmpty { depth += 1 }
        }
        return depth
    }

    /// A node of a view's row as a value (`SparkSlot.value` makes the same from a slot's columns).
    static func nodeValue(_ t: SparkGraphSchema.NodeTable, _ alias: String) -> String {
        SparkEntities.nodeStruct(view: t.space(alias), id: "\(alias)._id", labels: t.labels(alias), properties: json(t.properties, alias))
    }

    static func relationshipValue(_ t: SparkGraphSchema.RelationshipTable, _ alias: String) -> String {
        SparkEntities.relationshipStruct(file: t.file(alias), id: "\(alias)._rid", type: t.type(alias), ends: ("\(alias)._src", "\(alias)._dst"),
                                         properties: json(t.properties, alias))
    }

    /// A row's properties as a JSON object.
    static func json(_ columns: [SparkGraphSchema.Column], _ alias: String) -> String {
        SparkEntities.json(columns.map { ($0.name, "\(alias).\(SparkSQL.name($0.name))") })
    }

    /// An array of values of one struct type (typed when empty).
    static func array(_ items: [String], of type: String) -> String {
        items.isEmpty ? "CAST(array() AS ARRAY<\(type)>)" : "array(\(items.joined(separator: ", ")))"
    }

    /// A node without properties, anonymous or named but not read again, whose relationship end
    /// names a group of one file: the file holds it, since a folder Quarry imports has no
    /// relationship to a missing node (`AdminImport` refuses one), so joining the file would only
    /// repeat what is known.
    func impliedByItsGroup(_ n: PlannedNode, _ table: SparkGraphSchema.NodeTable) -> Bool {
        (n.name.map(compiler.unreferenced.contains) ?? true) && n.properties == nil && table.label != nil && schema.nodes(inGroup: table.group).count == 1
    }

    /// A pattern's `{k: v}` on a view's row.
    func properties(_ map: Expr?, _ alias: String, _ column: (String) -> SparkGraphSchema.Column?, _ x: SparkExpressions,
                    _ conditions: inout [String]) throws(QueryError) {
        guard let map, case .map(let entries) = map.kind else { return }
        for (key, value) in entries {
            guard column(key) != nil else {
                conditions.append("FALSE")
                continue
            }
            conditions.append("\(alias).\(SparkSQL.name(key)) = \(try x.sql(value))")
        }
    }

    func nodeColumns(_ alias: String, _ table: SparkGraphSchema.NodeTable, _ slot: Int, _ slots: [Int: SparkSlot]) -> [String] {
        ["\(alias)._id AS \(SparkSlot.column(slot))", "\(table.space(alias)) AS \(SparkSlot.column(slot, "space"))",
         "\(table.labels(alias)) AS \(SparkSlot.column(slot, "labels"))"]
            + keyColumns(alias, table.property, slot, slots)
    }

    /// The statement's keys from a view's row, each of the type the slot has over all its tables
    /// (all null without a row: `alias` nil).
    func keyColumns(_ alias: String?, _ column: (String) -> SparkGraphSchema.Column?, _ slot: Int, _ slots: [Int: SparkSlot]) -> [String] {
        keys.map { key in
            let type = slots[slot]?.propertyType(key) ?? .string
            let name = SparkSlot.column(slot, "p_" + key)
            guard let alias, let c = column(key) else { return "CAST(NULL AS \(type.sql)) AS \(name)" }
            let value = "\(alias).\(SparkSQL.name(key))"
            return "\(c.type == type ? value : "CAST(\(value) AS \(type.sql))") AS \(name)"
        }
    }

    /// A MATCH no file can satisfy: no rows, with the columns it would have had.
    func empty(_ input: SparkRelation, _ slots: [Int: SparkSlot]) -> String {
        let columns = slots.sorted { $0.key < $1.key }.flatMap { slot, shape in shape.nullColumns(slot, keys: keys) }
        return "SELECT \(columns.isEmpty ? "1 AS _unit" : columns.joined(separator: ", ")) WHERE FALSE"
    }
}
