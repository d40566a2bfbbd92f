import Foundation

/// A duration as openCypher has it: months, days and seconds (with nanoseconds) kept apart,
/// since a month has no fixed number of days nor a day of seconds once calendars are involved.
/// `P1Y3M` is 15 months; `P2DT3H` is 2 days and 10,800 seconds.
public struct DurationValue: Sendable, Hashable {
    public let months: Int64
    public let days: Int64
    public let seconds: Int64
    /// 0 ..< 1e9, with `seconds` carrying the sign of the sub-day part.
    public let nanoseconds: Int64

    public init(months: Int64, days: Int64, seconds: Int64, nanoseconds: Int64 = 0) {
        self.months = months
        self.days = days
        (self.seconds, self.nanoseconds) = DurationValue.normalized(seconds, nanoseconds)
    }

    /// Seconds and nanoseconds with the nanoseconds brought into 0 ..< 1e9, their overflow in
    /// the seconds.
    static func normalized(_ second: Int64, _ nanosecond: Int64) -> (Int64, Int64) {
        let carry = nanosecond >= 0 ? nanosecond / 1_000_000_000 : (nanosecond - 999_999_999) / 1_000_000_000
        return (second + carry, nanosecond - carry * 1_000_000_000)
    }

    /// From `P[nY][nM][nW][nD][T[nH][nM][n[.f]S]]` (a leading `-` negates it); decimals are
    /// allowed in every unit and spill into the smaller ones (`P0.5D` is 12 hours).
    public init?(iso text: String) {
        var s = Substring(text.uppercased())
        var sign: Double = 1
        if s.first == "-" { sign = -1; s = s.dropFirst() }
        guard s.first == "P", s.count > 1 else { return nil }
        s = s.dropFirst()
        if let alternative = DurationValue(alternativeForm: s, sign: sign) { self = alternative; return }
        var months = 0.0, days = 0.0, seconds = 0.0
        var inTime = false, number = "", seenAny = false
        for c in s {
            if c == "T" {
                guard !inTime, number.isEmpty else { return nil }
                inTime = true
                continue
            }
            if c.isNumber || c == "." || c == "," || (c == "-" && number.isEmpty) {
                number.append(c == "," ? "." : c)
                continue
            }
            guard let v = Double(number) else { return nil }
            number = ""
            seenAny = true
            switch (c, inTime) {
            case ("Y", false): months += v * 12
            case ("M", false): months += v
            case ("W", false): days += v * 7
            case ("D", false): days += v
            case ("H", true): seconds += v * 3600
            case ("M", true): seconds += v * 60
            case ("S", true): seconds += v
            default: return nil
            }
        }
        guard number.isEmpty, seenAny else { return nil }
        self.init(fractional: sign * months, days: sign * days, seconds: sign * seconds)
    }

    /// ISO 8601's alternative form after the `P`: `2012-02-02T14:37:21.545` (years, months,
    /// days, hours, minutes, seconds).
    private init?(alternativeForm s: Substring, sign: Double) {
        let halves = s.split(separator: "T", maxSplits: 1, omittingEmptySubsequences: false)
        let date = halves[0].split(separator: "-", omittingEmptySubsequences: false)
        let time = halves.count == 2 ? halves[1].split(separator: ":", omittingEmptySubsequences: false) : []
        guard date.count == 3, halves.count == 1 || time.count == 3,
              let years = Double(date[0]), let months = Double(date[1]), let days = Double(date[2]),
              date.allSatisfy({ $0.allSatisfy(\.isNumber) }) else { return nil }
        var seconds = 0.0
        if time.count == 3 {
            guard let h = Double(time[0]), let m = Double(time[1]), let sec = Double(time[2]),
                  time[0].allSatisfy(\.isNumber), time[1].allSatisfy(\.isNumber) else { return nil }
            seconds = h * 3600 + m * 60 + sec
        }
        self.init(fractional: sign * (years * 12 + months), days: sign * days, seconds: sign * seconds)
    }

    /// Whole units, the fractions cascading down: a month's fraction as days of the average
    /// month (30.436875 days), a day's as seconds of 24 hours.
    init?(fractional months: Double, days: Double, seconds: Double) {
        let wholeMonths = months.rounded(.towardZero)
        let allDays = days + (months - wholeMonths) * 30.436875
        let wholeDays = allDays.rounded(.towardZero)
        let allSeconds = seconds + (allDays - wholeDays) * 86_400
        let wholeSeconds = allSeconds.rounded(.down)
        let limit = 9.2e18
        guard abs(wholeMonths) < limit, abs(wholeDays) < limit, abs(wholeSeconds) < limit else { return nil }
        self.init(months: Int64(wholeMonths), days: Int64(wholeDays), seconds: Int64(wholeSeconds),
                  nanoseconds: Int64(((allSeconds - wholeSeconds) * 1e9).rounded()))
    }

