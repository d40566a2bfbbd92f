/// The abstract syntax tree. Every node keeps the source range it was parsed from.

struct Expr: Sendable {
    indirect enum Kind: Sendable {
        case literal(Value)
        case parameter(String)
        case variable(String)
        case property(Expr, String)
        case index(Expr, Expr)
        case slice(Expr, Expr?, Expr?)
        case list([Expr])
        case map([(String, Expr)])
        case unary(UnaryOperator, Expr)
        case binary(BinaryOperator, Expr, Expr)
        case isNull(Expr, negated: Bool)
        case hasLabels(Expr, [String])
        case function(name: String, distinct: Bool, args: [Expr])
        case countStar
        case caseExpr(subject: Expr?, whens: [(Expr, Expr)], otherwise: Expr?)
        case listComprehension(variable: String, list: Expr, predicate: Expr?, projection: Expr?)
        case quantifier(Quantifier, variable: String, list: Expr, predicate: Expr?)
        case reduce(accumulator: String, initial: Expr, variable: String, list: Expr, expression: Expr)
        case patternComprehension(PatternPart, predicate: Expr?, projection: Expr)
        case patternPredicate(PatternPart)
        /// `n {.name, .*, kind: n.kind, other}`
        case mapProjection(Expr, [MapProjectionItem])
        /// `EXISTS { ... }`, `COUNT { ... }`, `COLLECT { ... }`: a query run for each row, seeing
        /// the row's variables; `text` is its body as written (one space between tokens), `names`
        /// every name in it (a superset of the outer variables it reads).
        case subquery(SubqueryKind, Query, text: String, names: [String])
    }

    var kind: Kind
    var range: SourceRange

    init(_ kind: Kind, _ range: SourceRange) {
        self.kind = kind
        self.range = range
    }
}

enum SubqueryKind: String, Sendable {
    case exists = "EXISTS", count = "COUNT", collect = "COLLECT"
}

enum MapProjectionItem: Sendable {
    case property(String)
    case allProperties
    case entry(String, Expr)
    case variable(String, SourceRange)
}

enum UnaryOperator: Sendable { case not, negate, plus }

enum BinaryOperator: String, Sendable {
    case or = "OR", xor = "XOR", and = "AND"
    case add = "+", subtract = "-", multiply = "*", divide = "/", modulo = "%", power = "^"
    case equal = "=", notEqual = "<>", less = "<", greater = ">", lessEqual = "<=", greaterEqual = ">="
    case startsWith = "STARTS WITH", endsWith = "ENDS WITH", contains = "CONTAINS", `in` = "IN", regex = "=~"
}

enum Quantifier: String, Sendable { case all, any, none, single }

enum Direction: Sendable {
    case outgoing, incoming, both

    /// The same hop walked from its other end.
    var reversed: Direction {
        switch self {
        case .outgoing: return .incoming
        case .incoming: return .outgoing
        case .both: return .both
        }
    }
}

struct NodePattern: Sendable {
    var variable: String?
    var labels: [String]
    var properties: Expr?
    var range: SourceRange
}

struct RelationshipPattern: Sendable {
    var variable: String?
    var types: [String]
    var direction: Direction
    /// `nil` for a single hop; otherwise the bounds of a variable-length relationship.
    var length: (min: Int?, max: Int?)?
    var properties: Expr?
    var range: SourceRange
    /// A quantified path pattern `((a)-[r]->(b) WHERE ...){1,3}` (or the shorthand `-[r]->{1,3}`)
    /// standing in this step's place; the step's own type, direction and variable are then unused.
    var group: QuantifiedGroup? = nil
}

/// What a quantified path pattern repeats: a chain of single hops, its WHERE (which sees the
/// chain's variables one iteration at a time), and how many times in a row it must match. Outside
/// the group its variables are lists, one item per iteration.
final class QuantifiedGroup: Sendable {
    let inner: PatternPart
    let predicate: Expr?
    let min: Int
    let max: Int?

    init(inner: PatternPart, predicate: Expr?, min: Int, max: Int?) {
        self.inner = inner
        self.predicate = predicate
        self.min = min
        self.max = max
    }

