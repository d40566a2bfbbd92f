import Foundation

extension ExpressionCompiler {
    func compileFunction(_ rawName: String, _ args: [Expr], _ r: SourceRange) throws(QueryError) -> Evaluator {
        let name = rawName.lowercased()
        guard let entry = FunctionCatalog.lookup(name) else {
            throw .unknownFunction(rawName, at: r, suggestion: closestName(to: rawName, in: FunctionCatalog.entries.values.map(\.name)))
        }
        if entry.isAggregate { throw .invalidAggregation("here", at: r) }
        if name == "exists", let arg = args.first {
            let c = try compile(arg)
            switch arg.kind {
            case .patternPredicate, .subquery(.exists, _, _, _): return c
            default: break
            }
            return { (row: inout Row) throws(QueryError) in .bool(!(try c(&row)).isNull) }
        }
        if name == "coalesce" {
            let cs = try args.map { x throws(QueryError) in try compile(x) }
            return { (row: inout Row) throws(QueryError) in
                for c in cs {
                    let v = try c(&row)
                    if !v.isNull { return v }
                }
                return .null
            }
        }
        let body = try scalarFunction(name, r)
        // A function of literals that does not read the clock or chance is computed once here
        // (`date('2020-01-01')` in a filter); one that fails is left to fail where it runs.
        let literals = args.compactMap { a -> Value? in if case .literal(let v) = a.kind { return v } else { return nil } }
        if !args.isEmpty, literals.count == args.count, !Self.changesFromCallToCall(name), let constant = try? body(literals) {
            return { (_: inout Row) throws(QueryError) in constant }
        }
        if args.count == 2, let pair = pairFunction(name, r) {
            // Not kept in an array: a closure read from one is called through a conversion thunk.
            let first = try compile(args[0]), second = try compile(args[1])
            return { (row: inout Row) throws(QueryError) in try pair(try first(&row), try second(&row)) }
        }
        // In structs: closures in an array are stored in a generic form and called through
        // conversion thunks (see `DirectEvaluator`).
        let cs = try args.map { x throws(QueryError) in DirectEvaluator(evaluate: try compile(x)) }
        if let memo = try memoizedByStoredValue(name, args, cs, body) { return memo }
        // The argument list is kept between calls: a call allocates none unless the function
        // keeps it (the next call then starts a new one).
        let arguments = ArgumentList(count: cs.count)
        switch cs.count {
        case 0:
            return { (_: inout Row) throws(QueryError) in try body([]) }
        case 1:
            // Held alone, the argument's closure is not retained and released per call.
            let only = cs[0].evaluate
            return { (row: inout Row) throws(QueryError) in
                arguments.values[0] = try only(&row)
                return try body(arguments.values)
            }
        default:
            return { (row: inout Row) throws(QueryError) in
                for i in cs.indices { arguments.values[i] = try cs[i].evaluate(&row) }
                return try body(arguments.values)
            }
        }
    }

    /// `f(n.key)` of a function fixed by its argument, in a statement that does not write: computed
    /// once per stored value when the key's column holds dictionary codes (`date(e.date)` over a
    /// column of a few thousand distinct dates).
    func memoizedByStoredValue(_ name: String, _ args: [Expr], _ compiled: [DirectEvaluator],
                               _ body: @escaping ([Value]) throws(QueryError) -> Value) throws(QueryError) -> Evaluator? {
        guard ctx.readOnly, args.count == 1, !Self.changesFromCallToCall(name), case .property(let o, let key) = args[0].kind,
              case .variable(let v) = o.kind, entities.contains(v), let slot = scope[v] else { return nil }
        let k = ctx.graph.keyID(key)
        guard k >= 0, Int(k) < ctx.graph.nodeProperties.count, ctx.graph.nodeProperties[Int(k)].representation == .codes else { return nil }
        // One memo per function and key in the statement: `date(e.date)` in two filters and an
        // aggregate is computed once per stored value for all three.
        let memoKey = name + "\u{0}" + key
        let memo = ctx.storedValueMemos[memoKey] ?? StoredValueMemo(ctx.graph.nodeProperties[Int(k)])
        ctx.storedValueMemos[memoKey] = memo
        if !(ctx.memosReadingSlot[slot]?.contains { $0 === memo } ?? false) { ctx.memosReadingSlot[slot, default: []].append(memo) }
        let argument = compiled[0].evaluate
        let arguments = ArgumentList(count: 1)
        let direct = Self.directForm(name)
        // A stored value's result is computed from the value itself, read from the dictionary.
        let apply = { (stored: Value) throws(QueryError) -> Value in
            if let direct, let result = direct(stored) { return result }
            arguments.values[0] = stored
            return try body(arguments.values)
        }
        return { (row: inout Row) throws(QueryError) in
            guard case .node(let n) = row[slot] else { return try apply(try argument(&row)) }
            return try memo.value(for: Int(n), apply)
        }
    }

