extension PhysicalMapper {
    func mapNodeScan(_ input: PhysicalOperator, _ s: NodeScan) throws(QueryError) -> PhysicalOperator {
        let scan = NodeScanOperator(ctx, input, slot: s.slot, label: s.label.map { ctx.readLabel($0, at: s.range) }, labelName: s.label,
                                    graphStandsStill: !rules.writes)
        try attach(s.filters, to: scan)
        return scan
    }

    func mapIndexSeek(_ input: PhysicalOperator, _ s: IndexSeek) throws(QueryError) -> PhysicalOperator {
        let lookup: IndexSeekOperator.Lookup
        switch s.lookup {
        case .equal(let e): lookup = .equal(try compile(e))
        case .anyOf(let e): lookup = .anyOf(try compile(e))
        case .range(let lower, let upper):
            lookup = .range(lower: try lower.map { b throws(QueryError) in (try compile(b.0), b.inclusive) },
                            upper: try upper.map { b throws(QueryError) in (try compile(b.0), b.inclusive) })
        }
        let seek = IndexSeekOperator(ctx, input, slot: s.slot, label: ctx.graph.labelID(s.label), key: ctx.graph.keyID(s.key),
                                     lookup: lookup, text: s.text)
        try attach(s.filters, to: seek)
        return seek
    }

    func types(_ names: [String], at range: SourceRange, from: String? = nil, to: String? = nil, direction: Direction = .both) -> [Int32]? {
        names.isEmpty ? nil : names.map { ctx.readType($0, at: range, from: from, to: to, direction: direction) }
    }

    func mapExpand(_ input: PhysicalOperator, _ e: Expand) throws(QueryError) -> ExpandOperator {
        let expand = ExpandOperator(ctx, input, from: e.from, relationship: e.relationship, to: e.to, direction: e.direction,
                                    types: types(e.types, at: e.range, from: e.fromLabel, to: e.toLabel, direction: e.direction),
                                    toBound: e.toBound, relationshipBound: e.relationshipBound, excluded: e.excluded,
                                    graphStandsStill: !rules.writes, text: e.text)
        try attach(e.filters, to: expand)
        return expand
    }

    func mapVarExpand(_ input: PhysicalOperator, _ v: VarExpand) throws(QueryError) -> PhysicalOperator {
        let types = types(v.types, at: v.range, from: v.fromLabel, to: v.toLabel, direction: v.direction)
        var filters: [(Int32, Evaluator)] = []
        for (key, value) in v.properties { filters.append((ctx.readKey(key, at: value.range), try compile(value))) }
        return VarExpandOperator(ctx, input, from: v.from, relationships: v.relationships, to: v.to, direction: v.direction,
                                 types: types, minHops: v.minHops, maxHops: v.maxHops, toBound: v.toBound,
                                 excluded: v.excluded, propertyFilter: filters, text: v.text)
    }

    func mapShortestPath(_ input: PhysicalOperator, _ s: ShortestPath, bidirectional: Bool) -> PhysicalOperator {
        ShortestPathOperator(ctx, input, from: s.from, to: s.to, relationships: s.relationships, path: s.path,
                             direction: s.direction, types: types(s.types, at: s.range), minHops: s.minHops,
                             maxHops: s.maxHops, all: s.all, bidirectional: bidirectional, text: s.text)
    }
}
