import Foundation

/// `date`, `localtime`, `time`, `localdatetime` and `datetime`: from text, from a map of fields
/// (naming other temporal values to select from: `{date: d, time: t, timezone: 'Asia/Kabul'}`),
/// from another temporal value, or now.
extension Functions {
    static let dateFields = ["year", "month", "day", "week", "dayOfWeek", "ordinalDay", "quarter", "dayOfQuarter"]
    static let timeFields = ["hour", "minute", "second", "millisecond", "microsecond", "nanosecond"]

    // MARK: What a temporal value holds

    static func datePart(_ v: Value) -> DateValue? {
        switch v {
        case .date(let d): return d
        case .localDateTime(let t): return t.date
        case .dateTime(let t): return t.local.date
        default: return nil
        }
    }

    static func timePart(_ v: Value) -> LocalTimeValue? {
        switch v {
        case .localTime(let t): return t
        case .time(let t): return t.time
        case .localDateTime(let t): return t.time
        case .dateTime(let t): return t.local.time
        default: return nil
        }
    }

    /// The zone of a time or date-time, with the offset it has.
    static func zonePart(_ v: Value) -> (zone: TemporalZone, offset: Int32)? {
        switch v {
        case .time(let t): return (.offset(t.offset), t.offset)
        case .dateTime(let t): return (t.zone, t.offset)
        default: return nil
        }
    }

    // MARK: Now

    /// The machine's time zone (UTC when it has no daylight saving and no offset).
    static let machineZone: TemporalZone = {
        let tz = TimeZone.current
        if tz.secondsFromGMT() == 0 && tz.nextDaylightSavingTimeTransition == nil { return .offset(0) }
        return TemporalZone(text: tz.identifier) ?? .offset(Int32(tz.secondsFromGMT()))
    }()

    /// 1970-01-01T00:00Z: the "now" of constructors that are given text (which never read it).
    static let epoch = DateTimeValue(epochSecond: 0, nanosecond: 0, zone: .offset(0))

    /// This moment in the machine's time zone.
    static func now() -> DateTimeValue {
        var ts = timespec()
        clock_gettime(CLOCK_REALTIME, &ts)
        return DateTimeValue(epochSecond: Int64(ts.tv_sec), nanosecond: Int64(ts.tv_nsec), zone: machineZone)
    }

    /// `X.transaction([zone])`, `X.statement([zone])`, `X.realtime([zone])` for each temporal
    /// type X: the statement's moment (or the moment now), in a zone when one is given.
    static func clockFunction(_ type: String, _ a: [Value], statement: DateTimeValue, at r: SourceRange) throws(QueryError) -> Value {
        var moment = statement
        if let zoneValue = a.first {
            if zoneValue.isNull { return .null }
            guard let zone = try zoneArgument(zoneValue, type, at: r) else { return .null }
            moment = moment.inZone(zone)
        }
        return value(of: type, at: moment)
    }

    /// A moment as a value of one of the temporal types.
    static func value(of type: String, at moment: DateTimeValue) -> Value {
        switch type {
        case "date": return .date(moment.local.date)
        case "localtime": return .localTime(moment.local.time)
        case "time": return .time(TimeValue(time: moment.local.time, offset: moment.offset))
        case "localdatetime": return .localDateTime(moment.local)
        default: return .dateTime(moment)
        }
    }

    /// A `timezone` field: an offset or a region of the tz database.
    static func zoneArgument(_ v: Value?, _ function: String, at r: SourceRange) throws(QueryError) -> TemporalZone? {
        switch v {
        case nil, .null?: return nil
        case .string(let s)?:
            guard let zone = TemporalZone(text: s) else {
                throw .invalidArgument("\(function): '\(s)' is not a time zone (an offset such as '+04:30' or a tz database name such as 'Asia/Kabul')", at: r)
            }
            return zone
        case let x?: throw .typeMismatch("\(function)'s timezone must be a string", got: x, at: r)
        }
    }