    /// The common case of a function of one argument, computed without the general call (nil
    /// leaves the value to it, which reports what is wrong with it): `date()` of a string, as
    /// the memo of a column of date strings meets each distinct one.
    static func directForm(_ name: String) -> ((Value) -> Value?)? {
        guard name == "date" else { return nil }
        return { (v: Value) -> Value? in
            guard case .string(let s) = v, let d = DateValue(anyISO: s) else { return nil }
            return .date(d)
        }
    }

    /// A function of two arguments called with them as they are, without a list
    /// (`duration.inDays(ds[i - 1], ds[i])` once per row); `scalarFunction` calls it too.
    func pairFunction(_ name: String, _ r: SourceRange) -> ((Value, Value) throws(QueryError) -> Value)? {
        guard Self.durationBetweenNames.contains(name) else { return nil }
        let measure = Functions.Measure(name)
        return { (a: Value, b: Value) throws(QueryError) in try Functions.durationBetween(name, measure, a, b, at: r) }
    }

    /// `duration.between` and its forms: the time from one temporal value to another.
    static let durationBetweenNames: Set<String> = ["duration.between", "duration.inmonths", "duration.indays", "duration.inseconds"]

    /// `duration.between(a, b)` or one of its forms, as a closure that gives the duration itself
    /// (nil for null); nil for any other expression.
    func durationBetween(_ e: Expr) throws(QueryError) -> ((inout Row) throws(QueryError) -> DurationValue?)? {
        guard case .function(let rawName, _, let args) = e.kind, args.count == 2 else { return nil }
        let name = rawName.lowercased()
        guard Self.durationBetweenNames.contains(name) else { return nil }
        let measure = Functions.Measure(name), r = e.range
        let first = try compile(args[0]), second = try compile(args[1])
        return { (row: inout Row) throws(QueryError) in
            let a = try first(&row), b = try second(&row)
            // Two full dates, the common case, without the general path's call.
            if let d = Functions.durationBetweenFullDates(a, b, measure) { return d }
            return try Functions.duration(between: a, b, name, measure, at: r)
        }
    }

    /// Functions whose result is not fixed by their arguments.
    static func changesFromCallToCall(_ name: String) -> Bool {
        ["rand", "randomuuid", "timestamp", "linenumber", "file"].contains(name)
            || name.hasSuffix(".realtime") || name.hasSuffix(".statement") || name.hasSuffix(".transaction")
    }

