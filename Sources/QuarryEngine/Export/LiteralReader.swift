/// The value of a Cypher literal as the exports write them (`'text'`, `[1, 2]`, `{a: 1}`,
/// `date('2021-08-15')`, `-3`, `(0.0 / 0.0)`): what GraphML and DOT imports read back.
enum LiteralReader {
    static func value(_ text: String) throws(QueryError) -> Value {
        var parser = try Parser(text)
        let e = try parser.parseExpression()
        guard parser.current.kind == .end else { throw parser.unexpected(expected: "the end of the value") }
        return try value(of: e)
    }

    static func value(of e: Expr) throws(QueryError) -> Value {
        switch e.kind {
        case .literal(let v): return v
        case .list(let items):
            var out: [Value] = []
            for item in items { out.append(try value(of: item)) }
            return .list(out)
        case .map(let entries):
            var out: [String: Value] = [:]
            for (k, v) in entries { out[k] = try value(of: v) }
            return .map(out)
        case .unary(let op, let a): return try Operations.unary(op, try value(of: a), at: e.range)
        case .binary(.divide, let a, let b): return try Operations.arithmetic(.divide, try value(of: a), try value(of: b), at: e.range)
        case .function(let name, _, let args) where args.count == 1:
            let argument = try value(of: args[0])
            switch (name.lowercased(), argument) {
            case ("date", .string): return try Functions.date([argument], now: Functions.epoch, at: e.range)
            case ("date.partial", .string): return try Functions.partialDate([argument], at: e.range)
            case ("localtime", .string): return try Functions.localTime([argument], now: Functions.epoch, at: e.range)
            case ("time", .string): return try Functions.time([argument], now: Functions.epoch, at: e.range)
            case ("localdatetime", .string): return try Functions.localDateTime([argument], now: Functions.epoch, at: e.range)
            case ("datetime", .string): return try Functions.dateTime([argument], now: Functions.epoch, at: e.range)
            case ("duration", .string): return try Functions.duration(argument, at: e.range)
            case ("point", .map): return try Functions.point(argument, at: e.range)
            default: throw QueryError(.syntaxError, "InvalidLiteral", "\(e.canonicalText) is not a literal value", at: e.range)
            }
        default:
            throw QueryError(.syntaxError, "InvalidLiteral", "\(e.canonicalText) is not a literal value", at: e.range)
        }
    }
}
