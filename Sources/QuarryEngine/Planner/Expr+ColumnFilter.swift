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

    /// For `variable.key OP 'text'` (or `'text' = variable.key`): the test on the stored bytes.
    func byteTest(on variable: String, parameters: [String: Value]) -> (ColumnFilter.ByteTest, [UInt8])? {
        guard case .binary(let op, let a, let b) = kind else { return nil }
        let tests: [BinaryOperator: ColumnFilter.ByteTest] = [.equal: .equal, .contains: .contains, .startsWith: .startsWith, .endsWith: .endsWith]
        guard let test = tests[op] else { return nil }
        func isRead(_ e: Expr) -> Bool {
            if case .property(let o, _) = e.kind, case .variable(let v) = o.kind { return v == variable }
            return false
        }
        func constant(_ e: Expr) -> String? {
            switch e.kind {
            case .literal(.string(let s)): return s
            case .parameter(let name): if case .string(let s)? = parameters[name] { return s }
            default: break
            }
            return nil
        }
        if isRead(a), let s = constant(b) { return (test, Array(s.utf8)) }
        if op == .equal, isRead(b), let s = constant(a) { return (test, Array(s.utf8)) }
        return nil
    }
}
