/// The temporal types a property column can hold typed, each value as a fixed number of `Int64`
/// words (a date in one word instead of a 40-byte `Value`). The first word of a value is never
/// `PropertyColumn.absentInteger`, which marks a missing value; a value that would need it
/// (a duration of exactly `Int64.min` months) is not encodable and turns its column mixed.
///
/// Words: date `days << 2 | precision`; local time the nanosecond of the day; local date-time
/// the date's word and the nanosecond; time the nanosecond and the offset; date-time the date's
/// word, the nanosecond and `region << 32 | offset` (the region is this process's tz id, which a
/// graph file stores by name); duration months, days, seconds, nanoseconds.
enum TemporalKind: UInt8, Sendable, CaseIterable {
    case date = 0, localTime, localDateTime, time, dateTime, duration

    var wordsPerValue: Int {
        switch self {
        case .date, .localTime: return 1
        case .localDateTime, .time: return 2
        case .dateTime: return 3
        case .duration: return 4
        }
    }

    /// The kind of a temporal value (nil for every other value).
    init?(of value: Value) {
        switch value {
        case .date: self = .date
        case .localTime: self = .localTime
        case .localDateTime: self = .localDateTime
        case .time: self = .time
        case .dateTime: self = .dateTime
        case .duration: self = .duration
        default: return nil
        }
    }

    /// Writes `value` as words `i * wordsPerValue ..<` into `words`; false when it is not of this
    /// kind or cannot be encoded.
    func encode(_ value: Value, into words: inout [Int64], at i: Int) -> Bool {
        let w = i * wordsPerValue
        switch (self, value) {
        case (.date, .date(let d)):
            guard let word = Self.dateWord(d) else { return false }
            words[w] = word
        case (.localTime, .localTime(let t)):
            words[w] = t.nanosecondOfDay
        case (.localDateTime, .localDateTime(let t)):
            guard let word = Self.dateWord(t.date) else { return false }
            words[w] = word
            words[w + 1] = t.time.nanosecondOfDay
        case (.time, .time(let t)):
            words[w] = t.time.nanosecondOfDay
            words[w + 1] = Int64(t.offset)
        case (.dateTime, .dateTime(let t)):
            guard let word = Self.dateWord(t.local.date) else { return false }
            words[w] = word
            words[w + 1] = t.local.time.nanosecondOfDay
            words[w + 2] = Self.zoneWord(offset: t.offset, region: t.region)
        case (.duration, .duration(let d)):
            guard d.months != PropertyColumn.absentInteger else { return false }
            words[w] = d.months
            words[w + 1] = d.days
            words[w + 2] = d.seconds
            words[w + 3] = d.nanoseconds
        default:
            return false
        }
        return true
    }

    /// The value at `i` (null when absent). Words come from `encode` or a checked graph file.
    func decode(_ words: [Int64], at i: Int) -> Value {
        let w = i * wordsPerValue
        let first = words[w]
        if first == PropertyColumn.absentInteger { return .null }
        switch self {
        case .date:
            return .date(Self.date(first))
        case .localTime:
            return .localTime(LocalTimeValue(wrapping: first))
        case .localDateTime:
            return .localDateTime(LocalDateTimeValue(date: Self.date(first), time: LocalTimeValue(wrapping: words[w + 1])))
        case .time:
            return .time(TimeValue(time: LocalTimeValue(wrapping: first), offset: Int32(truncatingIfNeeded: words[w + 1])))
        case .dateTime:
            let zone = words[w + 2]
            let local = LocalDateTimeValue(date: Self.date(first), time: LocalTimeValue(wrapping: words[w + 1]))
            return .dateTime(DateTimeValue(stored: local, offset: Int32(truncatingIfNeeded: zone), region: Int32(truncatingIfNeeded: zone >> 32)))
        case .duration:
            return .duration(DurationValue(months: first, days: words[w + 1], seconds: words[w + 2], nanoseconds: words[w + 3]))
        }
    }

    /// Why the words at `i` are not a value `encode` writes (a damaged graph file), or nil.
    func problem(_ words: [Int64], at i: Int) -> String? {
        let w = i * wordsPerValue
        if words[w] == PropertyColumn.absentInteger { return nil }
        func time(_ nanos: Int64) -> String? { LocalTimeValue(nanosecondOfDay: nanos) == nil ? "a time of day out of range" : nil }
        func date(_ word: Int64) -> String? { DatePrecision(rawValue: UInt8(word & 3)) == nil ? "a date of unknown precision" : nil }
        func offset(_ seconds: Int64) -> String? { abs(seconds) <= 18 * 3600 ? nil : "an offset out of range" }
        switch self {
        case .date: return date(words[w])
        case .localTime: return time(words[w])
        case .localDateTime: return date(words[w]) ?? time(words[w + 1])
        case .time: return time(words[w]) ?? offset(words[w + 1])
        case .dateTime:
            let region = words[w + 2] >> 32
            return date(words[w]) ?? time(words[w + 1]) ?? offset(Int64(Int32(truncatingIfNeeded: words[w + 2])))
                ?? (region >= 0 && region <= Int64(Int32.max) ? nil : "a time zone out of range")
        case .duration: return (0..<1_000_000_000).contains(words[w + 3]) ? nil : "a duration's nanoseconds out of range"
        }
    }

    static func zoneWord(offset: Int32, region: Int32) -> Int64 {
        Int64(region) << 32 | Int64(UInt32(bitPattern: offset))
    }

    private static func dateWord(_ d: DateValue) -> Int64? {
        let (shifted, overflow) = d.days.multipliedReportingOverflow(by: 4)
        guard !overflow, shifted != PropertyColumn.absentInteger else { return nil }
        return shifted | Int64(d.precision.rawValue)
    }

    private static func date(_ word: Int64) -> DateValue {
        DateValue(days: word >> 2, precision: DatePrecision(rawValue: UInt8(word & 3)) ?? .day)
    }
}