    /// ISO 8601, as openCypher prints it: `P1Y3M`, `P2DT3H`, `PT0.5S`, `PT0S` for nothing.
    public var iso: String {
        var out = "P"
        let years = months / 12, restMonths = months % 12
        if years != 0 { out += "\(years)Y" }
        if restMonths != 0 { out += "\(restMonths)M" }
        if days != 0 { out += "\(days)D" }
        // The sub-day part with one sign for seconds and nanoseconds, split into hours, minutes, seconds.
        var (wholeSeconds, fraction) = (seconds, nanoseconds)
        if wholeSeconds < 0 && fraction > 0 { wholeSeconds += 1; fraction -= 1_000_000_000 }
        if wholeSeconds != 0 || fraction != 0 {
            out += "T"
            let negative = wholeSeconds < 0 || fraction < 0
            let magnitude = wholeSeconds.magnitude, fractionMagnitude = fraction.magnitude
            let hours = magnitude / 3600, minutes = magnitude / 60 % 60, secondsLeft = magnitude % 60
            let sign = negative ? "-" : ""
            if hours != 0 { out += "\(sign)\(hours)H" }
            if minutes != 0 { out += "\(sign)\(minutes)M" }
            if secondsLeft != 0 || fractionMagnitude != 0 {
                var text = "\(sign)\(secondsLeft)"
                if fractionMagnitude != 0 {
                    var digits = String(fractionMagnitude)
                    digits = String(repeating: "0", count: 9 - digits.count) + digits
                    while digits.hasSuffix("0") { digits.removeLast() }
                    text += "." + digits
                }
                out += text + "S"
            }
        }
        return out == "P" ? "PT0S" : out
    }

    /// The months and days from `a` to `b` (months first, as a calendar counts them: from the
    /// 31st of January to the 1st of March is one month and one day).
    public static func between(_ a: DateValue, _ b: DateValue) -> DurationValue {
        let x = a.components, y = b.components
        var months = (y.year - x.year) * 12 + (y.month - x.month)
        // A month is counted only when its day is reached.
        if months > 0 && y.day < x.day { months -= 1 } else if months < 0 && y.day > x.day { months += 1 }
        let shifted = a.adding(months: months)
        return DurationValue(months: months, days: b.days - shifted.days, seconds: 0)
    }

    /// From a map of `years`, `quarters`, `months`, `weeks`, `days`, `hours`, `minutes`,
    /// `seconds`, `milliseconds`, `microseconds` and `nanoseconds` (numbers; fractions cascade).
    public static func fromComponents(_ m: [String: Double]) -> DurationValue? {
        func v(_ k: String) -> Double { m[k] ?? 0 }
        return DurationValue(fractional: v("years") * 12 + v("quarters") * 3 + v("months"), days: v("weeks") * 7 + v("days"),
                             seconds: v("hours") * 3600 + v("minutes") * 60 + v("seconds") + v("milliseconds") / 1e3
                                + v("microseconds") / 1e6 + v("nanoseconds") / 1e9)
    }

    /// The sum, or nil when a part overflows.
    public func plus(_ b: DurationValue) -> DurationValue? {
        let m = months.addingReportingOverflow(b.months), d = days.addingReportingOverflow(b.days)
        let s = seconds.addingReportingOverflow(b.seconds)
        guard !m.overflow, !d.overflow, !s.overflow, s.partialValue < Int64.max - 1 else { return nil }
        return DurationValue(months: m.partialValue, days: d.partialValue, seconds: s.partialValue, nanoseconds: nanoseconds + b.nanoseconds)
    }

    /// The opposite, or nil for a part at the very end of the range.
    public var negated: DurationValue? {
        guard months != .min, days != .min, seconds > .min + 1 else { return nil }
        return DurationValue(months: -months, days: -days, seconds: -seconds, nanoseconds: -nanoseconds)
    }

