/// The logical plan: what a statement computes, as a tree of relational operators over rows of
/// slots, with bound expressions. It is made from the checked query (`LogicalPlanner`), rewritten
/// by the rules (`Rewrite/`), and turned into physical operators by `PhysicalMapper` — or, by
/// another back end, into something else. Leaves are `argument`: the row handed in (the empty
/// row of a statement, or the outer row of an OPTIONAL MATCH, a MERGE or a pattern expression).
indirect enum LogicalOperator {
    case argument
    /// The patterns of one MATCH, not yet planned: the pattern rule chooses where each starts
    /// and where its filters go.
    case match(LogicalOperator, PatternMatch)
    case nodeScan(LogicalOperator, NodeScan)
    case indexSeek(LogicalOperator, IndexSeek)
    case expand(LogicalOperator, Expand)
    case varExpand(LogicalOperator, VarExpand)
    case quantifiedExpand(LogicalOperator, QuantifiedExpand)
    case shortestPath(LogicalOperator, ShortestPath)
    /// One shortest path, searched from both ends at once (made by a rule).
    case bidirectionalShortestPath(LogicalOperator, ShortestPath)
    case filter(LogicalOperator, [LogicalPredicate])
    case project(LogicalOperator, Computation)
    case aggregate(LogicalOperator, Aggregation)
    /// An aggregation that only counts the rows an expansion would make (made by a rule).
    case countExpansions(LogicalOperator, Aggregation, Expand)
    /// A single-node MATCH and the aggregation over it, computed from the columns (made by a rule).
    case columnAggregate(LogicalOperator, ColumnAggregation)
    /// An aggregation grouped by where an expansion starts, over what it reaches (made by a rule):
    /// the input is the expansion's.
    case expansionAggregate(LogicalOperator, ExpansionAggregation)
    case distinct(LogicalOperator, slots: [Int])
    case sort(LogicalOperator, Sort)
    /// ORDER BY when only the first SKIP + LIMIT rows are wanted (made by a rule).
    case top(LogicalOperator, Sort, skip: Expr?, limit: Expr)
    case skipLimit(LogicalOperator, SkipLimit)
    case unwind(LogicalOperator, Unwind)
    case loadCSV(LogicalOperator, LoadCSV)
    /// CALL: the procedure's rows for each input row, its yielded outputs in their slots.
    case procedureCall(LogicalOperator, ProcedureCall)
    /// Made by the procedure-aggregates rule: aggregates computed on the procedure's result columns.
    case procedureAggregate(LogicalOperator, ProcedureCall, ProcedureAggregation)
    /// OPTIONAL MATCH: `inner` runs on each input row (its `argument`); no match gives the row
    /// with `nullSlots` null.
    case optional(LogicalOperator, inner: LogicalOperator, nullSlots: [Int])
    case union([LogicalOperator])
    /// CALL { }: `inner` runs on each input row (its `argument`); each of its rows gives the input
    /// row with `returnSlots` taken from it (a unit subquery, with none, gives the input row once).
    case apply(LogicalOperator, inner: LogicalOperator, returnSlots: [Int])
    /// Takes all input rows before handing any on (between reading and writing clauses).
    case eager(LogicalOperator)
    case create(LogicalOperator, Create)
    /// MERGE: `matcher` runs on each input row (its `argument`); no match creates the pattern.
    case merge(LogicalOperator, matcher: LogicalOperator, Merge)
    case update(LogicalOperator, Update)
    case delete(LogicalOperator, Delete)

    /// The operator's inputs, in order (the inner plan of an OPTIONAL MATCH or a MERGE last).
    var inputs: [LogicalOperator] {
        switch self {
        case .argument: return []
        case .match(let i, _), .nodeScan(let i, _), .indexSeek(let i, _), .expand(let i, _), .varExpand(let i, _), .quantifiedExpand(let i, _),
             .shortestPath(let i, _), .bidirectionalShortestPath(let i, _), .filter(let i, _), .project(let i, _), .aggregate(let i, _),
             .countExpansions(let i, _, _), .columnAggregate(let i, _), .expansionAggregate(let i, _), .distinct(let i, _), .sort(let i, _),
             .top(let i, _, _, _), .skipLimit(let i, _), .unwind(let i, _), .loadCSV(let i, _), .procedureCall(let i, _), .procedureAggregate(let i, _, _), .eager(let i),
             .create(let i, _), .update(let i, _), .delete(let i, _):
            return [i]
        case .optional(let i, let inner, _), .merge(let i, let inner, _), .apply(let i, let inner, _): return [i, inner]
        case .union(let branches): return branches
        }
    }

    /// The same operator over new inputs (as many as `inputs` gave, in the same order).
    func replacingInputs(_ new: [LogicalOperator]) -> LogicalOperator {
        switch self {
        case .argument: return self
        case .match(_, let p): return .match(new[0], p)
        case .nodeScan(_, let p): return .nodeScan(new[0], p)
        case .indexSeek(_, let p): return .indexSeek(new[0], p)
        case .expand(_, let p): return .expand(new[0], p)
        case .varExpand(_, let p): return .varExpand(new[0], p)
        case .quantifiedExpand(_, let p): return .quantifiedExpand(new[0], p)
        case .shortestPath(_, let p): return .shortestPath(new[0], p)
        case .bidirectionalShortestPath(_, let p): return .bidirectionalShortestPath(new[0], p)
        case .filter(_, let p): return .filter(new[0], p)
        case .project(_, let p): return .project(new[0], p)
        case .aggregate(_, let p): return .aggregate(new[0], p)
        case .countExpansions(_, let a, let e): return .countExpansions(new[0], a, e)
        case .columnAggregate(_, let p): return .columnAggregate(new[0], p)
        case .expansionAggregate(_, let p): return .expansionAggregate(new[0], p)
        case .distinct(_, let slots): return .distinct(new[0], slots: slots)
        case .sort(_, let p): return .sort(new[0], p)
        case .top(_, let s, let skip, let limit): return .top(new[0], s, skip: skip, limit: limit)
        case .skipLimit(_, let p): return .skipLimit(new[0], p)
        case .unwind(_, let p): return .unwind(new[0], p)
        case .loadCSV(_, let p): return .loadCSV(new[0], p)
        case .procedureCall(_, let p): return .procedureCall(new[0], p)
        case .procedureAggregate(_, let p, let a): return .procedureAggregate(new[0], p, a)
        case .optional(_, _, let nullSlots): return .optional(new[0], inner: new[1], nullSlots: nullSlots)
        case .union: return .union(new)
        case .apply(_, _, let slots): return .apply(new[0], inner: new[1], returnSlots: slots)
        case .eager: return .eager(new[0])
        case .create(_, let p): return .create(new[0], p)
        case .merge(_, _, let p): return .merge(new[0], matcher: new[1], p)
        case .update(_, let p): return .update(new[0], p)
        case .delete(_, let p): return .delete(new[0], p)
        }
    }
}
