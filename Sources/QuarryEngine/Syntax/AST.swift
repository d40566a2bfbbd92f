/// The abstract syntax tree. Every node keeps the source range it was parsed from.

public struct Expr: Sendable {
    public indirect enum Kind: Sendable {
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
    }

    public var kind: Kind
    public var range: SourceRange

    public init(_ kind: Kind, _ range: SourceRange) {
        self.kind = kind
        self.range = range
    }
}

public enum MapProjectionItem: Sendable {
    case property(String)
    case allProperties
    case entry(String, Expr)
    case variable(String, SourceRange)
}

public enum UnaryOperator: Sendable { case not, negate, plus }

public enum BinaryOperator: String, Sendable {
    case or = "OR", xor = "XOR", and = "AND"
    case add = "+", subtract = "-", multiply = "*", divide = "/", modulo = "%", power = "^"
    case equal = "=", notEqual = "<>", less = "<", greater = ">", lessEqual = "<=", greaterEqual = ">="
    case startsWith = "STARTS WITH", endsWith = "ENDS WITH", contains = "CONTAINS", `in` = "IN", regex = "=~"
}

public enum Quantifier: String, Sendable { case all, any, none, single }

public enum Direction: Sendable { case outgoing, incoming, both }

public struct NodePattern: Sendable {
    public var variable: String?
    public var labels: [String]
    public var properties: Expr?
    public var range: SourceRange
}

public struct RelationshipPattern: Sendable {
    public var variable: String?
    public var types: [String]
    public var direction: Direction
    /// `nil` for a single hop; otherwise the bounds of a variable-length relationship.
    public var length: (min: Int?, max: Int?)?
    public var properties: Expr?
    public var range: SourceRange
}

public enum ShortestKind: Sendable { case none, shortest, all }

public struct PatternPart: Sendable {
    public var pathVariable: String?
    public var shortest: ShortestKind
    public var start: NodePattern
    public var steps: [(relationship: RelationshipPattern, node: NodePattern)]
    public var range: SourceRange
}

public struct ProjectionItem: Sendable {
    public var expression: Expr
    public var alias: String?
    /// The column name: the alias, or the expression's text as written.
    public var name: String
}

public struct SortItem: Sendable {
    public var expression: Expr
    public var descending: Bool
}

public struct Projection: Sendable {
    public var distinct: Bool
    public var star: Bool
    public var items: [ProjectionItem]
    public var orderBy: [SortItem]
    public var skip: Expr?
    public var limit: Expr?
    public var predicate: Expr?
    public var range: SourceRange
}

public enum SetItem: Sendable {
    case property(target: Expr, key: String, value: Expr)
    case replaceProperties(variable: String, value: Expr, range: SourceRange)
    case mergeProperties(variable: String, value: Expr, range: SourceRange)
    case labels(variable: String, labels: [String], range: SourceRange)
}

public enum RemoveItem: Sendable {
    case property(target: Expr, key: String)
    case labels(variable: String, labels: [String], range: SourceRange)
}

public struct Clause: Sendable {
    public indirect enum Kind: Sendable {
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
    }

    public var kind: Kind
    public var range: SourceRange
}

public struct SingleQuery: Sendable {
    public var clauses: [Clause]
    public var range: SourceRange
}

public struct Query: Sendable {
    public var parts: [SingleQuery]
    /// For each UNION between parts: true for UNION ALL.
    public var unionAll: [Bool]
    public var unionRanges: [SourceRange]
}

public enum ExecutionMode: Sendable { case normal, explain, profile }

public enum Statement: Sendable {
    case query(Query, ExecutionMode)
    case createIndex(name: String?, label: String, key: String, range: SourceRange)
    case dropIndex(name: String?, label: String?, key: String?, ifExists: Bool, range: SourceRange)
    case showIndexes
}
