/// `date.truncate`, `localtime.truncate`, `time.truncate`, `localdatetime.truncate` and
/// `datetime.truncate`: the start of the unit a value is in, then the fields of a map set.
extension Functions {
    static let dateUnits = ["millennium", "century", "decade", "year", "weekyear", "quarter", "month", "week", "day"]
    static let timeUnits = ["day", "hour", "minute", "second", "millisecond", "microsecond"]

    /// `type.truncate(unit, value[, fields])`. A `timezone` among the fields puts the truncated
    /// local date and time in that zone (they are not moved to it).
    static func truncate(_ type: String, _ a: [Value], at r: SourceRange) throws(QueryError) -> Value {
        let function = "\(type).truncate()"
        guard case .string(let unitName) = a[0] else { throw .typeMismatch("\(function) needs a unit name", got: a[0], at: r) }
        let value = a[1]
        if value.isNull { return .null }
        var fields: [String: Value] = [:]
        if a.count > 2 {
            switch a[2] {
            case .map(let m): fields = m
            case .null: break
            default: throw .typeMismatch("\(function)'s third argument must be a map of fields", got: a[2], at: r)
            }
        }
        let unit = unitName.lowercased()
        let hasDate = ["date", "localdatetime", "datetime"].contains(type)
        let units = hasDate ? dateUnits + timeUnits.dropFirst() : timeUnits
        guard units.contains(unit), type != "date" || dateUnits.contains(unit) else {
            throw .invalidArgument("\(function) takes \(type == "date" ? dateUnits.joined(separator: ", ") : units.joined(separator: ", ")), not \(unitName)", at: r)
        }
        var date = datePart(value)
        if hasDate && date == nil || !hasDate && timePart(value) == nil && date == nil {
            throw .typeMismatch("\(function) needs a value with \(hasDate ? "a date" : "a time")", got: value, at: r)
        }
        var time = timePart(value) ?? LocalTimeValue(wrapping: 0)
        if dateUnits.contains(unit) {
            date = date?.truncated(to: unit)
            time = LocalTimeValue(wrapping: 0)
        } else {
            time = time.truncated(to: unit)
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
            let offset = zone.map { z in z.offset(atEpochSecond: epochSecond(of: value) ?? Functions.now().epochSecond) } ?? zonePart(value)?.offset ?? 0
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

extension LocalTimeValue {
    /// The start of the unit (day, hour, minute, second, millisecond, microsecond) the time is in.
    func truncated(to unit: String) -> LocalTimeValue {
        let size: Int64
        switch unit {
        case "hour": size = 3_600_000_000_000
        case "minute": size = 60_000_000_000
        case "second": size = 1_000_000_000
        case "millisecond": size = 1_000_000
        case "microsecond": size = 1_000
        default: size = LocalTimeValue.nanosPerDay
        }
        return LocalTimeValue(wrapping: nanosecondOfDay / size * size)
    }
}
