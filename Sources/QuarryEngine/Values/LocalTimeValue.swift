/// A time of day without a time zone (`21:40:32.142`), to the nanosecond.
public struct LocalTimeValue: Sendable, Hashable, Comparable {
    static let nanosPerDay: Int64 = 86_400_000_000_000
    public let nanosecondOfDay: Int64

    public init?(nanosecondOfDay: Int64) {
        guard (0..<Self.nanosPerDay).contains(nanosecondOfDay) else { return nil }
        self.nanosecondOfDay = nanosecondOfDay
    }

    init(wrapping nanos: Int64) {
        nanosecondOfDay = ((nanos % Self.nanosPerDay) + Self.nanosPerDay) % Self.nanosPerDay
    }

    public static func < (a: LocalTimeValue, b: LocalTimeValue) -> Bool { a.nanosecondOfDay < b.nanosecondOfDay }

    public var hour: Int64 { nanosecondOfDay / 3_600_000_000_000 }
    public var minute: Int64 { nanosecondOfDay / 60_000_000_000 % 60 }
    public var second: Int64 { nanosecondOfDay / 1_000_000_000 % 60 }
    public var nanosecond: Int64 { nanosecondOfDay % 1_000_000_000 }

    /// From fields (hour, minute, second, millisecond, microsecond, nanosecond), missing ones 0.
    static func from(fields f: [String: Int64]) -> LocalTimeValue? {
        let hour = f["hour"] ?? 0, minute = f["minute"] ?? 0, second = f["second"] ?? 0
        let ms = f["millisecond"] ?? 0, us = f["microsecond"] ?? 0, ns = f["nanosecond"] ?? 0
        guard (0..<24).contains(hour), (0..<60).contains(minute), (0..<60).contains(second),
              (0..<1000).contains(ms), (0..<1_000_000).contains(us), (0..<1_000_000_000).contains(ns) else { return nil }
        // Smaller units may not be given with a larger one that leaves them nothing to say.
        if f["minute"] == nil && (f["second"] != nil || f["millisecond"] != nil || f["microsecond"] != nil || f["nanosecond"] != nil) { return nil }
        let fraction = ms * 1_000_000 + us * 1_000 + ns
        guard fraction < 1_000_000_000 else { return nil }
        return LocalTimeValue(nanosecondOfDay: ((hour * 60 + minute) * 60 + second) * 1_000_000_000 + fraction)
    }

    /// `21:40:32.142`, `214032.142`, `21:40:32`, `214032`, `21:40`, `2140`, `21`.
    public init?(iso text: String) {
        let s = Array(text.utf8)
        var i = 0
        func digits(_ n: Int) -> Int64? {
            guard i + n <= s.count else { return nil }
            var v: Int64 = 0
            for k in i..<i + n {
                guard s[k] >= 48, s[k] <= 57 else { return nil }
                v = v * 10 + Int64(s[k] - 48)
            }
            i += n
            return v
        }
        let colon = UInt8(ascii: ":")
        guard let hour = digits(2) else { return nil }
        var minute: Int64 = 0, second: Int64 = 0, fraction: Int64 = 0
        let separated = i < s.count && s[i] == colon
        if i < s.count {
            if separated { i += 1 }
            guard let m = digits(2) else { return nil }
            minute = m
            if i < s.count {
                if separated { guard s[i] == colon else { return nil }; i += 1 }
                guard let sec = digits(2) else { return nil }
                second = sec
                if i < s.count {
                    guard s[i] == UInt8(ascii: ".") || s[i] == UInt8(ascii: ","), i + 1 < s.count, s.count - i - 1 <= 9 else { return nil }
                    i += 1
                    let n = s.count - i
                    guard let f = digits(n) else { return nil }
                    fraction = f
                    for _ in n..<9 { fraction *= 10 }
                }
            }
        }
        guard i == s.count, (0..<24).contains(hour), (0..<60).contains(minute), (0..<60).contains(second) else { return nil }
        self.init(nanosecondOfDay: ((hour * 60 + minute) * 60 + second) * 1_000_000_000 + fraction)
    }

