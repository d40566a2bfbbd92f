/// A calendar date (proleptic Gregorian), stored as days since 1970-01-01, with how much of it
/// is known: the day, or only the month or the year (`2021-08`, a partial date, which stands for
/// any day of August 2021; `days` is then the first of them). grammar/README.md has the rules.
public struct DateValue: Sendable, Hashable, Comparable {
    public let days: Int64
    public let precision: DatePrecision

    public init(days: Int64, precision: DatePrecision = .day) {
        self.days = days
        self.precision = precision
    }

    public init?(year: Int64, month: Int64, day: Int64) {
        guard (1...12).contains(month), day >= 1, day <= DateValue.daysIn(month: month, year: year),
              (-999_999_999...999_999_999).contains(year) else { return nil }
        days = DateValue.daysFromCivil(year, month, day)
        precision = .day
    }

    /// `YYYY` (a year), `YYYY-MM` (a month) or any full form: the precision the text has.
    public init?(partialISO text: String) {
        guard let d = DateValue(iso: text) else { return nil }
        let u = Array(text.utf8)
        let signed = u.first == UInt8(ascii: "+") || u.first == UInt8(ascii: "-")
        switch (u.count, signed) {
        case (4, false): self = d.known(to: .year)
        case (7, false) where u[4] == UInt8(ascii: "-"): self = d.known(to: .month)
        default: self = d
        }
    }

    /// The date known only to a coarser unit: the first day of its month or year.
    public func known(to coarser: DatePrecision) -> DateValue {
        guard coarser != .day else { return DateValue(days: days) }
        let c = components
        return DateValue(days: DateValue.daysFromCivil(c.year, coarser == .year ? 1 : c.month, 1), precision: coarser)
    }

    /// The first and the last day the date may be.
    public var span: ClosedRange<Int64> {
        switch precision {
        case .day: return days...days
        case .month:
            let c = components
            return days...(days + DateValue.daysIn(month: c.month, year: c.year) - 1)
        case .year:
            return days...(DateValue.daysFromCivil(components.year + 1, 1, 1) - 1)
        }
    }

    /// `a < b` (or `a <= b`) for dates that may be partial: true when it holds whichever days
    /// they are, false when it holds for none, nil (unknown) otherwise.
    public static func isBefore(_ a: DateValue, _ b: DateValue, orEqual: Bool) -> Bool? {
        let x = a.span, y = b.span
        if orEqual ? x.upperBound <= y.lowerBound : x.upperBound < y.lowerBound { return true }
        if orEqual ? x.lowerBound > y.upperBound : x.lowerBound >= y.upperBound { return false }
        return nil
    }

    /// `a = b`: the same date known to the same precision, or dates that cannot be the same day;
    /// nil when one may be the other.
    public static func sameDay(_ a: DateValue, _ b: DateValue) -> Bool? {
        if a == b { return true }
        let x = a.span, y = b.span
        return x.upperBound < y.lowerBound || y.upperBound < x.lowerBound ? false : nil
    }

    /// Parses `YYYY-MM-DD`, `YYYYMMDD`, `YYYY-MM` and `YYYY`; years outside 0000...9999 as
    /// `+YYYYY-MM-DD` or `-YYYYY-MM-DD` (up to nine digits).
    public init?(iso text: String) {
        if let first = text.utf8.first, first == UInt8(ascii: "+") || first == UInt8(ascii: "-") {
            let parts = text.dropFirst().split(separator: "-", omittingEmptySubsequences: false)
            guard parts.count == 3, (4...9).contains(parts[0].count), parts[1].count == 2, parts[2].count == 2,
                  parts.allSatisfy({ $0.utf8.allSatisfy { $0 >= 48 && $0 <= 57 } }),
                  let y = Int64(parts[0]), let m = Int64(parts[1]), let d = Int64(parts[2]) else { return nil }
            self.init(year: first == UInt8(ascii: "-") ? -y : y, month: m, day: d)
            return
        }
        // Parsed in place: a date column read row by row should not allocate (a short string
        // has no storage of its own to lend; `withUTF8` gives its bytes on the stack).
        var text = text
        let parsed = text.withUTF8(DateValue.civilFields)
        guard let (y, m, d) = parsed else { return nil }
        self.init(year: y, month: m, day: d)
    }

    /// Year, month and day of `YYYY-MM-DD`, `YYYYMMDD`, `YYYY-MM` or `YYYY`.
    private static func civilFields(_ s: UnsafeBufferPointer<UInt8>) -> (Int64, Int64, Int64)? {
        @inline(__always)
        func number(_ r: Range<Int>) -> Int64? {
            guard r.upperBound <= s.count, !r.isEmpty else { return nil }
            var v: Int64 = 0
            for i in r {
                guard s[i] >= 48, s[i] <= 57 else { return nil }
                v = v * 10 + Int64(s[i] - 48)
            }
            return v
        }
        let parts: (Int64?, Int64?, Int64?)
        switch s.count {
        case 10 where s[4] == 45 && s[7] == 45: parts = (number(0..<4), number(5..<7), number(8..<10))
        case 8: parts = (number(0..<4), number(4..<6), number(6..<8))
        case 7 where s[4] == 45: parts = (number(0..<4), number(5..<7), 1)
        case 4: parts = (number(0..<4), 1, 1)
        default: return nil
        }
        guard let y = parts.0, let m = parts.1, let d = parts.2 else { return nil }
        return (y, m, d)
    }

    /// The date as one integer that orders as dates do (`<`: the days, then the precision, year,
    /// month, day) and gives the date back (`init(orderKey:)`); nil for days too far out to fit.
    @inline(__always)
    public var orderKey: Int64? {
        guard abs(days) < Int64.max / 8 else { return nil }
        return days * 4 + 2 - Int64(precision.rawValue)
    }

    /// The date whose `orderKey` is `key`.
    @inline(__always)
    public init(orderKey key: Int64) {
        self.init(days: key >> 2, precision: DatePrecision(rawValue: UInt8(2 - (key & 3))) ?? .day)
    }

    /// By the first day; on the same first day, a year before its first month before its first day.
    public static func < (a: DateValue, b: DateValue) -> Bool {
        (a.days, 2 - Int(a.precision.rawValue)) < (b.days, 2 - Int(b.precision.rawValue))
    }

    public var components: (year: Int64, month: Int64, day: Int64) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    public var iso: String {
        let c = components
        let year = "\(c.year < 0 ? "-" : c.year > 9999 ? "+" : "")\(Self.padded(abs(c.year), 4))"
        switch precision {
        case .year: return year
        case .month: return year + "-" + Self.padded(c.month, 2)
        case .day: return year + "-" + Self.padded(c.month, 2) + "-" + Self.padded(c.day, 2)
        }
    }

    static func padded(_ v: Int64, _ width: Int) -> String {
        let s = String(v)
        return String(repeating: "0", count: max(0, width - s.count)) + s
    }

    static func daysIn(month: Int64, year: Int64) -> Int64 {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    static func daysFromCivil(_ y0: Int64, _ m: Int64, _ d: Int64) -> Int64 {
        let y = m <= 2 ? y0 - 1 : y0
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }
}

/// How much of a date is known.
public enum DatePrecision: UInt8, Sendable, Hashable {
    case day = 0, month, year

    public var name: String {
        switch self {
        case .day: return "day"
        case .month: return "month"
        case .year: return "year"
        }
    }
}
