/// Several evaluators computed into `values[0..<n]` by one closure that holds each of them.
/// Called out of an array, each evaluator would be retained and released around every call
/// (two atomic operations per expression per row).
typealias ValuesEvaluator = (inout Row, inout [Value]) throws(QueryError) -> Void

enum EvaluatorChain {
    /// Up to this many evaluators are chained closure in closure; past it (a rare projection
    /// or aggregation) they are called out of the array, which keeps the chain's depth bounded.
    static let limit = 32

    static func into(_ evaluators: [DirectEvaluator]) -> ValuesEvaluator {
        guard evaluators.count <= limit else {
            return { (row: inout Row, values: inout [Value]) throws(QueryError) in
                for i in evaluators.indices { values[i] = try evaluators[i].evaluate(&row) }
            }
        }
        var chain: ValuesEvaluator = { _, _ in }
        for i in evaluators.indices {
            let before = chain, evaluate = evaluators[i].evaluate
            chain = { (row: inout Row, values: inout [Value]) throws(QueryError) in
                try before(&row, &values)
                values[i] = try evaluate(&row)
            }
        }
        return chain
    }
}
