/// `shortestPath((a)-[:T*..n]-(b))` on Spark: the rows with both ends are one query; then, for
/// each distinct pair of ends, a breadth-first search from both ends at once that Quarry drives,
/// one query per level (Spark SQL cannot keep a visited set or stop when the ends meet); the
/// lengths found come back into the statement as an inline table joined on the ends.
extension SparkPatterns {
    /// A node as the search knows it: ids are unique within their group.
    struct NodeKey: Hashable {
        let group: String?
        let id: String

        /// A row of a query's (group, id) columns, both as text.
        init?(row: [Value]) {
            guard row.count == 2, case .string(let id) = row[1] else { return nil }
            if case .string(let g) = row[0] { group = g } else { group = nil }
            self.id = id
        }

        init(group: String?, id: String) {
            self.group = group
            self.id = id
        }
    }

    /// More pairs than this would take minutes of searches, one query per level each.
    static let shortestPathPairLimit = 1_000

    /// Checks that the part is a shortest path the search can answer.
    func checkShortest(_ part: PlannedPart, _ m: PatternMatch) throws(QueryError) {
        guard part.shortest == .shortest else { throw SparkCompiler.unsupported("allShortestPaths", part.range) }
        guard part.relationships.count == 1, let r = part.relationships.first, let length = r.length else {
            throw SparkCompiler.unsupported("a shortestPath of anything but one variable-length relationship", part.range)
        }
        guard length.max != nil else { throw SparkCompiler.unsupported("a shortestPath without an upper bound", r.range, instead: "give one: *..6") }
        if r.properties != nil { throw SparkCompiler.unsupported("properties on a shortestPath's relationships", r.range) }
        if m.bound.contains(r.slot) { throw SparkCompiler.unsupported("a relationship bound before the shortestPath", r.range) }
    }

    /// `input` (each row with both ends of every shortest part) joined with the length of a
    /// shortest path between its ends; rows whose ends no path joins are dropped.
    func shortest(_ input: SparkRelation, _ part: PlannedPart) throws(QueryError) -> SparkRelation {
        guard let run = compiler.run else { throw SparkCompiler.unsupported("shortestPath without a server to search on", part.range) }
        guard let r = part.relationships.first, let a = part.nodes.first, let b = part.nodes.last, let inputSQL = input.sql else {
            throw SparkCompiler.unsupported("this shortestPath", part.range)
        }
        let (low, high) = (r.length?.min ?? 1, r.length?.max ?? 1)
        /// A node's file and id, as text, in the relation `alias` names (or unqualified).
        func ends(_ n: PlannedNode, _ alias: String = "") -> [String] {
            let prefix = alias.isEmpty ? "" : alias + "."
            return ["\(prefix)\(SparkSlot.column(n.slot, "space"))", "CAST(\(prefix)\(SparkSlot.column(n.slot)) AS STRING)"]
        }
        let pairs = try run("SELECT DISTINCT \((ends(a) + ends(b)).joined(separator: ", ")) FROM (\(inputSQL)) \(compiler.names.next()) LIMIT \(Self.shortestPathPairLimit + 1)")
        if pairs.count > Self.shortestPathPairLimit {
            throw SparkCompiler.unsupported("a shortestPath between more than \(Self.shortestPathPairLimit) pairs of ends", part.range, instead: "narrow the ends down first")
        }
        var found: [String] = []
        for pair in pairs {
            guard pair.count == 4, case .string(let aSpace) = pair[0], case .string(let aID) = pair[1],
                  case .string(let bSpace) = pair[2], case .string(let bID) = pair[3],
                  let aTable = schema.nodeTable(view: aSpace), let bTable = schema.nodeTable(view: bSpace) else { continue }
            let from = NodeKey(group: aTable.group, id: aID), to = NodeKey(group: bTable.group, id: bID)
            guard let length = try shortestLength(from, to, r, maximum: high, run), length >= low else { continue }
            found.append("(\([aSpace, aID, bSpace, bID].map(SparkSQL.string).joined(separator: ", ")), \(length)L)")
        }
        let lengths = found.isEmpty
            ? "(SELECT CAST(NULL AS STRING) AS a_space, CAST(NULL AS STRING) AS a_id, CAST(NULL AS STRING) AS b_space, CAST(NULL AS STRING) AS b_id, CAST(NULL AS BIGINT) AS len WHERE FALSE)"
            : "(VALUES \(found.joined(separator: ", "))) AS"
        let t = compiler.names.next(), sp = compiler.names.next()
        var slots = input.slots
        slots[r.slot] = .hops
        var columns = input.columns(keys: keys).map { "\(t).\($0)" } + ["\(sp).len AS \(SparkSlot.column(r.slot))"]
        if let path = part.pathSlot {
            slots[path] = .hops
            columns.append("\(sp).len AS \(SparkSlot.column(path))")
        }
        let (ea, eb) = (ends(a, t), ends(b, t))
        let on = "\(ea[0]) = \(sp).a_space AND \(ea[1]) = \(sp).a_id AND \(eb[0]) = \(sp).b_space AND \(eb[1]) = \(sp).b_id"
        let table = found.isEmpty ? "\(lengths) \(sp)" : "\(lengths) \(sp)(a_space, a_id, b_space, b_id, len)"
        return SparkRelation(sql: "SELECT \(columns.joined(separator: ", ")) FROM (\(inputSQL)) \(t) JOIN \(table) ON \(on)", slots: slots)
    }

