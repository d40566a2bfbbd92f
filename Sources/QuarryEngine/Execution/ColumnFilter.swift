import Glibc

/// A filter that reads one property of the node an operator binds and otherwise only constants
/// (`e.kind = 'attack'`, `e.date >= $since`, `{name: 'x'}`). Planned only for statements that do
/// not write, so the column cannot change while it runs: on dictionary codes each distinct
/// string is judged once, and on a string heap equality and substring tests against a constant
/// run on the stored bytes. Anything else falls back to the compiled predicate.
final class ColumnFilter {
    enum ByteTest { case equal, contains, startsWith, endsWith }

    let key: Int32
    let predicate: Evaluator
    let byteTest: (test: ByteTest, needle: [UInt8])?
    /// The column's storage, taken when the statement first reads it (it cannot change in a
    /// statement that does not write).
    private var loaded = false
    private var representation = PropertyColumn.Representation.empty
    private var base = 0
    private var codes: [UInt32] = []
    private var heap = StringHeap()
    /// By dictionary code: 0 not judged yet, 1 accepted, 2 rejected.
    private var verdicts: [UInt8] = []

    init(key: Int32, predicate: @escaping Evaluator, byteTest: (ByteTest, [UInt8])?) {
        self.key = key
        self.predicate = predicate
        self.byteTest = byteTest
    }

    private func load(_ ctx: ExecutionContext) {
        let column = ctx.graph.nodeProperties[Int(key)]
        representation = column.representation
        base = column.base
        codes = column.codes
        heap = column.heap
        verdicts = Array(repeating: 0, count: column.dictionary.count + 1)
        loaded = true
    }

    /// Judges `node`, whose id the caller has already written into `row`.
    @inline(__always)
    func accepts(_ node: Int, _ row: inout Row, _ ctx: ExecutionContext) throws(QueryError) -> Bool {
        if !loaded { load(ctx) }
        let i = node - base
        switch representation {
        case .codes:
            let c = i >= 0 && i < codes.count ? Int(codes[i]) : 0
            if verdicts[c] != 0 { return verdicts[c] == 1 }
            let verdict = try evaluate(&row)
            verdicts[c] = verdict ? 1 : 2
            return verdict
        case .heap:
            guard let (test, needle) = byteTest else { return try evaluate(&row) }
            guard i >= 0 && i < heap.count, !heap.isAbsent(i) else { return false }
            if let verdict = heap.withBytes(i, { Self.matches(test, $0, needle) }) { return verdict }
            return try evaluate(&row)
        default:
            return try evaluate(&row)
        }
    }

    @inline(__always)
    private func evaluate(_ row: inout Row) throws(QueryError) -> Bool {
        if case .bool(true) = try predicate(&row) { return true }
        return false
    }

    /// Substring tests compare code units, as the language does. Equality of strings is
    /// canonical equivalence, so bytes decide it only when they match or are both ASCII;
    /// otherwise (nil) the compiled predicate decides.
    static func matches(_ test: ByteTest, _ hay: UnsafeBufferPointer<UInt8>, _ needle: [UInt8]) -> Bool? {
        let n = needle.count
        if test == .equal, !(hay.count == n && (n == 0 || memcmp(hay.baseAddress!, needle, n) == 0)) {
            return needle.allSatisfy { $0 < 0x80 } && hay.allSatisfy { $0 < 0x80 } ? false : nil
        }
        guard hay.count >= n else { return false }
        return needle.withUnsafeBufferPointer { nd in
            guard n > 0 else { return true }
            switch test {
            case .equal: return true
            case .startsWith: return memcmp(hay.baseAddress!, nd.baseAddress!, n) == 0
            case .endsWith: return memcmp(hay.baseAddress! + (hay.count - n), nd.baseAddress!, n) == 0
            case .contains: return find(nd, in: hay)
            }
        }
    }

    /// Substring search: memchr for the first byte, then memcmp for the rest.
    static func find(_ needle: UnsafeBufferPointer<UInt8>, in hay: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = needle.count
        var p = hay.baseAddress!
        let last = hay.baseAddress! + (hay.count - n)
        while p <= last {
            guard let hit = memchr(p, Int32(needle[0]), last - p + 1) else { return false }
            let at = UnsafePointer(hit.assumingMemoryBound(to: UInt8.self))
            if memcmp(at, needle.baseAddress!, n) == 0 { return true }
            p = at + 1
        }
        return false
    }
}

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
