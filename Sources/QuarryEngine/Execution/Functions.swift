import Foundation

/// The scalar functions that need only their argument values.
enum Functions {
    static func toText(_ v: Value) -> String { v.plainText }

    static func number(_ v: Value, _ name: String, at r: SourceRange) throws(QueryError) -> Double? {
        switch v {
        case .null: return nil
        case .int(let i): return Double(i)
        case .float(let d): return d
        default: throw .typeMismatch("\(name)() needs a number", got: v, at: r)
        }
    }

    static func string(_ v: Value, _ name: String, at r: SourceRange) throws(QueryError) -> String? {
        switch v {
        case .null: return nil
        case .string(let s): return s
        default: throw .typeMismatch("\(name)() needs a string", got: v, at: r)
        }
    }

    static func integer(_ v: Value, _ name: String, at r: SourceRange) throws(QueryError) -> Int64? {
        switch v {
        case .null: return nil
        case .int(let i): return i
        default: throw .typeMismatch("\(name)() needs an integer", got: v, at: r)
        }
    }

    static func toInteger(_ v: Value, strict: Bool, at r: SourceRange) throws(QueryError) -> Value {
        switch v {
        case .null: return .null
        case .int: return v
        case .float(let d):
            return fitsInteger(d) ? .int(Int64(d)) : .null
        case .bool(let b): return .int(b ? 1 : 0)
        case .string(let s):
            let t = s.trimmingCharacters(in: .whitespaces)
            if let i = Int64(t) { return .int(i) }
            if let d = Double(t), fitsInteger(d) { return .int(Int64(d)) }
            return .null
        default:
            if strict { throw .cannotConvert("toInteger", v, at: r) }
            return .null
        }
    }

    /// Whether the float, cut to an integer, fits in 64 bits (-2^63 ..< 2^63).
    static func fitsInteger(_ d: Double) -> Bool { d >= -0x1p63 && d < 0x1p63 }

    static func toFloat(_ v: Value, strict: Bool, at r: SourceRange) throws(QueryError) -> Value {
        switch v {
        case .null: return .null
        case .float: return v
        case .int(let i): return .float(Double(i))
        case .string(let s): return Double(s.trimmingCharacters(in: .whitespaces)).map(Value.float) ?? .null
        default:
            if strict { throw .cannotConvert("toFloat", v, at: r) }
            return .null
        }
    }

    static func toBoolean(_ v: Value, strict: Bool, at r: SourceRange) throws(QueryError) -> Value {
        switch v {
        case .null: return .null
        case .bool: return v
        case .string(let s):
            switch s.trimmingCharacters(in: .whitespaces).lowercased() {
            case "true": return .bool(true)
            case "false": return .bool(false)
            default: return .null
            }
        case .int(let i): return .bool(i != 0)
        default:
            if strict { throw .cannotConvert("toBoolean", v, at: r) }
            return .null
        }
    }

    static func toStringValue(_ v: Value, strict: Bool, at r: SourceRange) throws(QueryError) -> Value {
        switch v {
        case .null: return .null
        case .string, .int, .float, .bool, .date, .duration, .localTime, .localDateTime: return .string(toText(v))
        default:
            if strict { throw .cannotConvert("toString", v, at: r) }
            return .null
        }
    }

    /// The functions `math` computes.
    static let mathFunctions: Set<String> = ["abs", "ceil", "floor", "sign", "sqrt", "exp", "log", "log10", "sin", "cos", "tan",
                                             "asin", "acos", "atan", "degrees", "radians"]

    static func math(_ name: String, _ v: Value, at r: SourceRange) throws(QueryError) -> Value {
        guard let x = try number(v, name, at: r) else { return .null }
        switch name {
        case "abs":
            if case .int(let i) = v {
                guard i != Int64.min else { throw .overflow("abs(\(i))", at: r) }
                return .int(Swift.abs(i))
            }
            return .float(Swift.abs(x))
        case "ceil": return .float(x.rounded(.up))
        case "floor": return .float(x.rounded(.down))
        case "sign": return .int(x > 0 ? 1 : x < 0 ? -1 : 0)
        case "sqrt": return .float(x.squareRoot())
        case "exp": return .float(Foundation.exp(x))
        case "log": return .float(Foundation.log(x))
        case "log10": return .float(Foundation.log10(x))
        case "sin": return .float(Foundation.sin(x))
        case "cos": return .float(Foundation.cos(x))
        case "tan": return .float(Foundation.tan(x))
        case "asin": return .float(Foundation.asin(x))
        case "acos": return .float(Foundation.acos(x))
        case "atan": return .float(Foundation.atan(x))
        case "degrees": return .float(x * 180 / .pi)
        case "radians": return .float(x * .pi / 180)
        default: throw .internalError("\(name)() is not a numeric function", at: r)
        }
    }

