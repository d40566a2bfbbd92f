/// One condition a row must meet, as a filter or inside the operator that binds its variables.
enum LogicalPredicate {
    /// A WHERE conjunct.
    case expression(BoundExpr)
    /// The node in `slot` has every label (a pattern's `(n:A:B)`).
    case hasLabels(slot: Int, labels: [String], variable: String?, range: SourceRange)
    /// The value in `slot`, bound earlier, is a node (a pattern names it again as a node).
    case isNode(slot: Int, variable: String?)
    /// The element in `slot` has the property values of a pattern's `{k: v}`.
    case properties(slot: Int, map: BoundExpr)
    /// The relationship list made in `made` equals the one bound earlier in `bound`.
    case sameList(made: Int, bound: Int, variable: String?)
    /// Made by the column-filter rule, inside the operator binding the node: its labels, checked
    /// on the labels' member sets.
    case labelMembership(labels: [String], variable: String?, range: SourceRange)
    /// Made by the column-filter rule: a test of one property of the bound node against
    /// constants, judged on the stored column.
    case column(ColumnTest)

    var text: String {
        switch self {
        case .expression(let e): return e.text
        case .hasLabels(_, let labels, let variable, _), .labelMembership(let labels, let variable, _):
            return (variable ?? "") + labels.map { ":" + $0 }.joined()
        case .isNode(_, let variable): return "\(variable ?? "") IS NODE"
        case .properties(_, let map): return map.text
        case .sameList(_, _, let variable): return "\(variable ?? "") is the bound list"
        case .column(let test): return test.text
        }
    }
}

/// A column filter's test: `n.key` compared with a value that reads no variable.
struct ColumnTest {
    enum Condition {
        /// A WHERE conjunct that reads only `n.key`, literals and parameters.
        case predicate(BoundExpr)
        /// A pattern's `{key: value}`: the property equals the value.
        case equals(BoundExpr)
    }

    let slot: Int
    let key: String
    let condition: Condition
    /// Equality or a substring test against text, judged on the stored bytes; the text is a
    /// literal or a parameter, read when the plan is run.
    let byteTest: (test: ColumnFilter.ByteTest, text: Expr)?
    let range: SourceRange
    /// `n.key OP integer` (=, <, <=, >, >=) with the integer a literal or a parameter: judged on
    /// a column of integers without the compiled predicate.
    var integerTest: (op: BinaryOperator, bound: Expr)? = nil
    let text: String
}
