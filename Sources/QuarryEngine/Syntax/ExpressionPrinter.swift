/// Prints expressions and patterns back as query text, in one canonical spelling. Used to
/// recognise the same expression written twice (`count(*)` in RETURN and ORDER BY) and by EXPLAIN.
extension Expr {
    var canonicalText: String {
        switch kind {
        case .literal(let v): return v.literalText
        case .parameter(let p): return "$" + p
        case .variable(let v): return quoteName(v)
        case .property(let o, let k): return "\(o.canonicalText).\(quoteName(k))"
        case .index(let a, let b): return "\(a.canonicalText)[\(b.canonicalText)]"
        case .slice(let a, let b, let c): return "\(a.canonicalText)[\(b?.canonicalText ?? "")..\(c?.canonicalText ?? "")]"
        case .list(let l): return "[" + l.map(\.canonicalText).joined(separator: ", ") + "]"
        case .map(let m): return "{" + m.map { "\(quoteName($0.0)): \($0.1.canonicalText)" }.joined(separator: ", ") + "}"
        case .unary(.not, let a): return "NOT \(a.canonicalText)"
        case .unary(.negate, let a): return "-\(a.canonicalText)"
        case .unary(.plus, let a): return "+\(a.canonicalText)"
        case .binary(let op, let a, let b): return "(\(a.canonicalText) \(op.rawValue) \(b.canonicalText))"
        case .isNull(let a, let negated): return "\(a.canonicalText) IS \(negated ? "NOT " : "")NULL"
        case .hasLabels(let a, let labels): return a.canonicalText + labels.map { ":" + quoteName($0) }.joined()
        case .function(let name, let distinct, let args):
            return "\(name.lowercased())(\(distinct ? "DISTINCT " : "")\(args.map(\.canonicalText).joined(separator: ", ")))"
        case .countStar: return "count(*)"
        case .caseExpr(let s, let whens, let o):
            var t = "CASE"
            if let s { t += " " + s.canonicalText }
            for (w, r) in whens { t += " WHEN \(w.canonicalText) THEN \(r.canonicalText)" }
            if let o { t += " ELSE " + o.canonicalText }
            return t + " END"
        case .listComprehension(let v, let l, let p, let q):
            return "[\(quoteName(v)) IN \(l.canonicalText)\(p.map { " WHERE " + $0.canonicalText } ?? "")\(q.map { " | " + $0.canonicalText } ?? "")]"
        case .quantifier(let k, let v, let l, let p):
            return "\(k.rawValue)(\(quoteName(v)) IN \(l.canonicalText)\(p.map { " WHERE " + $0.canonicalText } ?? ""))"
        case .reduce(let acc, let i, let v, let l, let x):
            return "reduce(\(quoteName(acc)) = \(i.canonicalText), \(quoteName(v)) IN \(l.canonicalText) | \(x.canonicalText))"
        case .patternComprehension(let part, let p, let q):
            return "[\(part.canonicalText)\(p.map { " WHERE " + $0.canonicalText } ?? "") | \(q.canonicalText)]"
        case .patternPredicate(let part): return part.canonicalText
        case .subquery(let kind, _, let text, _): return "\(kind.rawValue) { \(text) }"
        case .mapProjection(let subject, let items):
            return subject.canonicalText + " {" + items.map { item in
                switch item {
                case .property(let k): return "." + quoteName(k)
                case .allProperties: return ".*"
                case .entry(let k, let e): return "\(quoteName(k)): \(e.canonicalText)"
                case .variable(let v, _): return quoteName(v)
                }
            }.joined(separator: ", ") + "}"
        }
    }
}

extension PatternPart {
    var canonicalText: String {
        var t = pathVariable.map { quoteName($0) + " = " } ?? ""
        var chain = start.canonicalText
        for (r, n) in steps { chain += r.canonicalText + n.canonicalText }
        switch shortest {
        case .none: t += chain
        case .shortest: t += "shortestPath(\(chain))"
        case .all: t += "allShortestPaths(\(chain))"
        }
        return t
    }
}

extension NodePattern {
    var canonicalText: String {
        "(" + (variable.map(quoteName) ?? "") + labels.map { ":" + quoteName($0) }.joined()
            + (properties.map { " " + $0.canonicalText } ?? "") + ")"
    }
}

extension QuantifiedGroup {
    var canonicalText: String {
        "(" + inner.canonicalText + (predicate.map { " WHERE " + $0.canonicalText } ?? "") + ")" + quantifierText
    }
}

extension RelationshipPattern {
    var canonicalText: String {
        if let group { return group.canonicalText }
        var inner = variable.map(quoteName) ?? ""
        if !types.isEmpty { inner += ":" + types.map(quoteName).joined(separator: "|") }
        if let length {
            inner += "*"
            if length.min != nil || length.max != nil {
                if length.min == length.max, let m = length.min { inner += "\(m)" } else {
                    inner += "\(length.min.map(String.init) ?? "")..\(length.max.map(String.init) ?? "")"
                }
            }
        }
        if let properties { inner += " " + properties.canonicalText }
        let body = inner.isEmpty ? "-" : "-[\(inner)]-"
        switch direction {
        case .outgoing: return body + ">"
        case .incoming: return "<" + body
        case .both: return body
        }
    }
}

/// A name as it must be written in a query: backquoted unless it is a plain identifier.
func quoteName(_ name: String) -> String {
    guard let first = name.unicodeScalars.first,
          first == "_" || first.properties.isAlphabetic,
          name.unicodeScalars.allSatisfy({ $0 == "_" || $0.properties.isAlphabetic || ("0"..."9").contains($0) }) else {
        return "`" + name.replacingOccurrences(of: "`", with: "``") + "`"
    }
    return name
}
