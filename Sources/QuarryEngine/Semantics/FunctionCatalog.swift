/// The built-in functions: names, arities, kinds and what each gives. Their code is in
/// `Execution/ExpressionCompiler+Functions` and `Execution/Functions`; a test checks that every
/// entry has one.
package enum FunctionCatalog {
    package struct Entry: Sendable {
        package let name: String
        package let minArgs: Int
        package let maxArgs: Int
        package let isAggregate: Bool
        /// What it gives, in a line (`:help functions`, `dbms.functions()`).
        package let summary: String

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

    static func entry(_ name: String, _ min: Int, _ max: Int? = nil, aggregate: Bool = false, gives summary: String) -> (String, Entry) {
        (name.lowercased(), Entry(name: name, minArgs: min, maxArgs: max ?? min, isAggregate: aggregate, summary: summary))
    }

    package static let entries: [String: Entry] = Dictionary(uniqueKeysWithValues: [
        entry("count", 1, aggregate: true, gives: "the number of non-null values (count(*): of rows)"),
        entry("sum", 1, aggregate: true, gives: "the sum of the numbers"),
        entry("avg", 1, aggregate: true, gives: "the mean of the numbers"),
        entry("min", 1, aggregate: true, gives: "the smallest value"),
        entry("max", 1, aggregate: true, gives: "the largest value"),
        entry("collect", 1, aggregate: true, gives: "the non-null values as a list"),
        entry("stDev", 1, aggregate: true, gives: "the sample standard deviation"),
        entry("stDevP", 1, aggregate: true, gives: "the population standard deviation"),
        entry("percentileDisc", 2, aggregate: true, gives: "the value at a percentile (0.0 to 1.0), one of the values"),
        entry("percentileCont", 2, aggregate: true, gives: "the value at a percentile (0.0 to 1.0), interpolated"),
        entry("id", 1, gives: "a node's or relationship's id"),
        entry("elementId", 1, gives: "a node's or relationship's id, as text"),
        entry("labels", 1, gives: "a node's labels"),
        entry("type", 1, gives: "a relationship's type"),
        entry("keys", 1, gives: "the property keys of a node, relationship or map"),
        entry("properties", 1, gives: "the properties of a node or relationship, as a map"),
        entry("startNode", 1, gives: "the node a relationship starts at"),
        entry("endNode", 1, gives: "the node a relationship ends at"),
        entry("nodes", 1, gives: "a path's nodes"),
        entry("relationships", 1, gives: "a path's relationships"),
        entry("length", 1, gives: "a path's number of relationships"),
        entry("size", 1, gives: "the number of elements of a list, or characters of a string"),
        entry("head", 1, gives: "a list's first element"),
        entry("last", 1, gives: "a list's last element"),
        entry("tail", 1, gives: "a list without its first element"),
        entry("range", 2, 3, gives: "the integers from start to end (inclusive), by step"),
        entry("reverse", 1, gives: "a list or string backwards"),
        entry("coalesce", 1, Int.max, gives: "the first argument that is not null"),
        entry("exists", 1, gives: "whether a property is set, or a pattern matches"),
        entry("isEmpty", 1, gives: "whether a list, map or string is empty"),
        entry("toString", 1, gives: "a value as text"),
        entry("toInteger", 1, gives: "a number or numeric text as an integer"),
        entry("toFloat", 1, gives: "a number or numeric text as a float"),
        entry("toBoolean", 1, gives: "'true' or 'false' (or a boolean, or an integer) as a boolean"),
        entry("toStringOrNull", 1, gives: "toString, or null where it cannot convert"),
        entry("toIntegerOrNull", 1, gives: "toInteger, or null where it cannot convert"),
        entry("toFloatOrNull", 1, gives: "toFloat, or null where it cannot convert"),
        entry("toBooleanOrNull", 1, gives: "toBoolean, or null where it cannot convert"),
        entry("toLower", 1, gives: "text in lower case"),
        entry("toUpper", 1, gives: "text in upper case"),
        entry("lower", 1, gives: "text in lower case"),
        entry("upper", 1, gives: "text in upper case"),
        entry("trim", 1, gives: "text without leading and trailing white space"),
        entry("ltrim", 1, gives: "text without leading white space"),
        entry("rtrim", 1, gives: "text without trailing white space"),
        entry("replace", 3, gives: "text with every occurrence of a search string replaced"),
        entry("split", 2, gives: "text cut at every occurrence of a delimiter, as a list"),
        entry("substring", 2, 3, gives: "part of a text: from a start (0-based), of a length"),
        entry("left", 2, gives: "the first n characters of a text"),
        entry("right", 2, gives: "the last n characters of a text"),
        entry("abs", 1, gives: "the absolute value"),
        entry("ceil", 1, gives: "the smallest whole number not below a number"),
        entry("floor", 1, gives: "the largest whole number not above a number"),
        entry("round", 1, 2, gives: "a number rounded (half away from zero), to a precision"),
        entry("sign", 1, gives: "-1, 0 or 1"),
        entry("sqrt", 1, gives: "the square root"),
        entry("rand", 0, gives: "a random float in [0, 1)"),
        entry("exp", 1, gives: "e to the power of a number"),
        entry("log", 1, gives: "the natural logarithm"),
        entry("log10", 1, gives: "the base-10 logarithm"),
        entry("sin", 1, gives: "the sine (radians)"),
        entry("cos", 1, gives: "the cosine (radians)"),
        entry("tan", 1, gives: "the tangent (radians)"),
        entry("asin", 1, gives: "the arcsine, in radians"),
        entry("acos", 1, gives: "the arccosine, in radians"),
        entry("atan", 1, gives: "the arctangent, in radians"),
        entry("atan2", 2, gives: "the angle of (x, y) from atan2(y, x), in radians"),
        entry("pi", 0, gives: "π"),
        entry("e", 0, gives: "Euler's number"),
        entry("degrees", 1, gives: "radians in degrees"),
        entry("radians", 1, gives: "degrees in radians"),
        entry("date", 0, 1, gives: "a date from text ('2021-08-15', '2015-W30-2', '2015-202'), a map of fields or another temporal value; today without an argument"),
        entry("timestamp", 0, gives: "milliseconds since 1970-01-01 UTC, now"),
        entry("localtime", 0, 1, gives: "a time of day without a zone from text ('21:40:32.142'), a map or another temporal value; now without an argument"),
        entry("time", 0, 1, gives: "a time of day with an offset from text ('21:40:32.142+04:30'), a map ({hour: 21, timezone: '+04:30'}) or another temporal value; now without an argument"),
        entry("localdatetime", 0, 1, gives: "a date and time without a zone from text ('2015-07-21T21:40'), a map or another temporal value; now without an argument"),
        entry("datetime", 0, 1, gives: "a date and time in a zone from text ('2015-07-21T21:40+04:30', '2021-08-26T17:50[Asia/Kabul]'), a map ({year: 2021, ..., timezone: 'Asia/Kabul'}) or another temporal value; now without an argument"),
        entry("point", 1, gives: "a point from {x, y[, z]} (Cartesian) or {longitude, latitude[, height]} (WGS-84), crs or srid optional"),
        entry("point.distance", 2, gives: "the distance between two points of one system: straight (Cartesian) or great-circle in metres (WGS-84)"),
        entry("point.withinBBox", 3, gives: "whether a point lies in the box from a lower-left to an upper-right point (edges included)"),
        entry("date.partial", 1, 2, gives: "a date known only to its month or year ('2021-08', '2021'; or a date and 'month' or 'year'), which compares as any of its days may"),
        entry("datetime.fromepoch", 2, gives: "the UTC date-time a number of seconds and nanoseconds after 1970-01-01T00:00Z"),
        entry("datetime.fromepochmillis", 1, gives: "the UTC date-time a number of milliseconds after 1970-01-01T00:00Z"),
    ] + ["date", "localtime", "time", "localdatetime", "datetime"].flatMap { type in [
        entry("\(type).transaction", 0, 1, gives: "a \(type) of the moment the statement started (in a time zone if given; null for a null zone)"),
        entry("\(type).statement", 0, 1, gives: "a \(type) of the moment the statement started (in a time zone if given; null for a null zone)"),
        entry("\(type).realtime", 0, 1, gives: "a \(type) of the moment now (in a time zone if given; null for a null zone)"),
        entry("\(type).truncate", 2, 3, gives: "the start of the unit (year, quarter, week, day, hour, ...) a \(type) or other temporal value is in, the fields of a map then set"),
    ] } + [
        entry("duration", 1, gives: "a duration from ISO 8601 text ('P1Y3M', 'PT2H') or a map of units ({months: 15})"),
        entry("duration.between", 2, gives: "the duration from one temporal value to another, in months, days and seconds"),
        entry("duration.inMonths", 2, gives: "the whole months from one temporal value to another, as a duration"),
        entry("duration.inDays", 2, gives: "the whole days from one temporal value to another, as a duration"),
        entry("duration.inSeconds", 2, gives: "the seconds from one temporal value to another, as a duration"),
        entry("linenumber", 0, gives: "in LOAD CSV: the line of the record in its file"),
        entry("file", 0, gives: "in LOAD CSV: the absolute path of the file"),
        entry("passage", 1, gives: "the passage of its source document a node or relationship cites (source and para), or null"),
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
