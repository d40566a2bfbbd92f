/// A variable-length step as one derived relation, and what hops and such relations share:
/// relationship uniqueness and the way a hop reads its file.
extension SparkPatterns {
    /// Relationships a branch has joined: one hop's `_rid`, or a derived relation's `_rids`.
    struct RelationshipsJoined {
        let files: Set<String>
        let rids: String
        let isList: Bool

        /// The condition that keeps these relationships apart from `other`'s (Cypher's
        /// relationship uniqueness), nil when their files cannot hold the same relationship.
        func distinct(from other: RelationshipsJoined) -> String? {
            guard !files.isDisjoint(with: other.files) else { return nil }
            switch (isList, other.isList) {
            case (false, false): return "\(rids) <> \(other.rids)"
            case (true, false): return "NOT array_contains(\(rids), \(other.rids))"
            case (false, true): return "NOT array_contains(\(other.rids), \(rids))"
            case (true, true): return "NOT arrays_overlap(\(rids), \(other.rids))"
            }
        }
    }

    /// A hop's file as a FROM item. Both ways: each row read forwards, and backwards unless it
    /// is a self-loop (which an undirected pattern matches once).
    static func source(_ hop: Hop) -> String {
        let view = SparkSQL.name(hop.table.view)
        guard hop.way == .both else { return view }
        return "(SELECT *, _src AS _near, _dst AS _far FROM \(view) UNION ALL SELECT *, _dst AS _near, _src AS _far FROM \(view) WHERE _src <> _dst)"
    }

    /// Joins a hop's file under a new alias (returned), its relationships kept apart from those
    /// `joined` before.
    func join(_ hop: Hop, _ from: inout [String], _ conditions: inout [String], _ joined: inout [RelationshipsJoined]) -> String {
        let alias = compiler.names.next()
        from.append("\(Self.source(hop)) \(alias)")
        keepApart(RelationshipsJoined(files: Set(hop.table.files), rids: "\(alias)._rid", isList: false), &conditions, &joined)
        return alias
    }

    /// Adds `these` to the relationships `joined`, kept apart from each of them.
    func keepApart(_ these: RelationshipsJoined, _ conditions: inout [String], _ joined: inout [RelationshipsJoined]) {
        conditions += joined.compactMap(these.distinct)
        joined.append(these)
    }

    /// The hop's relationships of the pattern's types, where its file holds several.
    func typeCondition(_ hop: Hop, _ r: PlannedRelationship, _ alias: String) -> [String] {
        guard hop.table.type == nil, !r.types.isEmpty else { return [] }
        return ["\(alias)._type IN (\(r.types.map(SparkSQL.string).joined(separator: ", ")))"]
    }

    /// The chains of a route as one relation of their walks: `_near` and `_far` the ids at the
    /// ends, `_hops` the length, `_rids` the relationships (pairwise distinct within a walk) and
    /// `_list` them as values. Joined once, it spares the rest of the pattern a join per length.
    func variableLengthRelation(_ route: Route, _ r: PlannedRelationship) -> String {
        route.map { chain in
            var from: [String] = []
            var conditions: [String] = []
            var joined: [RelationshipsJoined] = []
            var values: [String] = []
            var near = "NULL"
            var far = "NULL"
            for (k, (hop, _)) in chain.enumerated() {
                let alias = join(hop, &from, &conditions, &joined)
                let ends = hop.way.ends
                if k == 0 { near = "\(alias).\(ends.near)" } else { conditions.append("\(alias).\(ends.near) = \(far)") }
                far = "\(alias).\(ends.far)"
                conditions += typeCondition(hop, r, alias)
                values.append(Self.relationshipValue(hop.table, alias))
            }
            let rids = "array(\(joined.map(\.rids).joined(separator: ", ")))"
            return "SELECT \(near) AS _near, \(far) AS _far, \(chain.count) AS _hops, \(rids) AS _rids, "
                + "\(Self.array(values, of: SparkSlot.relationshipType)) AS _list FROM \(from.joined(separator: ", "))"
                + (conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND "))
        }.joined(separator: " UNION ALL ")
    }
}