    /// round(x) rounds half up (towards positive infinity), as Neo4j does; round(x, p) to p decimals.
    static func round(_ v: Value, _ precision: Value?, at r: SourceRange) throws(QueryError) -> Value {
        guard let x = try number(v, "round", at: r) else { return .null }
        var p: Int64 = 0
        if let precision {
            guard let q = try integer(precision, "round", at: r) else { return .null }
            p = q
        }
        // Past 10^±308 the scale is 0 or infinite: nothing is left to round, or everything rounds to 0.
        if p < -308 { return .float(0) }
        let scale = Foundation.pow(10, Double(p))
        let rounded = (x * scale + 0.5).rounded(.down) / scale
        return .float(rounded.isFinite ? rounded : x)
    }

    static func trim(_ s: String, leading: Bool, trailing: Bool) -> String {
        var chars = Substring(s)
        if leading { while let c = chars.first, c.isWhitespace { chars.removeFirst() } }
        if trailing { while let c = chars.last, c.isWhitespace { chars.removeLast() } }
        return String(chars)
    }

    static func substring(_ s: String, _ start: Int64, _ length: Int64?, at r: SourceRange) throws(QueryError) -> Value {
        guard start >= 0 else { throw .numberOutOfRange("substring() start must not be negative", at: r) }
        if let length, length < 0 { throw .numberOutOfRange("substring() length must not be negative", at: r) }
        let chars = Array(s)
        let from = min(Int(clamping: start), chars.count)
        let to = length.map { from + Int(min(Int64(chars.count - from), $0)) } ?? chars.count
        return .string(String(chars[from..<to]))
    }

    static func split(_ s: String, _ sep: String) -> Value {
        if sep.isEmpty { return .list(s.map { .string(String($0)) }) }
        return .list(s.components(separatedBy: sep).map(Value.string))
    }

    static func range(_ a: Int64, _ b: Int64, _ step: Int64, at r: SourceRange) throws(QueryError) -> Value {
        guard step != 0 else { throw .numberOutOfRange("range() step must not be 0", at: r) }
        var out: [Value] = []
        var i = a
        while step > 0 ? i <= b : i >= b {
            out.append(.int(i))
            if out.count > 10_000_000 { throw .numberOutOfRange("range() would hold more than 10,000,000 values", at: r) }
            let (n, o) = i.addingReportingOverflow(step)
            if o { break }
            i = n
        }
        return .list(out)
    }

    static func date(_ v: Value, at r: SourceRange) throws(QueryError) -> Value {
        switch v {
        case .null: return .null
        case .date: return v
        case .localDateTime(let t): return .date(t.date)
        case .string(let s):
            guard let d = DateValue(iso: s) ?? DateValue(isoWeekOrOrdinal: s) else { throw .invalidDate(s, at: r) }
            return .date(d)
        case .map(let m):
            return .date(try dateFromFields(m, base: nil, "date()", at: r))
        default:
            throw .typeMismatch("date() needs a string or a map", got: v, at: r)
        }
    }

    static let dateFields = ["year", "month", "day", "week", "dayOfWeek", "ordinalDay", "quarter", "dayOfQuarter"]

    /// A date from a map of fields (`{year: 1984, week: 10, dayOfWeek: 3}`), missing ones from
    /// `date` in the map or from `base`.
    static func dateFromFields(_ m: [String: Value], base: DateValue?, _ function: String, at r: SourceRange) throws(QueryError) -> DateValue {
        var base = base
        switch m["date"] {
        case nil: break
        case .date(let d)?: base = d
        case .localDateTime(let t)?: base = t.date
        case let x?: throw .typeMismatch("\(function)'s date field needs a date", got: x, at: r)
        }
        let fields = try integerFields(m, dateFields, besides: "date", function, at: r)
        guard let d = DateValue.from(fields: fields, base: base) else {
            throw .invalidArgument("\(function) needs fields that form a valid date (year with month and day, week and dayOfWeek, ordinalDay, or quarter and dayOfQuarter)", at: r)
        }
        return d
    }

    static let timeFields = ["hour", "minute", "second", "millisecond", "microsecond", "nanosecond"]