    /// The map holds only a time zone: the constructor gives now, there.
    static func nowOnly(_ m: [String: Value], _ type: String, now: DateTimeValue, at r: SourceRange) throws(QueryError) -> Value? {
        guard m.count == 1, let zone = try zoneArgument(m["timezone"], type + "()", at: r) else { return nil }
        return value(of: type, at: now.inZone(zone))
    }

    // MARK: Constructors

    static func date(_ a: [Value], now: DateTimeValue, at r: SourceRange) throws(QueryError) -> Value {
        guard let v = a.first else { return .date(now.local.date) }
        switch v {
        case .null: return .null
        case .string(let s):
            guard let d = DateValue(anyISO: s) else { throw .invalidDate(s, at: r) }
            return .date(d)
        case .map(let m):
            if let nowThere = try nowOnly(m, "date", now: now, at: r) { return nowThere }
            return .date(try dateFromFields(m, base: nil, "date()", at: r))
        default:
            guard let d = datePart(v) else { throw .typeMismatch("date() needs a string, a map or a value with a date", got: v, at: r) }
            return .date(d)
        }
    }

    /// `date.partial('2021-08')`, `date.partial('2021')`: a date known only to its month or year
    /// (a full date stays full); `date.partial(d, 'month')` keeps only the month of a date.
    static func partialDate(_ a: [Value], at r: SourceRange) throws(QueryError) -> Value {
        guard !a.contains(where: \.isNull) else { return .null }
        var precision: DatePrecision?
        if a.count > 1 {
            guard case .string(let unit) = a[1], let p = [DatePrecision.day, .month, .year].first(where: { $0.name == unit.lowercased() }) else {
                throw .invalidArgument("date.partial()'s second argument is 'day', 'month' or 'year'", at: r)
            }
            precision = p
        }
        switch a[0] {
        case .string(let s):
            guard let d = DateValue(partialISO: s) else { throw .invalidDate(s, at: r) }
            return .date(precision.map { d.precision.rawValue > $0.rawValue ? d : d.known(to: $0) } ?? d)
        case let v:
            guard let d = datePart(v) else { throw .typeMismatch("date.partial() needs text or a value with a date", got: v, at: r) }
            return .date(precision.map { d.precision.rawValue > $0.rawValue ? d : d.known(to: $0) } ?? d)
        }
    }

    /// `localtime('21:40:32.142')`, `localtime({hour: 21, minute: 40})`, the time of another value.
    static func localTime(_ a: [Value], now: DateTimeValue, at r: SourceRange) throws(QueryError) -> Value {
        guard let v = a.first else { return .localTime(now.local.time) }
        switch v {
        case .null: return .null
        case .string(let s):
            guard let t = LocalTimeValue(iso: s) else { throw .invalidArgument("'\(s)' is not a valid local time (expected hh:mm:ss.sss)", at: r) }
            return .localTime(t)
        case .map(let m):
            if let nowThere = try nowOnly(m, "localtime", now: now, at: r) { return nowThere }
            return .localTime(try timeFromFields(m, "localtime()", at: r))
        default:
            guard let t = timePart(v) else { throw .typeMismatch("localtime() needs a string, a map or a value with a time", got: v, at: r) }
            return .localTime(t)
        }
    }

    /// `time('21:40:32.142+01:00')`, `time({hour: 21, timezone: '+04:30'})`; a time with a zone
    /// selected into another zone is moved to it.
    static func time(_ a: [Value], now: DateTimeValue, at r: SourceRange) throws(QueryError) -> Value {
        guard let v = a.first else { return value(of: "time", at: now) }
        switch v {
        case .null: return .null
        case .time: return v
        case .dateTime(let t): return .time(TimeValue(time: t.local.time, offset: t.offset))
        case .string(let s):
            guard let t = TimeValue(iso: s) else { throw .invalidArgument("'\(s)' is not a valid time (expected hh:mm:ss.sss with an offset such as +01:00 or Z)", at: r) }
            return .time(t)
        case .map(let m):
            if let nowThere = try nowOnly(m, "time", now: now, at: r) { return nowThere }
            let zone = try zoneArgument(m["timezone"], "time()", at: r)
            var fields = m
            fields["timezone"] = nil
            var offset = zone?.offset(atEpochSecond: now.epochSecond) ?? 0
            if let base = m["time"], let baseTime = timePart(base), let (_, baseOffset) = zonePart(base) {
                if let zone {
                    if case .dateTime(let t) = base { offset = zone.offset(atEpochSecond: t.epochSecond) }
                    fields["time"] = .localTime(TimeValue(time: baseTime, offset: baseOffset).with(offset: offset).time)
                } else {
                    offset = baseOffset
                }
            }
            return .time(TimeValue(time: try timeFromFields(fields, "time()", at: r), offset: offset))
        default:
            guard let t = timePart(v) else { throw .typeMismatch("time() needs a string, a map or a value with a time", got: v, at: r) }
            return .time(TimeValue(time: t, offset: 0))
        }
    }

