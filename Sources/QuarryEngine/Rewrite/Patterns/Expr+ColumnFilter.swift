extension Expr {
    /// The key, when the expression reads `variable` only as `variable.key` (one key) and
    /// otherwise only literals and parameters, with nothing random.
    func onlyReadsProperty(of variable: String) -> String? {
        var key: String?
        var eligible = true
        func walk(_ e: Expr) {
            guard eligible else { return }
            switch e.kind {
            case .property(let o, let k):
                if case .variable(let v) = o.kind, v == variable {
                    if key == nil { key = k } else if key != k { eligible = false }
                    return
                }
            case .variable, .patternPredicate, .patternComprehension, .listComprehension, .quantifier, .reduce:
                eligible = false
                return
            case .function(let name, _, _):
                if ["rand", "randomuuid", "timestamp"].contains(name.lowercased()) { eligible = false }
            default: break
            }
            for c in e.children { walk(c) }
        }
        walk(self)
        return eligible ? key : nil
    }

    /// For `variable.key OP 'text'` (or `'text' = variable.key`), with the text a literal or a
    /// parameter: the test on the stored bytes and the expression giving the text.
    func byteTest(on variable: String) -> (test: ColumnFilter.ByteTest, text: Expr)? {
        guard case .binary(let op, let a, let b) = kind else { return nil }
        let tests: [BinaryOperator: ColumnFilter.ByteTest] = [.equal: .equal, .contains: .contains, .startsWith: .startsWith, .endsWith: .endsWith]
        guard let test = tests[op] else { return nil }
        func isRead(_ e: Expr) -> Bool { e.readsProperty(of: variable) }
        func isText(_ e: Expr) -> Bool {
            switch e.kind {
            case .literal(.string), .parameter: return true
            default: return false
            }
        }
        if isRead(a), isText(b) { return (test, b) }
        if op == .equal, isRead(b), isText(a) { return (test, a) }
        return nil
    }

    /// For `variable.key OP integer` (or `integer OP variable.key`) with OP one of =, <, <=, >,
    /// >= and the integer a literal or a parameter: the comparison, read with the property on the
    /// left, and the expression giving the integer.
    func integerTest(on variable: String) -> (op: BinaryOperator, bound: Expr)? {
        guard case .binary(let op, let a, let b) = kind else { return nil }
        let mirrored: [BinaryOperator: BinaryOperator] = [.equal: .equal, .less: .greater, .lessEqual: .greaterEqual,
                                                         .greater: .less, .greaterEqual: .lessEqual]
        guard let flipped = mirrored[op] else { return nil }
        func isRead(_ e: Expr) -> Bool { e.readsProperty(of: variable) }
        func isInteger(_ e: Expr) -> Bool {
            switch e.kind {
            case .literal(.int), .parameter: return true
            default: return false
            }
        }
        if isRead(a), isInteger(b) { return (op, b) }
        if isRead(b), isInteger(a) { return (flipped, a) }
        return nil
    }

    /// `variable.key`, for some key.
    func readsProperty(of variable: String) -> Bool {
        if case .property(let o, _) = kind, case .variable(let v) = o.kind { return v == variable }
        return false
    }
}
