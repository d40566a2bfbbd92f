/// What the names of an expression stand for: the row slot of each variable, the slots holding
/// aggregate results after an aggregation (by canonical text), and the variables known to hold
/// nodes or relationships (reading a key the graph has never seen from one earns a notice).
struct Bindings {
    var scope: [String: Int]
    var aggregates: [String: Int] = [:]
    var entities: Set<String> = []
}

/// An expression of a logical operator: syntax with its names bound to slots. It holds no
/// closure, no graph and no parameter value, so a plan made of them can be printed, cached and
/// translated by any back end.
struct BoundExpr {
    let expr: Expr
    let bindings: Bindings

    var text: String { expr.canonicalText }
    var range: SourceRange { expr.range }
}