    /// `localdatetime('2015-07-21T21:40:32.142')`, or from a map of date and time fields
    /// (`date`, `time` and `datetime` give the ones not named).
    static func localDateTime(_ a: [Value], now: DateTimeValue, at r: SourceRange) throws(QueryError) -> Value {
        guard let v = a.first else { return .localDateTime(now.local) }
        switch v {
        case .null: return .null
        case .localDateTime: return v
        case .dateTime(let t): return .localDateTime(t.local)
        case .string(let s):
            guard let t = LocalDateTimeValue(iso: s) else {
                throw .invalidArgument("'\(s)' is not a valid local date-time (expected YYYY-MM-DDThh:mm:ss.sss)", at: r)
            }
            return .localDateTime(t)
        case .map(let m):
            if let nowThere = try nowOnly(m, "localdatetime", now: now, at: r) { return nowThere }
            var (dateMap, timeMap) = try splitDateAndTime(m, "localdatetime()", at: r)
            if let base = m["datetime"] {
                guard let d = datePart(base) else { throw .typeMismatch("localdatetime()'s datetime field needs a date-time", got: base, at: r) }
                dateMap["date"] = .date(d)
                if timeMap["time"] == nil { timeMap["time"] = .localTime(timePart(base) ?? LocalTimeValue(wrapping: 0)) }
            }
            return .localDateTime(LocalDateTimeValue(date: try dateFromFields(dateMap, base: nil, "localdatetime()", at: r),
                                                     time: try timeFromFields(timeMap, "localdatetime()", at: r)))
        default:
            throw .typeMismatch("localdatetime() needs a string, a map or a value with a date and a time", got: v, at: r)
        }
    }

    /// `datetime('2015-07-21T21:40:32.142+01:00[Europe/Stockholm]')`, or from a map of fields and
    /// values to select from; a value with a zone selected into another zone is moved to it.
    static func dateTime(_ a: [Value], now: DateTimeValue, at r: SourceRange) throws(QueryError) -> Value {
        guard let v = a.first else { return .dateTime(now) }
        switch v {
        case .null: return .null
        case .dateTime: return v
        case .localDateTime(let t): return .dateTime(DateTimeValue(local: t, zone: .offset(0)))
        case .date(let d): return .dateTime(DateTimeValue(local: LocalDateTimeValue(date: d, time: LocalTimeValue(wrapping: 0)), zone: .offset(0)))
        case .string(let s):
            guard let t = DateTimeValue(iso: s) else {
                throw .invalidArgument("'\(s)' is not a valid date-time (expected YYYY-MM-DDThh:mm:ss.sss with an offset such as +01:00 or a zone such as [Asia/Kabul])", at: r)
            }
            return .dateTime(t)
        case .map(let m):
            if let nowThere = try nowOnly(m, "datetime", now: now, at: r) { return nowThere }
            return .dateTime(try dateTimeFromFields(m, at: r))
        default:
            throw .typeMismatch("datetime() needs a string, a map or a value with a date", got: v, at: r)
        }
    }

