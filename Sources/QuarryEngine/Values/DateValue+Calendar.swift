/// The other ways openCypher names a day: ISO weeks (`2015-W30-2`), ordinal days (`2015-202`),
/// quarters, and truncation to a unit.
extension DateValue {
    /// Monday 1 ... Sunday 7 (1970-01-01 was a Thursday).
    public var weekDay: Int64 { ((days % 7) + 7 + 3) % 7 + 1 }

    public var ordinalDay: Int64 {
        days - DateValue.daysFromCivil(components.year, 1, 1) + 1
    }

    public var quarter: Int64 { (components.month - 1) / 3 + 1 }

    public var dayOfQuarter: Int64 {
        let c = components
        return days - DateValue.daysFromCivil(c.year, (quarter - 1) * 3 + 1, 1) + 1
    }

    /// The ISO week-numbering year and week: the week (Monday to Sunday) belongs to the year its
    /// Thursday is in.
    public var isoWeek: (weekYear: Int64, week: Int64) {
        let thursday = DateValue(days: days - (weekDay - 1) + 3)
        return (thursday.components.year, (thursday.ordinalDay - 1) / 7 + 1)
    }

    /// The Monday of week 1 of a week-numbering year (the week holding the 4th of January).
    static func firstMonday(ofWeekYear year: Int64) -> Int64 {
        let january4 = DateValue(days: daysFromCivil(year, 1, 4))
        return january4.days - (january4.weekDay - 1)
    }

    static func weeks(inWeekYear year: Int64) -> Int64 {
        (firstMonday(ofWeekYear: year + 1) - firstMonday(ofWeekYear: year)) / 7
    }

    /// A date from named fields, each missing one taken from `base` (or the first of its unit):
    /// year/month/day, year/week/dayOfWeek (the week-numbering year), year/ordinalDay or
    /// year/quarter/dayOfQuarter. Nil when the fields do not form a date.
    static func from(fields f: [String: Int64], base: DateValue?) -> DateValue? {
        let range: ClosedRange<Int64> = -999_999_999...999_999_999
        if f["week"] != nil || f["dayOfWeek"] != nil {
            guard f["month"] == nil, f["day"] == nil, f["ordinalDay"] == nil, f["quarter"] == nil, f["dayOfQuarter"] == nil,
                  let year = f["year"] ?? base?.isoWeek.weekYear, range.contains(year) else { return nil }
            let week = f["week"] ?? base?.isoWeek.week ?? 1, day = f["dayOfWeek"] ?? base?.weekDay ?? 1
            guard (1...weeks(inWeekYear: year)).contains(week), (1...7).contains(day) else { return nil }
            return DateValue(days: firstMonday(ofWeekYear: year) + (week - 1) * 7 + day - 1)
        }
        if let ordinal = f["ordinalDay"] {
            guard f["month"] == nil, f["day"] == nil, f["quarter"] == nil, f["dayOfQuarter"] == nil,
                  let year = f["year"] ?? base?.components.year, range.contains(year) else { return nil }
            let length: Int64 = DateValue.daysIn(month: 2, year: year) == 29 ? 366 : 365
            guard (1...length).contains(ordinal) else { return nil }
            return DateValue(days: daysFromCivil(year, 1, 1) + ordinal - 1)
        }
        if f["quarter"] != nil || f["dayOfQuarter"] != nil {
            guard f["month"] == nil, f["day"] == nil, let year = f["year"] ?? base?.components.year, range.contains(year) else { return nil }
            let quarter = f["quarter"] ?? base?.quarter ?? 1, day = f["dayOfQuarter"] ?? base?.dayOfQuarter ?? 1
            guard (1...4).contains(quarter) else { return nil }
            let start = daysFromCivil(year, (quarter - 1) * 3 + 1, 1), end = quarter == 4 ? daysFromCivil(year + 1, 1, 1) : daysFromCivil(year, quarter * 3 + 1, 1)
            guard day >= 1, day <= end - start else { return nil }
            return DateValue(days: start + day - 1)
        }
        guard let year = f["year"] ?? base?.components.year else { return nil }
        return DateValue(year: year, month: f["month"] ?? base?.components.month ?? 1, day: f["day"] ?? base?.components.day ?? 1)
    }

