/// Procedure aggregates: `CALL proc(...) YIELD x, y RETURN count(*), sum(x), count(DISTINCT y)`
/// without grouping keys, where every aggregate reads a yielded output as it is, becomes one pass
/// over the procedure's result columns, without a row per result (the algorithms give a million).
struct ProcedureAggregates: RewriteRule {
    let name = "procedure-aggregates"
    let applies = "an aggregation without keys right over a CALL whose aggregates read only its yielded outputs"
    let safeWhenWriting = true

    func rewrite(_ op: LogicalOperator, _ context: RuleContext) throws(QueryError) -> LogicalOperator? {
        guard case .aggregate(.procedureCall(let input, let call), let aggregation) = op, aggregation.keys.isEmpty else { return nil }
        var aggregates: [ProcedureAggregation.Aggregate] = []
        for (expr, slot) in aggregation.aggregates {
            if case .countStar = expr.kind {
                aggregates.append(.init(function: .countStar, distinct: false, output: nil, slot: slot, range: expr.range))
                continue
            }
            guard case .function(let name, let distinct, let args) = expr.kind, args.count == 1,
                  let f = AggregateFunction(name: name), [.count, .sum, .avg, .min, .max, .collect].contains(f),
                  case .variable(let v) = args[0].kind, let variableSlot = aggregation.bindings.scope[v],
                  let output = call.outputs.first(where: { $0.slot == variableSlot }) else { return nil }
            aggregates.append(.init(function: f, distinct: distinct, output: output.index, slot: slot, range: expr.range))
        }
        return .procedureAggregate(input, call, ProcedureAggregation(aggregates: aggregates, text: aggregation.text))
    }
}