    // swiftlint:disable:next cyclomatic_complexity function_body_length
    func scalarFunction(_ name: String, _ r: SourceRange) throws(QueryError) -> ([Value]) throws(QueryError) -> Value {
        if let pair = pairFunction(name, r) { return { (a: [Value]) throws(QueryError) in try pair(a[0], a[1]) } }
        let ctx = self.ctx
        switch name {
        case "id", "elementid":
            return { (a: [Value]) throws(QueryError) in
                switch a[0] {
                case .null: return .null
                case .node(let n): return name == "id" ? .int(Int64(n)) : .string("n\(n)")
                case .relationship(let x): return name == "id" ? .int(Int64(x)) : .string("r\(x)")
                case let v: throw .typeMismatch("\(name)() needs a node or a relationship", got: v, at: r)
                }
            }
        case "labels":
            return { (a: [Value]) throws(QueryError) in
                switch a[0] {
                case .null: return .null
                case .node(let n):
                    if ctx.deletedNodes.contains(n) { throw .deletedEntityAccess(at: r) }
                    return .list(ctx.graph.labels(of: n).map { .string(ctx.graph.labels.name($0)) })
                case let v: throw .typeMismatch("labels() needs a node", got: v, at: r)
                }
            }
        case "type":
            return { (a: [Value]) throws(QueryError) in
                switch a[0] {
                case .null: return .null
                case .relationship(let x): return .string(ctx.graph.types.name(ctx.graph.type(of: x)))
                case let v: throw .typeMismatch("type() needs a relationship", got: v, at: r)
                }
            }
        case "keys", "properties":
            return { (a: [Value]) throws(QueryError) in
                let pairs: [(String, Value)]
                switch a[0] {
                case .null: return .null
                case .map(let m): pairs = m.map { ($0.key, $0.value) }
                case .node(let n):
                    if ctx.deletedNodes.contains(n) { throw .deletedEntityAccess(at: r) }
                    pairs = ctx.graph.nodePropertyKeys(n).map { (ctx.graph.keys.name($0), ctx.graph.nodeProperty(n, $0)) }
                case .relationship(let x):
                    if ctx.deletedRelationships.contains(x) { throw .deletedEntityAccess(at: r) }
                    pairs = ctx.graph.relationshipPropertyKeys(x).map { (ctx.graph.keys.name($0), ctx.graph.relationshipProperty(x, $0)) }
                case let v: throw .typeMismatch("\(name)() needs a node, relationship or map", got: v, at: r)
                }
                if name == "keys" { return .list(pairs.map { .string($0.0) }) }
                return .map(Dictionary(pairs, uniquingKeysWith: { a, _ in a }))
            }
        case "startnode", "endnode":
            return { (a: [Value]) throws(QueryError) in
                switch a[0] {
                case .null: return .null
                case .relationship(let x): return .node(name == "startnode" ? ctx.graph.startNode(of: x) : ctx.graph.endNode(of: x))
                case let v: throw .typeMismatch("\(name)() needs a relationship", got: v, at: r)
                }
            }
        case "nodes", "relationships":
            return { (a: [Value]) throws(QueryError) in
                switch a[0] {
                case .null: return .null
                case .path(let p): return .list(name == "nodes" ? p.nodes.map(Value.node) : p.relationships.map(Value.relationship))
                case let v: throw .typeMismatch("\(name)() needs a path", got: v, at: r)
                }
            }
        case "length":
            return { (a: [Value]) throws(QueryError) in
                switch a[0] {
                case .null: return .null
                case .path(let p): return .int(Int64(p.relationships.count))
                case .string(let s): return .int(Int64(s.count))
                case .list(let l): return .int(Int64(l.count))
                case let v: throw .typeMismatch("length() needs a path", got: v, at: r)
                }
            }
        case "size":
            return { (a: [Value]) throws(QueryError) in
                switch a[0] {
                case .null: return .null
                case .string(let s): return .int(Int64(s.count))
                case .list(let l): return .int(Int64(l.count))
                case .map(let m): return .int(Int64(m.count))
                case let v: throw .typeMismatch("size() needs a list or a string", got: v, at: r)
                }
            }
        case "isempty":
            return { (a: [Value]) throws(QueryError) in
                switch a[0] {
                case .null: return .null
                case .string(let s): return .bool(s.isEmpty)
                case .list(let l): return .bool(l.isEmpty)
                case .map(let m): return .bool(m.isEmpty)
                case let v: throw .typeMismatch("isEmpty() needs a list, map or string", got: v, at: r)
                }
            }
        case "head", "last", "tail":
            return { (a: [Value]) throws(QueryError) in
                switch a[0] {
                case .null: return .null
                case .list(let l):
                    if name == "head" { return l.first ?? .null }
                    if name == "last" { return l.last ?? .null }
                    return .list(Array(l.dropFirst()))
                case let v: throw .typeMismatch("\(name)() needs a list", got: v, at: r)
                }
            }
        case "reverse":
            return { (a: [Value]) throws(QueryError) in
                switch a[0] {
                case .null: return .null
                case .list(let l): return .list(l.reversed())
                case .string(let s): return .string(String(s.reversed()))
                case let v: throw .typeMismatch("reverse() needs a list or a string", got: v, at: r)
                }
            }
        case "range":
            return { (a: [Value]) throws(QueryError) in
                guard let lo = try Functions.rangeBound(a[0], at: r), let hi = try Functions.rangeBound(a[1], at: r) else { return .null }
                let step = a.count > 2 ? try Functions.rangeBound(a[2], at: r) : 1
                guard let step else { return .null }
                return try Functions.range(lo, hi, step, at: r)
            }
        case "tostring", "tostringornull":
            return { (a: [Value]) throws(QueryError) in try Functions.toStringValue(a[0], strict: name == "tostring", at: r) }
        case "tointeger", "tointegerornull":
            return { (a: [Value]) throws(QueryError) in try Functions.toInteger(a[0], strict: name == "tointeger", at: r) }
        case "tofloat", "tofloatornull":
            return { (a: [Value]) throws(QueryError) in try Functions.toFloat(a[0], strict: name == "tofloat", at: r) }
        case "toboolean", "tobooleanornull":
            return { (a: [Value]) throws(QueryError) in try Functions.toBoolean(a[0], strict: name == "toboolean", at: r) }
        case "tolower", "toupper", "lower", "upper", "trim", "ltrim", "rtrim":
            return { (a: [Value]) throws(QueryError) in
                guard let s = try Functions.string(a[0], name, at: r) else { return .null }
                switch name {
                case "tolower", "lower": return .string(s.lowercased())
                case "toupper", "upper": return .string(s.uppercased())
                case "trim": return .string(Functions.trim(s, leading: true, trailing: true))
                case "ltrim": return .string(Functions.trim(s, leading: true, trailing: false))
                default: return .string(Functions.trim(s, leading: false, trailing: true))
                }
            }
        case "replace":
            return { (a: [Value]) throws(QueryError) in
                guard let s = try Functions.string(a[0], name, at: r), let f = try Functions.string(a[1], name, at: r),
                      let t = try Functions.string(a[2], name, at: r) else { return .null }
                return .string(f.isEmpty ? s : s.replacingOccurrences(of: f, with: t))
            }
        case "split":
            return { (a: [Value]) throws(QueryError) in
                guard let s = try Functions.string(a[0], name, at: r), let sep = try Functions.string(a[1], name, at: r) else { return .null }
                return Functions.split(s, sep)
            }
        case "substring":
            return { (a: [Value]) throws(QueryError) in
                guard let s = try Functions.string(a[0], name, at: r), let start = try Functions.integer(a[1], name, at: r) else { return .null }
                var length: Int64?
                if a.count > 2 {
                    guard let l = try Functions.integer(a[2], name, at: r) else { return .null }
                    length = l
                }
                return try Functions.substring(s, start, length, at: r)
            }
        case "left", "right":
            return { (a: [Value]) throws(QueryError) in
                guard let s = try Functions.string(a[0], name, at: r) else { return .null }
                guard let n = try Functions.integer(a[1], name, at: r) else {
                    throw .invalidArgument("\(name)() needs a length", at: r)
                }
                guard n >= 0 else { throw .numberOutOfRange("\(name)() length must not be negative", at: r) }
                let k = min(Int(clamping: n), s.count)
                return .string(name == "left" ? String(s.prefix(k)) : String(s.suffix(k)))
            }
        case "round":
            return { (a: [Value]) throws(QueryError) in try Functions.round(a[0], a.count > 1 ? a[1] : nil, at: r) }
        case "rand":
            return { (_: [Value]) throws(QueryError) in .float(Double.random(in: 0..<1)) }
        case "pi":
            return { (_: [Value]) throws(QueryError) in .float(Double.pi) }
        case "e":
            return { (_: [Value]) throws(QueryError) in .float(2.718281828459045) }
        case "atan2":
            return { (a: [Value]) throws(QueryError) in
                guard let y = try Functions.number(a[0], name, at: r), let x = try Functions.number(a[1], name, at: r) else { return .null }
                return .float(Foundation.atan2(y, x))
            }
        case "date", "localtime", "time", "localdatetime", "datetime":
            let ctx = self.ctx
            let construct: (([Value], DateTimeValue, SourceRange) throws(QueryError) -> Value) = switch name {
            case "date": Functions.date
            case "localtime": Functions.localTime
            case "time": Functions.time
            case "localdatetime": Functions.localDateTime
            default: Functions.dateTime
            }
            // Read from text, a date or a local time never looks at the clock: the statement's
            // moment is found only when a call needs it (finding it costs a time zone lookup).
            let textIgnoresClock = ["date", "localtime", "localdatetime"].contains(name)
            return { (a: [Value]) throws(QueryError) in
                if textIgnoresClock, case .string? = a.first { return try construct(a, Functions.epoch, r) }
                return try construct(a, ctx.clock, r)
            }
        case _ where name.hasSuffix(".transaction") || name.hasSuffix(".statement"):
            let ctx = self.ctx
            let type = String(name.prefix { $0 != "." })
            return { (a: [Value]) throws(QueryError) in try Functions.clockFunction(type, a, statement: ctx.clock, at: r) }
        case _ where name.hasSuffix(".realtime"):
            let type = String(name.prefix { $0 != "." })
            return { (a: [Value]) throws(QueryError) in try Functions.clockFunction(type, a, statement: Functions.now(), at: r) }
        case _ where name.hasSuffix(".truncate"):
            let type = String(name.prefix { $0 != "." })
            let ctx = self.ctx
            return { (a: [Value]) throws(QueryError) in try Functions.truncate(type, a, now: ctx.clock, at: r) }
        case "point":
            return { (a: [Value]) throws(QueryError) in try Functions.point(a[0], at: r) }
        case "point.distance":
            return { (a: [Value]) throws(QueryError) in try Functions.pointDistance(a[0], a[1], at: r) }
        case "point.withinbbox":
            return { (a: [Value]) throws(QueryError) in try Functions.pointWithin(a[0], a[1], a[2], at: r) }
        case "date.partial":
            return { (a: [Value]) throws(QueryError) in try Functions.partialDate(a, at: r) }
        case "datetime.fromepoch", "datetime.fromepochmillis":
            return { (a: [Value]) throws(QueryError) in try Functions.fromEpoch(name, a, at: r) }
        case "duration":
            return { (a: [Value]) throws(QueryError) in try Functions.duration(a[0], at: r) }
        case "timestamp":
            return { (_: [Value]) throws(QueryError) in .int(Int64(Date().timeIntervalSince1970 * 1000)) }
        case "linenumber":
            let ctx = self.ctx
            return { (_: [Value]) throws(QueryError) in ctx.csvRecord.map { .int(Int64($0.line)) } ?? .null }
        case "file":
            let ctx = self.ctx
            return { (_: [Value]) throws(QueryError) in ctx.csvRecord.map { .string($0.file) } ?? .null }
        case "passage":
            let ctx = self.ctx
            return { (a: [Value]) throws(QueryError) in
                let graph = ctx.graph
                let lookup: SourceLibrary.Lookup?
                switch a[0] {
                case .null: return .null
                case .node(let n): lookup = ctx.sources?.passage { k in graph.keys.id(k).map { graph.nodeProperty(n, $0) } ?? .null }
                case .relationship(let e): lookup = ctx.sources?.passage { k in graph.keys.id(k).map { graph.relationshipProperty(e, $0) } ?? .null }
                case let v: throw .typeMismatch("passage() needs a node or a relationship", got: v, at: r)
                }
                guard case .found(let passage)? = lookup else { return .null }
                return .string(passage.text)
            }
        default:
            // A catalogued function must have an implementation: never a silent null.
            guard Functions.mathFunctions.contains(name) else { throw .internalError("\(name)() is catalogued but has no implementation", at: r) }
            return { (a: [Value]) throws(QueryError) in try Functions.math(name, a[0], at: r) }
        }
    }
}

