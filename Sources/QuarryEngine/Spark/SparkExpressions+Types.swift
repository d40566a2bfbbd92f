/// The types the Spark back end knows an expression's values to have, and the checks that
/// need them.
extension SparkExpressions {
    /// A Spark array holds one type: a list mixing kinds (or integers with floats, which Spark
    /// would turn into floats) cannot be one faithfully.
    func checkOneType(_ types: [SparkType?], _ range: SourceRange) throws(QueryError) {
        if types.contains(where: { $0 != nil }), Self.itemType(types) == nil {
            throw SparkCompiler.unsupported("a list mixing values of different types", range)
        }
    }

    /// The one type of a list's items, where it can be told.
    static func itemType(_ types: [SparkType?]) -> SparkType? {
        var item = SparkType.null
        for t in types {
            guard let t, let both = SparkType.unified(item, t) else { return nil }
            item = both
        }
        return item
    }

    static func literalType(_ v: Value) -> SparkType? {
        switch v {
        case .null: return .null
        case .int: return .bigint
        case .float: return .double
        case .string: return .string
        case .bool: return .boolean
        case .date(let d) where d.precision == .day: return .date
        case .list(let items): return itemType(items.map(literalType)).map { .array($0) }
        case .map(let entries):
            var fields: [String: SparkType?] = [:]
            for (k, x) in entries { fields[k] = literalType(x) }
            return .map(fields)
        default: return nil
        }
    }

    /// The types `key` has in the files of nodes (or relationships).
    func valueKeyTypes(_ key: String, of kind: SparkType?) -> Set<SparkType> {
        let tables = kind == .node ? schema.nodes.map(\.properties) : schema.relationships.map(\.properties)
        return Set(tables.compactMap { $0.first { $0.name == key }?.type })
    }

    /// The static type of an expression, where it can be told.
    func type(_ e: Expr) -> SparkType? {
        if let slot = bindings.aggregates[e.canonicalText] {
            if case .value(let t)? = slots[slot] { return t }
            return nil
        }
        switch e.kind {
        case .literal(let v): return Self.literalType(v)
        case .subquery: return subqueryColumns[e.range.start]?.type
        case .parameter(let name): return parameters[name].flatMap(Self.literalType)
        case .map(let entries):
            var fields: [String: SparkType?] = [:]
            for (k, x) in entries { fields[k] = type(x) }
            return .map(fields)
        case .variable(let name):
            if locals[name] != nil { return localTypes[name] }
            guard let slot = bindings.scope[name] else { return nil }
            switch slots[slot] {
            case .value(let t)?: return t
            case .node?: return .node
            case .relationship?: return .relationship
            case .path?: return .path
            case .relationshipList?: return .array(.relationship)
            default: return nil
            }
        case .property(let object, let key):
            if case .variable(let name) = object.kind, locals[name] == nil, let slot = bindings.scope[name], let shape = slots[slot] {
                switch shape {
                case .node, .relationship: return shape.propertyType(key) ?? .null
                default: break
                }
            }
            switch type(object) {
            case .map(let fields)?: return fields[key] ?? .null
            case let t? where t == .node || t == .relationship:
                let types = valueKeyTypes(key, of: t)
                return types.isEmpty ? .null : types.count == 1 ? types.first : nil
            default: return nil
            }
        case .unary(.negate, let a), .unary(.plus, let a): return type(a)
        case .caseExpr(_, let whens, let otherwise):
            let types = Set((whens.map(\.1) + (otherwise.map { [$0] } ?? [])).map(type))
            return types.count == 1 ? types.first ?? nil : nil
        case .binary(let op, let a, let b):
            switch op {
            case .add, .subtract, .multiply, .divide, .modulo:
                let (x, y) = (type(a), type(b))
                if x == .null || y == .null { return .null }
                if op == .add, case .array(let i)? = x { return .array(i == .null ? (y.flatMap { if case .array(let j) = $0 { j } else { $0 } } ?? .null) : i) }
                if op == .add, let y, case .array = y { return y }
                if op == .add, x == .string || y == .string { return .string }
                if x == .bigint && y == .bigint { return .bigint }
                if (x == .double || x == .bigint) && (y == .double || y == .bigint) { return .double }
                return nil
            case .power: return .double
            default: return .boolean
            }
        case .function(let name, _, let args):
            switch name.lowercased() {
            case "count": return .bigint
            case "tolower", "toupper", "trim", "tostring", "substring", "left", "right", "type": return .string
            case "labels", "keys": return .array(.string)
            case "size", "length", "tointeger": return .bigint
            case "tofloat", "avg", "sqrt", "exp", "log", "log10", "ceil", "floor", "round", "percentilecont": return .double
            case "sign": return .bigint
            case "split": return .array(.string)
            case "replace": return .string
            case "percentiledisc": return args.first.flatMap(type)
            case "head", "last":
                if case .array(let item)? = args.first.flatMap(type) { return item }
                return nil
            case "tail": return args.first.flatMap(type)
            case "sum", "min", "max", "coalesce", "abs": return args.first.flatMap(type)
            case "date", "date.truncate": return .date
            case "collect": return args.first.flatMap(type).map { .array($0) }
            case "range": return .array(.bigint)
            default: return nil
            }
        case .index(let list, _):
            if case .array(let item)? = type(list) { return item }
            return nil
        case .slice(let list, _, _), .listComprehension(_, let list, _, nil):
            return type(list)
        case .list(let items): return Self.itemType(items.map(type)).map { .array($0) }
        case .countStar: return .bigint
        case .isNull, .hasLabels, .unary(.not, _): return .boolean
        default: return nil
        }
    }
}
