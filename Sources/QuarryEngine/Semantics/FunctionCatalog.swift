/// The names, arities and kinds of the built-in functions. Their code is in `Execution/Functions`.
package enum FunctionCatalog {
    package struct Entry: Sendable {
        package let name: String
        package let minArgs: Int
        package let maxArgs: Int
        package let isAggregate: Bool

        /// `substring(value, value[, value])`, `coalesce(value, ...)`.
        package var signature: String {
            var parts = Array(repeating: "value", count: minArgs).joined(separator: ", ")
            if maxArgs == Int.max {
                parts += (parts.isEmpty ? "" : ", ") + "..."
            } else if maxArgs > minArgs {
                parts += (minArgs == 0 ? "[" : "[, ") + Array(repeating: "value", count: maxArgs - minArgs).joined(separator: ", ") + "]"
            }
            return "\(name)(\(parts))"
        }
    }

    static func entry(_ name: String, _ min: Int, _ max: Int? = nil, aggregate: Bool = false) -> (String, Entry) {
        (name.lowercased(), Entry(name: name, minArgs: min, maxArgs: max ?? min, isAggregate: aggregate))
    }

    package static let entries: [String: Entry] = Dictionary(uniqueKeysWithValues: [
        entry("count", 1, aggregate: true), entry("sum", 1, aggregate: true), entry("avg", 1, aggregate: true),
        entry("min", 1, aggregate: true), entry("max", 1, aggregate: true), entry("collect", 1, aggregate: true),
        entry("stDev", 1, aggregate: true), entry("stDevP", 1, aggregate: true),
        entry("percentileDisc", 2, aggregate: true), entry("percentileCont", 2, aggregate: true),
        entry("id", 1), entry("elementId", 1), entry("labels", 1), entry("type", 1), entry("keys", 1),
        entry("properties", 1), entry("startNode", 1), entry("endNode", 1), entry("nodes", 1),
        entry("relationships", 1), entry("length", 1), entry("size", 1), entry("head", 1), entry("last", 1),
        entry("tail", 1), entry("range", 2, 3), entry("reverse", 1), entry("coalesce", 1, Int.max),
        entry("exists", 1), entry("isEmpty", 1),
        entry("toString", 1), entry("toInteger", 1), entry("toFloat", 1), entry("toBoolean", 1),
        entry("toStringOrNull", 1), entry("toIntegerOrNull", 1), entry("toFloatOrNull", 1), entry("toBooleanOrNull", 1),
        entry("toLower", 1), entry("toUpper", 1), entry("lower", 1), entry("upper", 1),
        entry("trim", 1), entry("ltrim", 1), entry("rtrim", 1), entry("replace", 3), entry("split", 2),
        entry("substring", 2, 3), entry("left", 2), entry("right", 2),
        entry("abs", 1), entry("ceil", 1), entry("floor", 1), entry("round", 1, 2), entry("sign", 1),
        entry("sqrt", 1), entry("rand", 0), entry("exp", 1), entry("log", 1), entry("log10", 1),
        entry("sin", 1), entry("cos", 1), entry("tan", 1), entry("asin", 1), entry("acos", 1), entry("atan", 1),
        entry("atan2", 2), entry("pi", 0), entry("e", 0), entry("degrees", 1), entry("radians", 1),
        entry("date", 0, 1), entry("timestamp", 0), entry("linenumber", 0), entry("file", 0),
    ])

    package static func lookup(_ name: String) -> Entry? { entries[name.lowercased()] }

    package static func isAggregate(_ name: String) -> Bool { lookup(name)?.isAggregate ?? false }
}

/// The closest candidate by edit distance, when it is close enough to be a likely typo.
package func closestName(to name: String, in candidates: some Sequence<String>) -> String? {
    let target = Array(name.lowercased())
    var best: (String, Int)?
    for c in candidates {
        let d = editDistance(target, Array(c.lowercased()))
        if d <= max(1, target.count / 3), best == nil || d < best!.1 { best = (c, d) }
    }
    return best?.0
}

/// Edit distance counting a swap of two neighbouring characters as one edit (`nmae` → `name`).
func editDistance(_ a: [Character], _ b: [Character]) -> Int {
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var d = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
    for i in 0...a.count { d[i][0] = i }
    for j in 0...b.count { d[0][j] = j }
    for i in 1...a.count {
        for j in 1...b.count {
            d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1) }
        }
    }
    return d[a.count][b.count]
}
