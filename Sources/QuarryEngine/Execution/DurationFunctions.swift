import Foundation

/// `duration(...)` and the durations between two temporal values.
extension Functions {
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

    /// What `duration.between` and its forms measure (chosen once, when the call is compiled).
    enum Measure {
        case between, inMonths, inDays, inSeconds

        init(_ name: String) {
            switch name {
            case "duration.inmonths": self = .inMonths
            case "duration.indays": self = .inDays
            case "duration.inseconds": self = .inSeconds
            default: self = .between
            }
        }
    }

    /// `duration.between` and its `inMonths`, `inDays`, `inSeconds` forms. A value without a
    /// zone is taken to be in the other's; a value without a date compares times of day only
    /// (on the other's date, which matters on the day clocks change).
    static func durationBetween(_ name: String, _ measure: Measure, _ a: Value, _ b: Value, at r: SourceRange) throws(QueryError) -> Value {
        try duration(between: a, b, name, measure, at: r).map(Value.duration) ?? .null
    }

    /// `durationBetween` as the duration itself (nil for null), for a field read straight from it
    /// (`duration.inDays(a, b).days`).
    static func duration(between a: Value, _ b: Value, _ name: String, _ measure: Measure, at r: SourceRange) throws(QueryError) -> DurationValue? {
        if a.isNull || b.isNull { return nil }
        if let d = durationBetweenFullDates(a, b, measure) { return d }
        guard var x = Moment(a), var y = Moment(b) else {
            let other = Moment(a) == nil ? a : b
            throw .typeMismatch("\(name)() needs two temporal values (dates, times, date-times)", got: other, at: r)
        }
        let bothZoned = x.zone != nil && y.zone != nil
        x.zone = x.zone ?? y.zone
        y.zone = y.zone ?? x.zone
        guard let xDate = x.date, let yDate = y.date else {
            let day = x.date ?? y.date ?? DateValue(days: 0)
            if measure == .inMonths || measure == .inDays { return DurationValue(months: 0, days: 0, seconds: 0) }
            return x.moment(on: day).until(y.moment(on: day))
        }
        let from = x.moment(on: xDate)
        let to = y.moment(on: yDate)
        let fromLocal = from.local
        let toLocal = bothZoned ? to.inZone(from.zone).local : to.local
        let months = monthsBetween(fromLocal, toLocal)
        switch measure {
        case .inMonths:
            return DurationValue(months: months, days: 0, seconds: 0)
        case .inDays:
            let (seconds, _) = signAligned(toLocal.epochSecond - fromLocal.epochSecond, toLocal.time.nanosecond - fromLocal.time.nanosecond)
            return DurationValue(months: 0, days: seconds / 86_400, seconds: 0)
        case .inSeconds:
            return from.until(to)
        case .between:
            guard let afterMonths = fromLocal.adding(DurationValue(months: months, days: 0, seconds: 0)) else {
                throw .overflow("\(name)(\(a.literalText), \(b.literalText))", at: r)
            }
            let (seconds, _) = signAligned(toLocal.epochSecond - afterMonths.epochSecond, toLocal.time.nanosecond - afterMonths.time.nanosecond)
            let days = seconds / 86_400
            guard let afterDays = afterMonths.adding(DurationValue(months: 0, days: days, seconds: 0)) else {
                throw .overflow("\(name)(\(a.literalText), \(b.literalText))", at: r)
            }
            let rest = DateTimeValue(local: afterDays, zone: from.zone, preferring: from.offset).until(to)
            return DurationValue(months: months, days: days, seconds: rest.seconds, nanoseconds: rest.nanoseconds)
        }
    }

    /// Between two full dates: whole months and days, nothing of a clock. Nil for any other
    /// values.
    @inline(__always)
    static func durationBetweenFullDates(_ a: Value, _ b: Value, _ measure: Measure) -> DurationValue? {
        guard case .date(let from) = a, case .date(let to) = b, from.precision == .day, to.precision == .day else { return nil }
        switch measure {
        case .inMonths: return DurationValue(months: DurationValue.between(from, to).months, days: 0, seconds: 0)
        case .inDays: return DurationValue(months: 0, days: to.days - from.days, seconds: 0)
        case .inSeconds: return DurationValue(months: 0, days: 0, seconds: (to.days - from.days) * 86_400)
        case .between: return DurationValue.between(from, to)
        }
    }

    /// Whole months from one local date-time to another, a month counted when its day and time
    /// are reached.
    static func monthsBetween(_ a: LocalDateTimeValue, _ b: LocalDateTimeValue) -> Int64 {
        let forward = !(b < a)
        var months = DurationValue.between(a.date, b.date).months
        if let end = a.adding(DurationValue(months: months, days: 0, seconds: 0)), forward ? b < end : end < b {
            months += forward ? -1 : 1
        }
        return months
    }

    /// Seconds and nanoseconds of a difference given the same sign.
    static func signAligned(_ seconds: Int64, _ nanoseconds: Int64) -> (Int64, Int64) {
        var (s, n) = DurationValue.normalized(seconds, nanoseconds)
        if s < 0 && n > 0 { s += 1; n -= 1_000_000_000 }
        return (s, n)
    }
}

/// A temporal value as the duration functions see it: a date if it has one, a time of day
/// (midnight for a date) and a zone if it has one.
private struct Moment {
    var date: DateValue?
    var time: LocalTimeValue
    var zone: TemporalZone?
    var offset: Int32?

    init?(_ v: Value) {
        switch v {
        case .date(let d): (date, time) = (d, LocalTimeValue(wrapping: 0))
        case .localTime(let t): time = t
        case .time(let t): (time, zone, offset) = (t.time, .offset(t.offset), t.offset)
        case .localDateTime(let t): (date, time) = (t.date, t.time)
        case .dateTime(let t): (date, time, zone, offset) = (t.local.date, t.local.time, t.zone, t.offset)
        default: return nil
        }
    }

    /// The moment this value names on a day, in its zone (UTC without one).
    func moment(on day: DateValue) -> DateTimeValue {
        DateTimeValue(local: LocalDateTimeValue(date: day, time: time), zone: zone ?? .offset(0), preferring: offset)
    }
}

extension DateTimeValue {
    /// The seconds and nanoseconds from this moment to another.
    func until(_ other: DateTimeValue) -> DurationValue {
        DurationValue(months: 0, days: 0, seconds: other.epochSecond - epochSecond, nanoseconds: other.nanosecond - nanosecond)
    }
}