    /// The integer fields of a temporal constructor's map: only `allowed` names (and `besides`,
    /// the base value the caller reads), each an integer.
    static func integerFields(_ m: [String: Value], _ allowed: [String], besides: String, _ function: String,
                              at r: SourceRange) throws(QueryError) -> [String: Int64] {
        var fields: [String: Int64] = [:]
        for (k, x) in m where k != besides {
            guard allowed.contains(k) else {
                throw .invalidArgument("\(function) takes \(allowed.joined(separator: ", ")) and \(besides); \(k) is not supported", at: r)
            }
            guard case .int(let i) = x else { throw .typeMismatch("\(function) fields must be integers", got: x, at: r) }
            fields[k] = i
        }
        return fields
    }

    /// `localtime('21:40:32.142')`, `localtime({hour: 21, minute: 40})`, the time of a local
    /// date-time; now (in the machine's time zone) without an argument.
    static func localTime(_ a: [Value], now: LocalDateTimeValue, at r: SourceRange) throws(QueryError) -> Value {
        guard let v = a.first else { return .localTime(now.time) }
        switch v {
        case .null: return .null
        case .localTime: return v
        case .localDateTime(let t): return .localTime(t.time)
        case .string(let s):
            guard let t = LocalTimeValue(iso: s) else { throw .invalidArgument("'\(s)' is not a valid local time (expected hh:mm:ss.sss)", at: r) }
            return .localTime(t)
        case .map(let m):
            return .localTime(try timeFromFields(m, "localtime()", at: r))
        default:
            throw .typeMismatch("localtime() needs a string or a map", got: v, at: r)
        }
    }

    /// `localdatetime('2015-07-21T21:40:32.142')`, or from a map of date and time fields
    /// (`date` and `time` give the ones not named); now without an argument.
    static func localDateTime(_ a: [Value], now: LocalDateTimeValue, at r: SourceRange) throws(QueryError) -> Value {
        guard let v = a.first else { return .localDateTime(now) }
        switch v {
        case .null: return .null
        case .localDateTime: return v
        case .string(let s):
            guard let t = LocalDateTimeValue(iso: s) else {
                throw .invalidArgument("'\(s)' is not a valid local date-time (expected YYYY-MM-DDThh:mm:ss.sss)", at: r)
            }
            return .localDateTime(t)
        case .map(let m):
            var dateFields = m.filter { !timeFields.contains($0.key) && $0.key != "time" }
            if dateFields["date"] == nil, case .localDateTime(let t)? = m["time"] { dateFields["date"] = .date(t.date) }
            let date = try dateFromFields(dateFields, base: nil, "localdatetime()", at: r)
            var timeParts = m.filter { timeFields.contains($0.key) || $0.key == "time" }
            // A local date-time given as the date brings its time only when no time is named.
            if timeParts.isEmpty, case .localDateTime(let t)? = m["date"] { timeParts["time"] = .localTime(t.time) }
            return .localDateTime(LocalDateTimeValue(date: date, time: try timeFromFields(timeParts, "localdatetime()", at: r)))
        default:
            throw .typeMismatch("localdatetime() needs a string or a map", got: v, at: r)
        }
    }

    /// A time of day from fields, those not named taken from `time` in the map when it is there.
    static func timeFromFields(_ m: [String: Value], _ function: String, at r: SourceRange) throws(QueryError) -> LocalTimeValue {
        var fields: [String: Int64] = [:]
        if let base = m["time"] {
            let t: LocalTimeValue
            switch base {
            case .localTime(let x): t = x
            case .localDateTime(let x): t = x.time
            default: throw .typeMismatch("\(function)'s time field needs a time", got: base, at: r)
            }
            fields = ["hour": t.hour, "minute": t.minute, "second": t.second, "nanosecond": t.nanosecond]
            if m["millisecond"] != nil || m["microsecond"] != nil { fields["nanosecond"] = nil }
        }
        fields.merge(try integerFields(m, timeFields, besides: "time", function, at: r)) { _, given in given }
        guard let t = LocalTimeValue.from(fields: fields) else { throw .invalidArgument("\(function) needs fields that form a valid time of day", at: r) }
        return t
    }

    /// The local date and time now, in the machine's time zone.
    static func now() -> LocalDateTimeValue {
        let seconds = Date().timeIntervalSince1970 + Double(TimeZone.current.secondsFromGMT())
        return LocalDateTimeValue(epochNanoseconds: Int64((seconds * 1e9).rounded(.down)))
    }

