/// Why a statement that only reads found nothing, when a text literal it matches on is a value no
/// node has: `{name: 'Beijing'}` on `:Actor` gets "no :Actor has name 'Beijing' (China has it among
/// its aliases)", a typo the nearest value, a different case the value as stored. Read from the
/// statement's node patterns and its `WHERE n.key = 'text'` conditions.
enum ZeroRowHints {
    /// Nodes looked at per condition: enough for a hint, bounded on a large graph.
    static let scanned = 100_000

    struct Condition {
        let label: String?
        let key: String
        let value: String
        let range: SourceRange
        /// Equality, or a text test (`CONTAINS`, `STARTS WITH`, `ENDS WITH`) that a difference
        /// of case can defeat.
        var test: BinaryOperator = .equal
        /// The property as the query wrote it (`a.name`), for the fix a text test's hint names.
        var written = ""
    }

    /// The hints for a read-only statement that returned no rows: values not in the graph, or
    /// else (unless a warning has `explained` it: a name the graph has never seen) the step of
    /// the plan where the rows ran out.
    static func notices(for query: CheckedQuery, in graph: Graph, plan root: PhysicalOperator, explained: Bool) -> [Notice] {
        let values = conditions(in: query).compactMap { hint(for: $0, in: graph) }
        // An argument leaf that gave nothing was never asked (LIMIT 0): nothing to explain.
        guard values.isEmpty, !explained, let step = firstEmpty(root), !(step is ArgumentOperator) else { return values }
        let inputs = step.children.filter { !($0 is ArgumentOperator) }
        let given = inputs.map(\.rowsProduced).max()
        let before = given.map { $0 == 1 ? ", for the one row before it" : ", for any of the \($0) rows before it" } ?? ""
        return [Notice(message: "nothing matched at \(step.explanation)\(before) (PROFILE shows each step's rows)", range: nil, isHint: true)]
    }

    /// The deepest step of the plan that produced no rows while every input it has produced some:
    /// where the pattern element or predicate that matched nothing is.
    static func firstEmpty(_ op: PhysicalOperator) -> PhysicalOperator? {
        for child in op.children {
            if let found = firstEmpty(child) { return found }
        }
        return op.rowsProduced == 0 ? op : nil
    }

    static func conditions(in query: CheckedQuery) -> [Condition] {
        var out: [Condition] = []
        for part in query.parts {
            for checked in part.clauses {
                guard case .match(optional: false, let patterns, let predicate) = checked.clause.kind else { continue }
                var labelOf: [String: String] = [:]
                for pattern in patterns {
                    for node in [pattern.start] + pattern.steps.map(\.node) {
                        if let v = node.variable, let l = node.labels.first { labelOf[v] = l }
                        guard case .map(let entries)? = node.properties?.kind else { continue }
                        for (key, value) in entries {
                            if case .literal(.string(let text)) = value.kind {
                                out.append(Condition(label: node.labels.first, key: key, value: text, range: value.range))
                            }
                        }
                    }
                }
                for conjunct in predicate?.conjuncts ?? [] {
                    guard case .binary(let op, let left, let right) = conjunct.kind else { continue }
                    if op == .equal {
                        for (side, other) in [(left, right), (right, left)] {
                            if case .property(let subject, let key) = side.kind, case .variable(let v) = subject.kind,
                               case .literal(.string(let text)) = other.kind {
                                out.append(Condition(label: labelOf[v], key: key, value: text, range: other.range))
                            }
                        }
                    } else if [.contains, .startsWith, .endsWith].contains(op), case .property(let subject, let key) = left.kind,
                              case .variable(let v) = subject.kind, case .literal(.string(let text)) = right.kind {
                        out.append(Condition(label: labelOf[v], key: key, value: text, range: right.range, test: op, written: "\(v).\(key)"))
                    }
                }
            }
        }
        return out
    }

    /// Nothing when some node has the value (the rows are missing for another reason).
    static func hint(for condition: Condition, in graph: Graph) -> Notice? {
        guard let key = graph.keys.id(condition.key) else { return nil }
        if condition.test != .equal { return caseHint(for: condition, key: key, in: graph) }
        var label: Int32?
        if let name = condition.label {
            guard let id = graph.labels.id(name) else { return nil }
            label = id
        }
        let wanted = condition.value.lowercased()
        var sameButCase: String?, alias: String?, names: [String] = []
        var node = graph.nextNode(from: 0, label: label)
        var seen = 0
        while let n = node, seen < scanned {
            let id = NodeID(n)
            if case .string(let s) = graph.nodeProperty(id, key) {
                if s == condition.value { return nil }
                if s.lowercased() == wanted { sameButCase = s }
                names.append(s)
            }
            if alias == nil, let holder = aliasHolder(id, wanted, graph, key) { alias = holder }
            seen += 1
            node = graph.nextNode(from: n + 1, label: label)
        }
        let owner = condition.label.map { ":" + $0 } ?? "node"
        let lead = "no \(owner) has \(condition.key) '\(condition.value)'"
        let reason: String
        if let sameButCase {
            reason = "'\(sameButCase)' differs only in case"
        } else if let alias {
            reason = "'\(alias)' has it among its \(aliasWord)"
        } else if let near = closestName(to: condition.value, in: names) {
            reason = "did you mean '\(near)'?"
        } else {
            return nil
        }
        return Notice(message: "\(lead) (\(reason))", range: condition.range, isHint: true)
    }

    /// A text test that no value passes but one does when case is ignored: the value, and the
    /// test rewritten with `toLower` on both sides.
    static func caseHint(for condition: Condition, key: Int32, in graph: Graph) -> Notice? {
        var label: Int32?
        if let name = condition.label {
            guard let id = graph.labels.id(name) else { return nil }
            label = id
        }
        func passes(_ s: String, _ wanted: String) -> Bool {
            switch condition.test {
            case .contains: s.contains(wanted)
            case .startsWith: s.hasPrefix(wanted)
            default: s.hasSuffix(wanted)
            }
        }
        let lower = condition.value.lowercased()
        var example: String?
        var node = graph.nextNode(from: 0, label: label)
        var seen = 0
        while let n = node, seen < scanned {
            if case .string(let s) = graph.nodeProperty(NodeID(n), key) {
                if passes(s, condition.value) { return nil }
                if example == nil, passes(s.lowercased(), lower) { example = s }
            }
            seen += 1
            node = graph.nextNode(from: n + 1, label: label)
        }
        guard let example else { return nil }
        let owner = condition.label.map { ":" + $0 } ?? "node"
        let test = condition.test.rawValue
        let fix = "toLower(\(condition.written)) \(test) '\(lower.replacingOccurrences(of: "'", with: "\\'"))'"
        return Notice(message: "no \(owner) has \(condition.key) \(test) '\(condition.value)' as written ('\(example)' does in another case: \(fix) ignores case)",
                      range: condition.range, isHint: true)
    }

    static let aliasWord = "other names"

    /// The node's `key` value when a list of text on it (aliases, other names) holds `wanted`.
    static func aliasHolder(_ node: NodeID, _ wanted: String, _ graph: Graph, _ key: Int32) -> String? {
        for other in graph.nodePropertyKeys(node) where other != key {
            guard case .list(let items) = graph.nodeProperty(node, other),
                  items.contains(where: { if case .string(let s) = $0 { return s.lowercased() == wanted } else { return false } }),
                  case .string(let name) = graph.nodeProperty(node, key) else { continue }
            return name
        }
        return nil
    }
}
