/// `date.truncate`, `localtime.truncate`, `time.truncate`, `localdatetime.truncate` and
/// `datetime.truncate`: the start of the unit a value is in, then the fields of a map set.
extension Functions {
    /// `type.truncate(unit, value[, fields])`. A `timezone` among the fields puts the truncated
    /// local date and time in that zone (they are not moved to it).
    static func truncate(_ type: String, _ a: [Value], now: DateTimeValue, at r: SourceRange) throws(QueryError) -> Value {
        let function = "\(type).truncate()"
        guard case .string(let unitName) = a[0] else { throw .typeMismatch("\(function) needs a unit name", got: a[0], at: r) }
        let value = a[1]
        if value.isNull { return .null }
        let hasDate = type == "date" || type == "localdatetime" || type == "datetime"
        guard let unit = TemporalUnit(name: unitName), hasDate || !unit.isDateUnit, type != "date" || unit.isDateUnit || unit == .day else {
            let allowed = TemporalUnit.allCases.filter { type == "date" ? $0.isDateUnit || $0 == .day : hasDate || !$0.isDateUnit }
            throw .invalidArgument("\(function) takes \(allowed.map(\.name).joined(separator: ", ")), not \(unitName)", at: r)
        }
        var fields: [String: Value] = [:]
        if a.count > 2 {
            switch a[2] {
            case .map(let m): fields = m
            case .null: break
            default: throw .typeMismatch("\(function)'s third argument must be a map of fields", got: a[2], at: r)
            }
        }
        var date = datePart(value)
        if hasDate && date == nil || !hasDate && timePart(value) == nil && date == nil {
            throw .typeMismatch("\(function) needs a value with \(hasDate ? "a date" : "a time")", got: value, at: r)
        }
        var time = timePart(value) ?? LocalTimeValue(wrapping: 0)
        if unit.isDateUnit || unit == .day {
            date = date?.truncated(to: unit)
            time = LocalTimeValue(wrapping: 0)
            if let year = date?.components.year, abs(year) > 999_999_999 {
                throw .dateOutOfRange("\(function) of \(value.literalText) to the \(unit.name)", at: r)
            }
        } else {
            time = time.truncated(to: unit)
        }
        // Most calls name no fields: the truncated value as it is.
        if fields.isEmpty {
            switch type {
            case "date": if let date { return .date(date) }
            case "localtime": return .localTime(time)
            case "localdatetime": if let date { return .localDateTime(LocalDateTimeValue(date: date, time: time)) }
            default: break
            }
        }
        let zone = try zoneArgument(fields["timezone"], function, at: r)
        fields["timezone"] = nil
        var (dateMap, timeMap) = try splitDateAndTime(fields, function, at: r)
        timeMap["time"] = .localTime(time)
        let newTime = try timeFromFields(timeMap, function, at: r)
        switch type {
        case "date":
            return .date(try dateFromFields(fields, base: date, function, at: r))
        case "localtime":
            return .localTime(newTime)
        case "time":
            let offset = zone.map { z in z.offset(atEpochSecond: epochSecond(of: value) ?? now.epochSecond) } ?? zonePart(value)?.offset ?? 0
            return .time(TimeValue(time: newTime, offset: offset))
        default:
            dateMap["date"] = date.map(Value.date)
            let local = LocalDateTimeValue(date: try dateFromFields(dateMap, base: nil, function, at: r), time: newTime)
            if type == "localdatetime" { return .localDateTime(local) }
            let own = zonePart(value)
            return .dateTime(DateTimeValue(local: local, zone: zone ?? own?.zone ?? .offset(0), preferring: zone == nil ? own?.offset : nil))
        }
    }

    static func epochSecond(of v: Value) -> Int64? {
        if case .dateTime(let t) = v { return t.epochSecond }
        return nil
    }
}

/// The units temporal values truncate to.
enum TemporalUnit: CaseIterable {
    case millennium, century, decade, year, weekYear, quarter, month, week, day, hour, minute, second, millisecond, microsecond

    var name: String {
        switch self {
        case .millennium: return "millennium"
        case .century: return "century"
        case .decade: return "decade"
        case .year: return "year"
        case .weekYear: return "weekYear"
        case .quarter: return "quarter"
        case .month: return "month"
        case .week: return "week"
        case .day: return "day"
        case .hour: return "hour"
        case .minute: return "minute"
        case .second: return "second"
        case .millisecond: return "millisecond"
        case .microsecond: return "microsecond"
        }
    }

    private static let byName: [String: TemporalUnit] = Dictionary(uniqueKeysWithValues: allCases.map { ($0.name.lowercased(), $0) })

    init?(name: String) {
        guard let unit = TemporalUnit.byName[name] ?? TemporalUnit.byName[name.lowercased()] else { return nil }
        self = unit
    }

    /// Longer than a day.
    var isDateUnit: Bool {
        switch self {
        case .millennium, .century, .decade, .year, .weekYear, .quarter, .month, .week: return true
        default: return false
        }
    }
}

extension LocalTimeValue {
    /// The start of the unit (a day or shorter) the time is in.
    func truncated(to unit: TemporalUnit) -> LocalTimeValue {
        let size: Int64
        switch unit {
        case .hour: size = 3_600_000_000_000
        case .minute: size = 60_000_000_000
        case .second: size = 1_000_000_000
        case .millisecond: size = 1_000_000
        case .microsecond: size = 1_000
        default: size = LocalTimeValue.nanosPerDay
        }
        return LocalTimeValue(wrapping: nanosecondOfDay / size * size)
    }
}