    /// The first day of the unit the date is in (itself for a unit of a day or smaller).
    func truncated(to unit: TemporalUnit) -> DateValue {
        let c = components
        func floor(_ y: Int64, _ n: Int64) -> Int64 { y >= 0 ? y / n * n : -((-y + n - 1) / n) * n }
        switch unit {
        case .millennium: return DateValue(days: DateValue.daysFromCivil(floor(c.year, 1000), 1, 1))
        case .century: return DateValue(days: DateValue.daysFromCivil(floor(c.year, 100), 1, 1))
        case .decade: return DateValue(days: DateValue.daysFromCivil(floor(c.year, 10), 1, 1))
        case .year: return DateValue(days: DateValue.daysFromCivil(c.year, 1, 1))
        case .weekYear: return DateValue(days: DateValue.firstMonday(ofWeekYear: isoWeek.weekYear))
        case .quarter: return DateValue(days: DateValue.daysFromCivil(c.year, (quarter - 1) * 3 + 1, 1))
        case .month: return DateValue(days: DateValue.daysFromCivil(c.year, c.month, 1))
        case .week: return DateValue(days: days - (weekDay - 1))
        default: return DateValue(days: days)
        }
    }

    /// A date in any of the ISO 8601 forms `date()` reads: calendar (`init(iso:)`), week or
    /// ordinal (`init(isoWeekOrOrdinal:)`).
    init?(anyISO text: String) {
        guard let d = DateValue(iso: text) ?? DateValue(isoWeekOrOrdinal: text) else { return nil }
        self = d
    }

    /// `2015-W30-2`, `2015W302`, `2015-W30`, `2015W30` (week dates), `2015-202`, `2015202`
    /// (ordinal dates) and `201507` (a month).
    init?(isoWeekOrOrdinal text: String) {
        let s = Array(text.utf8)
        func number(_ r: Range<Int>) -> Int64? {
            guard r.upperBound <= s.count, !r.isEmpty, r.allSatisfy({ s[$0] >= 48 && s[$0] <= 57 }) else { return nil }
            return r.reduce(Int64(0)) { $0 * 10 + Int64(s[$1] - 48) }
        }
        let W = UInt8(ascii: "W"), dash = UInt8(ascii: "-")
        var fields: [String: Int64]?
        switch s.count {
        case 10 where s[4] == dash && s[5] == W && s[8] == dash:
            fields = number(0..<4).flatMap { y in number(6..<8).flatMap { w in number(9..<10).map { ["year": y, "week": w, "dayOfWeek": $0] } } }
        case 8 where s[4] == dash && s[5] == W:
            fields = number(0..<4).flatMap { y in number(6..<8).map { ["year": y, "week": $0] } }
        case 8 where s[4] == W:
            fields = number(0..<4).flatMap { y in number(5..<7).flatMap { w in number(7..<8).map { ["year": y, "week": w, "dayOfWeek": $0] } } }
        case 7 where s[4] == W:
            fields = number(0..<4).flatMap { y in number(5..<7).map { ["year": y, "week": $0] } }
        case 8 where s[4] == dash:
            fields = number(0..<4).flatMap { y in number(5..<8).map { ["year": y, "ordinalDay": $0] } }
        case 7:
            fields = number(0..<4).flatMap { y in number(4..<7).map { ["year": y, "ordinalDay": $0] } }
        case 6:
            fields = number(0..<4).flatMap { y in number(4..<6).map { ["year": y, "month": $0] } }
        default:
            return nil
        }
        guard let fields, let d = DateValue.from(fields: fields, base: nil) else { return nil }
        self = d
    }
}