    static func dateTimeFromFields(_ m: [String: Value], at r: SourceRange) throws(QueryError) -> DateTimeValue {
        let zone = try zoneArgument(m["timezone"], "datetime()", at: r)
        if m["epochSeconds"] != nil || m["epochMillis"] != nil { return try fromEpochFields(m, zone: zone, at: r) }
        var (dateMap, timeMap) = try splitDateAndTime(m, "datetime()", at: r)
        var resultZone = zone ?? .offset(0)
        var preferred: Int32?
        if let base = m["datetime"] {
            var local: LocalDateTimeValue
            switch base {
            case .dateTime(let t):
                let moved = zone.map { t.inZone($0) } ?? t
                (local, resultZone, preferred) = (moved.local, moved.zone, moved.offset)
            case .localDateTime(let t): local = t
            case .date(let d): local = LocalDateTimeValue(date: d, time: LocalTimeValue(wrapping: 0))
            default: throw .typeMismatch("datetime()'s datetime field needs a value with a date", got: base, at: r)
            }
            dateMap["date"] = .date(local.date)
            if timeMap["time"] == nil { timeMap["time"] = .localTime(local.time) }
        } else if let base = timeMap["time"], let baseTime = timePart(base), let (baseZone, baseOffset) = zonePart(base) {
            if let zone {
                // The time is moved to the new zone on the date the value will have.
                let day = try dateFromFields(dateMap, base: nil, "datetime()", at: r)
                let there = DateTimeValue(local: LocalDateTimeValue(date: day, time: baseTime), zone: baseZone, preferring: baseOffset).inZone(zone)
                timeMap["time"] = .localTime(there.local.time)
            } else {
                resultZone = baseZone
            }
        }
        let local = LocalDateTimeValue(date: try dateFromFields(dateMap, base: nil, "datetime()", at: r),
                                       time: try timeFromFields(timeMap, "datetime()", at: r))
        return DateTimeValue(local: local, zone: resultZone, preferring: preferred)
    }

    /// `{epochSeconds: s}` or `{epochMillis: ms}`, with `nanosecond` added.
    static func fromEpochFields(_ m: [String: Value], zone: TemporalZone?, at r: SourceRange) throws(QueryError) -> DateTimeValue {
        let fields = try integerFields(m, ["epochSeconds", "epochMillis", "nanosecond"], besides: ["timezone"], "datetime()", at: r)
        var second = fields["epochSeconds"] ?? 0, nanosecond = fields["nanosecond"] ?? 0
        if let millis = fields["epochMillis"] {
            let wholeSeconds = millis >= 0 ? millis / 1000 : (millis - 999) / 1000
            let (sum, overflow) = second.addingReportingOverflow(wholeSeconds)
            guard !overflow else { throw .dateOutOfRange("\(second) seconds and \(millis) milliseconds from 1970", at: r) }
            second = sum
            nanosecond += (millis - wholeSeconds * 1000) * 1_000_000
        }
        guard abs(nanosecond) < 1 << 60 else { throw .dateOutOfRange("\(nanosecond) nanoseconds", at: r) }
        return try epochMoment(second, nanosecond, zone: zone ?? .offset(0), at: r)
    }

    /// `datetime.fromepoch(seconds, nanoseconds)` and `datetime.fromepochmillis(milliseconds)`, in UTC.
    static func fromEpoch(_ name: String, _ a: [Value], at r: SourceRange) throws(QueryError) -> Value {
        guard !a.contains(where: \.isNull) else { return .null }
        guard case .int(let first) = a[0] else { throw .typeMismatch("\(name)() needs integers", got: a[0], at: r) }
        if name == "datetime.fromepochmillis" {
            return .dateTime(try fromEpochFields(["epochMillis": .int(first)], zone: nil, at: r))
        }
        guard a.count > 1, case .int(let nanos) = a[1] else { throw .typeMismatch("\(name)() needs integers", got: a.count > 1 ? a[1] : .null, at: r) }
        guard abs(nanos) < 1 << 60 else { throw .dateOutOfRange("\(nanos) nanoseconds", at: r) }
        return .dateTime(try epochMoment(first, nanos, zone: .offset(0), at: r))
    }

    static func epochMoment(_ second: Int64, _ nanosecond: Int64, zone: TemporalZone, at r: SourceRange) throws(QueryError) -> DateTimeValue {
        // About ±999,999,999 years either way.
        guard abs(second) < 31_556_889_832_700_000 else { throw .dateOutOfRange("\(second) seconds from 1970", at: r) }
        return DateTimeValue(epochSecond: second, nanosecond: nanosecond, zone: zone)
    }

