extension ExpressionCompiler {
    func compileBinary(_ op: BinaryOperator, _ a: Expr, _ b: Expr, _ range: SourceRange) throws(QueryError) -> Evaluator {
        let l = try compile(a), r = try compile(b)
        switch op {
        case .and:
            return { (row: inout Row) throws(QueryError) in
                let x = try Operations.truth(try l(&row), "AND", at: range)
                if x == false { return .bool(false) }
                let y = try Operations.truth(try r(&row), "AND", at: range)
                if y == false { return .bool(false) }
                return x == nil || y == nil ? .null : .bool(true)
            }
        case .or:
            return { (row: inout Row) throws(QueryError) in
                let x = try Operations.truth(try l(&row), "OR", at: range)
                if x == true { return .bool(true) }
                let y = try Operations.truth(try r(&row), "OR", at: range)
                if y == true { return .bool(true) }
                return x == nil || y == nil ? .null : .bool(false)
            }
        case .xor:
            return { (row: inout Row) throws(QueryError) in
                let x = try Operations.truth(try l(&row), "XOR", at: range)
                let y = try Operations.truth(try r(&row), "XOR", at: range)
                guard let x, let y else { return .null }
                return .bool(x != y)
            }
        case .add, .subtract:
            // `i - 1`, `n + 1`: an integer and an integer literal without the general switch.
            if case .literal(.int(let c)) = b.kind {
                let step = op == .add ? c : 0 &- c
                if op == .add || c != .min {
                    return { (row: inout Row) throws(QueryError) in
                        let x = try l(&row)
                        if case .int(let i) = x {
                            let (sum, overflow) = i.addingReportingOverflow(step)
                            if !overflow { return .int(sum) }
                        }
                        return try Operations.arithmetic(op, x, .int(c), at: range)
                    }
                }
            }
            return { (row: inout Row) throws(QueryError) in try Operations.arithmetic(op, try l(&row), try r(&row), at: range) }
        case .multiply, .divide, .modulo, .power:
            return { (row: inout Row) throws(QueryError) in try Operations.arithmetic(op, try l(&row), try r(&row), at: range) }
        case .equal:
            return { (row: inout Row) throws(QueryError) in Value.equals(try l(&row), try r(&row)).map(Value.bool) ?? .null }
        case .notEqual:
            return { (row: inout Row) throws(QueryError) in Value.equals(try l(&row), try r(&row)).map { .bool(!$0) } ?? .null }
        case .less, .greater, .lessEqual, .greaterEqual:
            return { (row: inout Row) throws(QueryError) in
                let x = try l(&row), y = try r(&row)
                let result = switch op {
                case .less: Value.isLess(x, y, orEqual: false)
                case .greater: Value.isLess(y, x, orEqual: false)
                case .lessEqual: Value.isLess(x, y, orEqual: true)
                default: Value.isLess(y, x, orEqual: true)
                }
                guard let result else { return x.isNaN && y.isNumber || y.isNaN && x.isNumber ? .bool(false) : .null }
                return .bool(result)
            }
        case .startsWith, .endsWith, .contains:
            return { (row: inout Row) throws(QueryError) in Operations.stringPredicate(op, try l(&row), try r(&row)) }
        case .in:
            return { (row: inout Row) throws(QueryError) in try Operations.in(try l(&row), try r(&row), at: range) }
        case .regex:
            if case .literal(.string(let pattern)) = b.kind {
                let regex: SafeRegex
                do { regex = try SafeRegex(pattern) } catch { throw .invalidRegex(pattern, error, at: b.range) }
                let ctx = self.ctx
                return { (row: inout Row) throws(QueryError) in
                    guard case .string(let s) = try l(&row) else { return .null }
                    return .bool(try regex.matchesWhole(s, checking: ctx.checkLimits))
                }
            }
            var last: SafeRegex?
            let ctx = self.ctx
            return { (row: inout Row) throws(QueryError) in
                guard case .string(let s) = try l(&row), case .string(let pattern) = try r(&row) else { return .null }
                if last?.pattern != pattern {
                    do throws(RegexSyntaxError) { last = try SafeRegex(pattern) } catch { throw .invalidRegex(pattern, error, at: range) }
                }
                guard let regex = last else { throw .internalError("no compiled regular expression", at: range) }
                return .bool(try regex.matchesWhole(s, checking: ctx.checkLimits))
            }
        }
    }
}