    /// `21:40`, `21:40:32`, `21:40:32.142` (the fraction's trailing zeros dropped).
    public var iso: String {
        func two(_ v: Int64) -> String { v < 10 ? "0\(v)" : "\(v)" }
        var out = "\(two(hour)):\(two(minute))"
        if second != 0 || nanosecond != 0 { out += ":\(two(second))" }
        if nanosecond != 0 {
            var digits = String(nanosecond)
            digits = String(repeating: "0", count: 9 - digits.count) + digits
            while digits.hasSuffix("0") { digits.removeLast() }
            out += "." + digits
        }
        return out
    }

    /// The time of day a duration's seconds later (its months and days do not move a clock).
    func adding(_ u: DurationValue) -> LocalTimeValue {
        LocalTimeValue(wrapping: nanosecondOfDay + u.seconds % 86_400 * 1_000_000_000 + u.nanoseconds)
    }

    public func component(_ name: String) -> Int64? {
        switch name.lowercasedField {
        case "hour": return hour
        case "minute": return minute
        case "second": return second
        case "millisecond": return nanosecond / 1_000_000
        case "microsecond": return nanosecond / 1_000
        case "nanosecond": return nanosecond
        default: return nil
        }
    }
}

/// A date and a time of day without a time zone (`2015-07-21T21:40:32.142`).
public struct LocalDateTimeValue: Sendable, Hashable, Comparable {
    public let date: DateValue
    public let time: LocalTimeValue

    public init(date: DateValue, time: LocalTimeValue) {
        self.date = date
        self.time = time
    }

    /// The moment `second` seconds after 1970-01-01T00:00, and `nanosecond` more.
    init(epochSecond whole: Int64, nanosecond fraction: Int64) {
        let (second, nanosecond) = DurationValue.normalized(whole, fraction)
        let days = second >= 0 ? second / 86_400 : (second - 86_399) / 86_400
        self.init(date: DateValue(days: days), time: LocalTimeValue(wrapping: (second - days * 86_400) * 1_000_000_000 + nanosecond))
    }

    public static func < (a: LocalDateTimeValue, b: LocalDateTimeValue) -> Bool { (a.date, a.time) < (b.date, b.time) }

    /// Whole seconds since 1970-01-01T00:00 (the nanoseconds left out); no overflow for any date.
    var epochSecond: Int64 { date.days * 86_400 + time.nanosecondOfDay / 1_000_000_000 }

    /// A date in any of its text forms, then `T` and a time in any of its forms (midnight
    /// without them).
    public init?(iso text: String) {
        let parts = text.split(separator: "T", maxSplits: 1, omittingEmptySubsequences: false)
        guard let d = DateValue(anyISO: String(parts[0])),
              let t = parts.count == 2 ? LocalTimeValue(iso: String(parts[1])) : LocalTimeValue(wrapping: 0) else { return nil }
        self.init(date: d, time: t)
    }

    public var iso: String { date.iso + "T" + time.iso }

    /// The moment a duration later: its months on the date (the day clamped), then its days,
    /// then its seconds and nanoseconds, carrying into the date.
    func adding(_ u: DurationValue) -> LocalDateTimeValue? {
        guard let shifted = date.adding(DurationValue(months: u.months, days: u.days, seconds: 0)) else { return nil }
        let (secondsNanos, overflow) = u.seconds.multipliedReportingOverflow(by: 1_000_000_000)
        guard !overflow else { return nil }
        let total = time.nanosecondOfDay + secondsNanos % LocalTimeValue.nanosPerDay + u.nanoseconds
        let carryDays = secondsNanos / LocalTimeValue.nanosPerDay + (total >= 0 ? total / LocalTimeValue.nanosPerDay : (total - LocalTimeValue.nanosPerDay + 1) / LocalTimeValue.nanosPerDay)
        guard let day = shifted.adding(DurationValue(months: 0, days: carryDays, seconds: 0)) else { return nil }
        return LocalDateTimeValue(date: day, time: LocalTimeValue(wrapping: total))
    }
}
