/// Several evaluators computed into `values[0..<n]` by one closure that holds each of them.
/// Called out of an array, each evaluator would be retained and released around every call
/// (two atomic operations per expression per row).
typealias ValuesEvaluator = (inout Row, inout [Value]) throws(QueryError) -> Void

enum EvaluatorChain {
    /// Up to this many evaluators are chained closure in closure; past it (a rare projection
    /// or aggregation) they are called out of the array, which keeps the chain's depth bounded.
    static let limit = 32

    /// Each evaluator's value into its place in `values`.
    static func into(_ evaluators: [DirectEvaluator]) -> ValuesEvaluator {
        if evaluators.count == 1 {
            // One value moved straight into its place, not copied there through `store`.
            let only = evaluators[0].evaluate
            return { (row: inout Row, values: inout [Value]) throws(QueryError) in values[0] = try only(&row) }
        }
        return chain(evaluators) { values, i, value in values[i] = value }
    }

    /// Each evaluator's value appended to `values`, in turn (a batch's values, match after match).
    static func appending(_ evaluators: [DirectEvaluator]) -> ValuesEvaluator {
        if evaluators.count == 1 {
            let only = evaluators[0].evaluate
            return { (row: inout Row, values: inout [Value]) throws(QueryError) in values.append(try only(&row)) }
        }
        return chain(evaluators) { values, _, value in values.append(value) }
    }

    private static func chain(_ evaluators: [DirectEvaluator], _ store: @escaping (inout [Value], Int, Value) -> Void) -> ValuesEvaluator {
        guard evaluators.count <= limit else {
            return { (row: inout Row, values: inout [Value]) throws(QueryError) in
                for i in evaluators.indices { store(&values, i, try evaluators[i].evaluate(&row)) }
            }
        }
        var chain: ValuesEvaluator = { _, _ in }
        for i in evaluators.indices {
            let before = chain, evaluate = evaluators[i].evaluate
            chain = { (row: inout Row, values: inout [Value]) throws(QueryError) in
                try before(&row, &values)
                store(&values, i, try evaluate(&row))
            }
        }
        return chain
    }
}
