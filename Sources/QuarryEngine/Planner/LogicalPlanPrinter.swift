/// EXPLAIN's first part: the logical plan, one operator per line, root first, inputs indented.
enum LogicalPlanPrinter {
    static func lines(_ plan: LogicalPlan) -> [String] {
        var out = ["Logical plan" + (plan.rulesApplied.isEmpty ? ":" : " (rules: \(plan.rulesApplied.joined(separator: ", "))):")]
        func walk(_ op: LogicalOperator, _ depth: Int) {
            out.append(String(repeating: "  ", count: depth) + describe(op))
            for input in op.inputs { walk(input, depth + 1) }
        }
        walk(plan.root, 1)
        for key in plan.subqueries.keys.sorted() {
            guard let subquery = plan.subqueries[key] else { continue }
            out.append("  Subquery at offset \(key) (run for each row, on it):")
            walk(subquery.root, 2)
        }
        return out
    }

    static func filters(_ predicates: [LogicalPredicate]) -> String {
        predicates.isEmpty ? "" : " WHERE " + predicates.map(\.text).joined(separator: " AND ")
    }

    static func describe(_ op: LogicalOperator) -> String {
        switch op {
        case .argument: return "Argument"
        case .match(_, let m):
            return "Match " + m.parts.map { p in p.nodes.map { "(\($0.name ?? ""))" }.joined(separator: "-") }.joined(separator: ", ")
                + (m.predicate.map { " WHERE " + $0.canonicalText } ?? "")
        case .nodeScan(_, let s): return "NodeScan" + (s.label.map { " :" + $0 } ?? "") + filters(s.filters)
        case .indexSeek(_, let s): return "IndexSeek " + s.text + filters(s.filters)
        case .expand(_, let e): return "Expand " + e.text + filters(e.filters)
        case .varExpand(_, let v): return "VarExpand " + v.text
        case .quantifiedExpand(_, let q): return "QuantifiedExpand " + q.text + (q.condition.map { " WHERE " + $0.expr.canonicalText } ?? "")
        case .shortestPath(_, let s): return (s.all ? "AllShortestPaths " : "ShortestPath ") + s.text
        case .bidirectionalShortestPath(_, let s): return "BidirectionalShortestPath " + s.text
        case .filter(_, let predicates): return "Filter " + predicates.map(\.text).joined(separator: " AND ")
        case .project(_, let c): return "Project " + c.text
        case .aggregate(_, let a):
            return "Aggregate " + a.text + (a.keys.isEmpty ? "" : " BY " + a.keys.map(\.text).joined(separator: ", "))
                + (a.rowOrder.map { " IN ORDER OF " + $0.text } ?? "")
        case .countExpansions(_, let a, let e): return "CountExpansions " + e.text + filters(e.filters) + ": " + a.text
        case .columnAggregate(_, let c): return "ColumnAggregate " + c.text
        case .expansionAggregate(_, let x):
            let a = x.aggregation
            return "ExpansionAggregate " + x.expand.text + filters(x.expand.filters) + ": " + a.text + " BY " + a.keys.map(\.text).joined(separator: ", ")
                + (x.order.map { " IN ORDER OF " + $0.map { $0.value.text + ($0.descending ? " DESC" : "") }.joined(separator: ", ") } ?? "")
                + (x.groupsInAnyOrder ? ", GROUPS IN ANY ORDER" : "")
        case .distinct(_, let slots): return "Distinct (\(slots.count) slot\(slots.count == 1 ? "" : "s"))"
        case .sort(_, let s): return "Sort " + s.text
        case .top(_, let s, let skip, let limit): return "Top \((skip.map { $0.canonicalText + " + " } ?? "") + limit.canonicalText) " + s.text
        case .skipLimit(_, let s):
            return "SkipLimit" + (s.skip.map { " SKIP " + $0.canonicalText } ?? "") + (s.limit.map { " LIMIT " + $0.canonicalText } ?? "")
        case .unwind(_, let u): return "Unwind " + u.list.text
        case .loadCSV(_, let l): return "LoadCSV " + l.source.text
        case .procedureCall(_, let c): return "ProcedureCall " + c.text
        case .procedureAggregate(_, let c, let a): return "ProcedureAggregate \(a.text) over " + c.text
        case .optional: return "Optional"
        case .union: return "Union"
        case .apply(_, _, let slots): return slots.isEmpty ? "Apply (unit subquery)" : "Apply (\(slots.count) column\(slots.count == 1 ? "" : "s"))"
        case .eager: return "Eager"
        case .create(_, let c): return "Create " + c.patterns.map(\.text).joined(separator: ", ")
        case .merge(_, _, let m): return "Merge " + m.pattern.text
        case .update(_, let u): return u.text
        case .delete(_, let d): return (d.detach ? "DetachDelete " : "Delete ") + d.targets.map(\.text).joined(separator: ", ")
        }
    }
}