    /// Each part times `numerator / denominator`, fractions cascading into the smaller parts
    /// (a month as 30.436875 days, a day as 86,400 seconds) and truncated at the nanosecond, in
    /// decimal arithmetic so that halving 10.000000001 seconds gives 5.0000000005, cut to 5
    /// seconds, not a binary fraction's 5.000000001; nil when too large.
    public func scaled(by numerator: Decimal, dividedBy denominator: Decimal = 1) -> DurationValue? {
        func truncated(_ x: Decimal) -> Decimal {
            var value = x < 0 ? -x : x, result = Decimal()
            NSDecimalRound(&result, &value, 0, .down)
            return x < 0 ? -result : result
        }
        let allMonths = Decimal(months) * numerator / denominator
        let wholeMonths = truncated(allMonths)
        let allDays = Decimal(days) * numerator / denominator + (allMonths - wholeMonths) * Decimal(30_436_875) / Decimal(1_000_000)
        let wholeDays = truncated(allDays)
        let allNanos = (Decimal(seconds) * Decimal(1_000_000_000) + Decimal(nanoseconds)) * numerator / denominator
            + (allDays - wholeDays) * Decimal(LocalTimeValue.nanosPerDay)
        let nanos = truncated(allNanos)
        let limit = Decimal(Int64.max)
        guard abs(wholeMonths) < limit, abs(wholeDays) < limit, abs(nanos) < limit * Decimal(1_000_000_000) else { return nil }
        let seconds = truncated(nanos / Decimal(1_000_000_000))
        guard abs(seconds) < limit else { return nil }
        let rest = nanos - seconds * Decimal(1_000_000_000)
        return DurationValue(months: NSDecimalNumber(decimal: wholeMonths).int64Value, days: NSDecimalNumber(decimal: wholeDays).int64Value,
                             seconds: NSDecimalNumber(decimal: seconds).int64Value, nanoseconds: NSDecimalNumber(decimal: rest).int64Value)
    }

    /// The component a property of a duration names (`d.years`, `d.monthsOfYear`, ...), nil when
    /// it names none. Units take the duration's whole in that unit within its part (months,
    /// days, seconds); `...Of...` the remainder in the next larger unit.
    /// A sub-second unit too large for 64 bits is `Int64.max` or `.min` (nearly 300 years of nanoseconds).
    public func component(_ name: String) -> Int64? {
        Field(rawValue: name.lowercasedField).map(component)
    }

    /// The fields of a duration, by their lowercase names: a property access with a fixed name
    /// looks its field up once, when it is compiled.
    public enum Field: String, Sendable {
        case years, quarters, months, weeks, days, hours, minutes, seconds, milliseconds, microseconds, nanoseconds
        case quartersofyear, monthsofquarter, monthsofyear, daysofweek, minutesofhour, secondsofminute
        case millisecondsofsecond, microsecondsofsecond, nanosecondsofsecond
    }

    public func component(_ field: Field) -> Int64 {
        func subDay(_ per: Int64) -> Int64 {
            let (scaled, overflow) = seconds.multipliedReportingOverflow(by: 1_000_000_000 / per)
            guard !overflow else { return seconds < 0 ? .min : .max }
            let (sum, overflow2) = scaled.addingReportingOverflow(nanoseconds / per)
            return overflow2 ? .max : sum
        }
        switch field {
        case .years: return months / 12
        case .quarters: return months / 3
        case .months: return months
        case .weeks: return days / 7
        case .days: return days
        case .hours: return seconds / 3600
        case .minutes: return seconds / 60
        case .seconds: return seconds
        case .milliseconds: return subDay(1_000_000)
        case .microseconds: return subDay(1_000)
        case .nanoseconds: return subDay(1)
        case .quartersofyear: return months / 3 % 4
        case .monthsofquarter: return months % 3
        case .monthsofyear: return months % 12
        case .daysofweek: return days % 7
        case .minutesofhour: return seconds / 60 % 60
        case .secondsofminute: return seconds % 60
        case .millisecondsofsecond: return nanoseconds / 1_000_000
        case .microsecondsofsecond: return nanoseconds / 1_000
        case .nanosecondsofsecond: return nanoseconds
        }
    }
}

extension DateValue {
    /// The date `months` later (the day kept, or the month's last when it has fewer days).
    func adding(months: Int64) -> DateValue {
        let c = components
        let total = c.year * 12 + (c.month - 1) + months
        let year = total >= 0 ? total / 12 : (total - 11) / 12
        let month = total - year * 12 + 1
        let day = min(c.day, DateValue.daysIn(month: month, year: year))
        return DateValue(days: DateValue.daysFromCivil(year, month, day))
    }

    /// The date a duration later (its months, then its days and the whole days of its seconds),
    /// or nil outside the years a date can have.
    func adding(_ d: DurationValue) -> DateValue? {
        guard abs(d.months) < 12 * 2_000_000_000, abs(d.days) < 800 * 1_000_000_000 else { return nil }
        let shifted = adding(months: d.months)
        let result = DateValue(days: shifted.days + d.days + d.seconds / 86_400)
        guard abs(result.components.year) <= 999_999_999 else { return nil }
        // A partial date moves by its first day and stays as precise as it was.
        return result.known(to: precision)
    }
}