/// The arguments of one call site (or the values of one projection's row), reused from call to
/// call (a statement runs on one thread, and a call's arguments never contain the same call).
final class ArgumentList {
    @exclusivity(unchecked) var values: [Value]

    init(count: Int) { values = Array(repeating: .null, count: count) }
}

/// Results of a function by the dictionary code of its argument's stored value.
final class StoredValueMemo {
    /// The column's codes, for ids `base ..< base + length` (a copy of the column's own).
    private let codes: [UInt32]
    /// The column's strings, by code (a copy, as `codes`).
    private let dictionary: StringDictionary
    private let base: Int
    private let length: Int
    /// Used by one statement on one thread (see `PhysicalOperator`). While every result is a
    /// date or null (`date(e.date)`), each code's is kept as one integer in `dates` (`unknown`
    /// until computed, `null`): a fifth of the memory of a `Value`, so that reads at random codes
    /// miss the cache less. The first other result moves them all to `results`, where a result is known
    /// once its code is marked (no optional per result to test and copy).
    @exclusivity(unchecked) private var holdsDates = true
    @exclusivity(unchecked) private var dates: [Int64]
    @exclusivity(unchecked) private var results: [Value] = []
    @exclusivity(unchecked) private var known: [Bool] = []
    private static let unknown = Int64.min, null = Int64.min + 1
    @exclusivity(unchecked) private var touched: UInt32 = 0