    /// The variables the group declares, nodes and relationships, each once, in pattern order.
    var variables: [(name: String, isRelationship: Bool, range: SourceRange)] {
        var out: [(String, Bool, SourceRange)] = []
        var seen: Set<String> = []
        func add(_ name: String?, _ relationship: Bool, _ range: SourceRange) {
            guard let name, seen.insert(name).inserted else { return }
            out.append((name, relationship, range))
        }
        add(inner.start.variable, false, inner.start.range)
        for (r, n) in inner.steps {
            add(r.variable, true, r.range)
            add(n.variable, false, n.range)
        }
        return out
    }

    var quantifierText: String {
        switch (min, max) {
        case (1, nil): return "+"
        case (0, nil): return "*"
        case (let a, let b?) where a == b: return "{\(a)}"
        case (let a, let b): return "{\(a),\(b.map(String.init) ?? "")}"
        }
    }
}

enum ShortestKind: Sendable { case none, shortest, all }

struct PatternPart: Sendable {
    var pathVariable: String?
    var shortest: ShortestKind
    var start: NodePattern
    var steps: [(relationship: RelationshipPattern, node: NodePattern)]
    var range: SourceRange
}

struct ProjectionItem: Sendable {
    var expression: Expr
    var alias: String?
    /// The column name: the alias, or the expression's text as written.
    var name: String
}

struct SortItem: Sendable {
    var expression: Expr
    var descending: Bool
}

struct Projection: Sendable {
    var distinct: Bool
    var star: Bool
    var items: [ProjectionItem]
    var orderBy: [SortItem]
    var skip: Expr?
    var limit: Expr?
    var predicate: Expr?
    var range: SourceRange
}

enum SetItem: Sendable {
    case property(target: Expr, key: String, value: Expr)
    case replaceProperties(variable: String, value: Expr, range: SourceRange)
    case mergeProperties(variable: String, value: Expr, range: SourceRange)
    case labels(variable: String, labels: [String], range: SourceRange)
}

enum RemoveItem: Sendable {
    case property(target: Expr, key: String)
    case labels(variable: String, labels: [String], range: SourceRange)
}

struct Clause: Sendable {
    indirect enum Kind: Sendable {
        case match(optional: Bool, patterns: [PatternPart], predicate: Expr?)
        case unwind(Expr, variable: String)
        case with(Projection)
        case `return`(Projection)
        case create([PatternPart])
        case merge(PatternPart, onCreate: [SetItem], onMatch: [SetItem])
        case set([SetItem])
        case remove([RemoveItem])
        case delete([Expr], detach: Bool)
        case loadCSV(withHeaders: Bool, source: Expr, variable: String, fieldTerminator: String?)
        case call(ProcedureCallClause)
        /// `CALL { ... }` (or `CALL (a, b) { ... }`, naming the variables it imports).
        case subqueryCall(Query, importing: [String]?)
        /// `FOREACH (x IN list | updating clauses)`.
        case foreach(variable: String, list: Expr, clauses: [Clause])
    }

    var kind: Kind
    var range: SourceRange
}

/// `CALL name(args) YIELD a, b AS c WHERE ...`.
struct ProcedureCallClause: Sendable {
    struct YieldItem: Sendable {
        let output: String
        let variable: String
        let range: SourceRange
    }

    let name: String
    let nameRange: SourceRange
    /// Nil when the call has no parentheses (standalone only: the arguments are the parameters
    /// named like the procedure's inputs).
    let arguments: [Expr]?
    /// Nil without YIELD; `yieldsAll` for `YIELD *`.
    let yields: [YieldItem]?
    let yieldsAll: Bool
    let predicate: Expr?
}

struct SingleQuery: Sendable {
    var clauses: [Clause]
    var range: SourceRange
}

struct Query: Sendable {
    var parts: [SingleQuery]
    /// For each UNION between parts: true for UNION ALL.
    var unionAll: [Bool]
    var unionRanges: [SourceRange]
}

enum ExecutionMode: Sendable { case normal, explain, profile }

enum Statement: Sendable {
    case query(Query, ExecutionMode)
    case createIndex(name: String?, label: String, key: String, range: SourceRange)
    case dropIndex(name: String?, label: String?, key: String?, ifExists: Bool, range: SourceRange)
    case showIndexes
}