    /// A constructor's map split into its date part and its time part (the `timezone` and
    /// `datetime` fields are the caller's). A value named as the date brings its time when no
    /// time is named; a value with a date named as the time brings its date when none is named.
    static func splitDateAndTime(_ m: [String: Value], _ function: String, at r: SourceRange) throws(QueryError) -> (date: [String: Value], time: [String: Value]) {
        var dateMap: [String: Value] = [:], timeMap: [String: Value] = [:]
        for (k, x) in m where k != "timezone" && k != "datetime" {
            if timeFields.contains(k) || k == "time" { timeMap[k] = x } else { dateMap[k] = x }
        }
        if timeMap.isEmpty, m["datetime"] == nil, let base = m["date"], let t = timePart(base) { timeMap["time"] = .localTime(t) }
        if dateMap["date"] == nil, let base = m["time"], let d = datePart(base) { dateMap["date"] = .date(d) }
        return (dateMap, timeMap)
    }

    /// A date from a map of fields (`{year: 1984, week: 10, dayOfWeek: 3}`), missing ones from
    /// the value named `date` in the map or from `base`.
    static func dateFromFields(_ m: [String: Value], base: DateValue?, _ function: String, at r: SourceRange) throws(QueryError) -> DateValue {
        var base = base
        if let given = m["date"] {
            guard let d = datePart(given) else { throw .typeMismatch("\(function)'s date field needs a value with a date", got: given, at: r) }
            base = d
        }
        let fields = try integerFields(m, dateFields, besides: ["date"], function, at: r)
        guard let d = DateValue.from(fields: fields, base: base) else {
            throw .invalidArgument("\(function) needs fields that form a valid date (year with month and day, week and dayOfWeek, ordinalDay, or quarter and dayOfQuarter)", at: r)
        }
        return d
    }

    /// A time of day from fields, those not named taken from the value named `time` in the map.
    static func timeFromFields(_ m: [String: Value], _ function: String, at r: SourceRange) throws(QueryError) -> LocalTimeValue {
        var fields: [String: Int64] = [:]
        if let base = m["time"] {
            guard let t = timePart(base) else { throw .typeMismatch("\(function)'s time field needs a value with a time", got: base, at: r) }
            // The sub-second digits apart, so that a field named replaces only its own when it
            // is small enough to be them (`{nanosecond: 2}` on .645 gives .645000002, as Neo4j).
            fields = ["hour": t.hour, "minute": t.minute, "second": t.second, "millisecond": t.nanosecond / 1_000_000,
                      "microsecond": t.nanosecond / 1_000 % 1_000, "nanosecond": t.nanosecond % 1_000]
        }
        let given = try integerFields(m, timeFields, besides: ["time"], function, at: r)
        if let ns = given["nanosecond"], ns >= 1_000 { fields["microsecond"] = nil; fields["millisecond"] = nil }
        if let us = given["microsecond"], us >= 1_000 { fields["millisecond"] = nil }
        fields.merge(given) { _, given in given }
        guard let t = LocalTimeValue.from(fields: fields) else { throw .invalidArgument("\(function) needs fields that form a valid time of day", at: r) }
        return t
    }

    /// The integer fields of a constructor's map: only `allowed` names (and `besides`, which the
    /// caller reads), each an integer.
    static func integerFields(_ m: [String: Value], _ allowed: [String], besides: Set<String>, _ function: String,
                              at r: SourceRange) throws(QueryError) -> [String: Int64] {
        var fields: [String: Int64] = [:]
        for (k, x) in m where !besides.contains(k) {
            guard allowed.contains(k) else {
                throw .invalidArgument("\(function) takes \(allowed.joined(separator: ", ")) and \(besides.sorted().joined(separator: ", ")); \(k) is not supported", at: r)
            }
            guard case .int(let i) = x else { throw .typeMismatch("\(function) fields must be integers", got: x, at: r) }
            fields[k] = i
        }
        return fields
    }
}