    init(_ column: PropertyColumn) {
        codes = column.codes
        dictionary = column.dictionary
        base = column.base
        length = column.length
        // A result for each of the dictionary's codes and for 0 (null).
        dates = Array(repeating: Self.unknown, count: column.dictionary.count + 1)
    }

    /// `function` of the node's stored value, computed once per code.
    @inline(__always)
    func value(for node: Int, _ function: (Value) throws(QueryError) -> Value) throws(QueryError) -> Value {
        let i = node - base
        // An id without storage holds null, code 0; every code is the dictionary's (both copied
        // from the column at once).
        let code = i >= 0 && i < length ? Int(codes[i]) : 0
        if holdsDates {
            if dates[code] != Self.unknown { return Self.value(dates[code]) }
        } else if known[code] {
            return results[code]
        }
        return try remember(code, function)
    }

    /// Reads the codes of `nodes` ahead of their lookups, in one loop whose loads do not wait on
    /// one another: the cache misses of a batch overlap, where one lookup at a time would wait
    /// for each of its own.
    func warm(_ batch: NodeBatch) {
        var touched: UInt32 = 0
        codes.withUnsafeBufferPointer { codes in
            batch.withNodes { nodes in
                for node in nodes {
                    let i = node - base
                    if i >= 0 && i < length { touched &+= codes[i] }
                }
            }
        }
        // Kept, so that the loads are not optimized away.
        self.touched = touched
    }

    @inline(never)
    private func remember(_ code: Int, _ function: (Value) throws(QueryError) -> Value) throws(QueryError) -> Value {
        let v = try function(dictionary.value(UInt32(code)))
        if holdsDates {
            if let packed = Self.packed(v) {
                dates[code] = packed
                return v
            }
            moveDatesToResults()
        }
        results[code] = v
        known[code] = true
        return v
    }

    /// The dates known so far become `Value`s: a result is not a date (or too far out to pack).
    private func moveDatesToResults() {
        results = dates.map { $0 == Self.unknown ? .null : Self.value($0) }
        known = dates.map { $0 != Self.unknown }
        dates = []
        holdsDates = false
    }

    /// A date as its `orderKey` (never `unknown` or `null`, far below any), null as `null`; nil
    /// for anything else or days too far out to fit.
    private static func packed(_ v: Value) -> Int64? {
        switch v {
        case .null: return null
        case .date(let d): return d.orderKey
        default: return nil
        }
    }

    @inline(__always)
    private static func value(_ packed: Int64) -> Value {
        packed == null ? .null : .date(DateValue(orderKey: packed))
    }
}