    /// `date.truncate(unit, date[, fields])`.
    static func truncateDate(_ a: [Value], at r: SourceRange) throws(QueryError) -> Value {
        guard case .string(let unit) = a[0] else { throw .typeMismatch("date.truncate() needs a unit name", got: a[0], at: r) }
        switch a[1] {
        case .null: return .null
        case .date(let d):
            guard let truncated = d.truncated(to: unit) else {
                throw .invalidArgument("date.truncate() takes millennium, century, decade, year, weekYear, quarter, month, week or day, not \(unit)", at: r)
            }
            guard a.count > 2, case .map(let fields) = a[2], !fields.isEmpty else { return .date(truncated) }
            return .date(try dateFromFields(fields, base: truncated, "date.truncate()", at: r))
        default:
            throw .typeMismatch("date.truncate() needs a date", got: a[1], at: r)
        }
    }

    /// `duration('P1Y3M')`, `duration({months: 15})`.
    static func duration(_ v: Value, at r: SourceRange) throws(QueryError) -> Value {
        switch v {
        case .null: return .null
        case .duration: return v
        case .string(let s):
            guard let d = DurationValue(iso: s) else {
                throw .invalidArgument("'\(s)' is not a valid duration (expected ISO 8601, such as P1Y3M or PT2H30M)", at: r)
            }
            return .duration(d)
        case .map(let m):
            let units: Set<String> = ["years", "quarters", "months", "weeks", "days", "hours", "minutes", "seconds", "milliseconds", "microseconds", "nanoseconds"]
            var parts: [String: Double] = [:]
            for (k, x) in m {
                guard units.contains(k) else { throw .invalidArgument("duration() takes \(units.sorted().joined(separator: ", ")); not \(k)", at: r) }
                guard x.isNumber else { throw .typeMismatch("duration() fields must be numbers", got: x, at: r) }
                parts[k] = x.doubleValue
            }
            guard let d = DurationValue.fromComponents(parts) else { throw .overflow("duration(\(v.literalText))", at: r) }
            return .duration(d)
        default:
            throw .typeMismatch("duration() needs a string or a map", got: v, at: r)
        }
    }

    /// `duration.between` and its `inMonths`, `inDays`, `inSeconds` forms, between two dates.
    static func durationBetween(_ name: String, _ a: Value, _ b: Value, at r: SourceRange) throws(QueryError) -> Value {
        switch (a, b) {
        case (.null, _), (_, .null): return .null
        case (.localDateTime, .localDateTime), (.localDateTime, .date), (.date, .localDateTime):
            let midnight = LocalTimeValue(wrapping: 0)
            func moment(_ v: Value) -> LocalDateTimeValue? {
                switch v {
                case .localDateTime(let t): return t
                case .date(let d): return LocalDateTimeValue(date: d, time: midnight)
                default: return nil
                }
            }
            guard let x = moment(a), let y = moment(b), let between = DurationValue.between(x, y),
                  let xn = x.epochNanoseconds, let yn = y.epochNanoseconds else { throw .overflow("\(name)(\(a.literalText), \(b.literalText))", at: r) }
            let nanos = yn - xn
            switch name {
            case "duration.inmonths": return .duration(DurationValue(months: between.months, days: 0, seconds: 0))
            case "duration.indays": return .duration(DurationValue(months: 0, days: nanos / LocalTimeValue.nanosPerDay, seconds: 0))
            case "duration.inseconds": return .duration(DurationValue(months: 0, days: 0, seconds: nanos / 1_000_000_000, nanoseconds: nanos % 1_000_000_000))
            default: return .duration(between)
            }
        case let (.localTime(x), .localTime(y)):
            let between = DurationValue.between(x, y)
            switch name {
            case "duration.inmonths", "duration.indays": return .duration(DurationValue(months: 0, days: 0, seconds: 0))
            default: return .duration(between)
            }
        case let (.date(x), .date(y)):
            let between = DurationValue.between(x, y)
            switch name {
            case "duration.inmonths": return .duration(DurationValue(months: between.months, days: 0, seconds: 0))
            case "duration.indays": return .duration(DurationValue(months: 0, days: y.days - x.days, seconds: 0))
            case "duration.inseconds": return .duration(DurationValue(months: 0, days: 0, seconds: (y.days - x.days) * 86_400))
            default: return .duration(between)
            }
        default:
            let other: Value = if case .date = a { b } else { a }
            throw .typeMismatch("\(name)() needs two dates (times and datetimes are not supported yet)", got: other, at: r)
        }
    }

}