    /// The length of a shortest path from `a` to `b` of at most `maximum` relationships like
    /// `r`, or nil: each round grows the smaller of the two frontiers by one level (from `a` along
    /// the pattern's direction, from `b` against it) until they meet.
    func shortestLength(_ a: NodeKey, _ b: NodeKey, _ r: PlannedRelationship, maximum: Int,
                        _ run: (String) throws(QueryError) -> [[Value]]) throws(QueryError) -> Int? {
        if a == b { return 0 }
        struct Side {
            var seen: [NodeKey: Int]
            var frontier: Set<NodeKey>
            var depth = 0
            let direction: Direction
        }
        var sides = [Side(seen: [a: 0], frontier: [a], direction: r.direction),
                     Side(seen: [b: 0], frontier: [b], direction: r.direction.reversed)]
        while sides[0].depth + sides[1].depth < maximum {
            let grow = sides[0].frontier.count <= sides[1].frontier.count ? 0 : 1
            if sides[grow].frontier.isEmpty { return nil }
            let reached = try neighbours(of: sides[grow].frontier, r.types, sides[grow].direction, run)
            sides[grow].depth += 1
            let other = sides[1 - grow]
            if let meet = reached.compactMap({ other.seen[$0] }).min() { return sides[grow].depth + meet }
            sides[grow].frontier = reached.subtracting(sides[grow].seen.keys)
            for n in sides[grow].frontier { sides[grow].seen[n] = sides[grow].depth }
        }
        return nil
    }

    /// The nodes one relationship of `types` away from `frontier`, following `direction`.
    func neighbours(of frontier: Set<NodeKey>, _ types: [String], _ direction: Direction,
                    _ run: (String) throws(QueryError) -> [[Value]]) throws(QueryError) -> Set<NodeKey> {
        var parts: [String] = []
        for table in schema.relationships where table.mayHave(types) {
            let typed = table.type == nil && !types.isEmpty ? " AND _type IN (\(types.map(SparkSQL.string).joined(separator: ", ")))" : ""
            var ways: [(near: String, far: String, nearGroup: String?, farGroup: String?)] = []
            if direction != .incoming { ways.append(("_src", "_dst", table.startGroup, table.endGroup)) }
            if direction != .outgoing { ways.append(("_dst", "_src", table.endGroup, table.startGroup)) }
            for way in ways {
                let ids = frontier.filter { $0.group == way.nearGroup }.map(\.id).sorted()
                guard !ids.isEmpty else { continue }
                let integer = schema.idType(way.nearGroup) == .bigint
                let list = ids.map { integer ? $0 : SparkSQL.string($0) }.joined(separator: ", ")
                parts.append("SELECT \(way.farGroup.map(SparkSQL.string) ?? "CAST(NULL AS STRING)") AS g, CAST(\(way.far) AS STRING) AS n "
                             + "FROM \(SparkSQL.name(table.view)) WHERE \(way.near) IN (\(list))\(typed)")
            }
        }
        guard !parts.isEmpty else { return [] }
        return Set(try run(parts.joined(separator: " UNION ALL ")).compactMap(NodeKey.init(row:)))
    }
}
