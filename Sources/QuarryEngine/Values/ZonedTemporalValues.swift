/// A time of day with an offset from UTC (`21:40:32.142+01:00`).
public struct TimeValue: Sendable, Hashable, Comparable {
    public let time: LocalTimeValue
    /// Seconds east of UTC.
    public let offset: Int32

    public init(time: LocalTimeValue, offset: Int32) {
        self.time = time
        self.offset = offset
    }

    /// Nanoseconds of the day at UTC (outside the day when the offset carries it over midnight).
    var utcNanoseconds: Int64 { time.nanosecondOfDay - Int64(offset) * 1_000_000_000 }

    /// Earlier at UTC first; the same moment with a smaller offset first.
    public static func < (a: TimeValue, b: TimeValue) -> Bool { (a.utcNanoseconds, a.offset) < (b.utcNanoseconds, b.offset) }

    /// A local time in any of its forms followed by an offset (`Z`, `+0100`, `-01:30`); UTC
    /// without one.
    public init?(iso text: String) {
        let (local, zone) = TimeValue.splitOffset(text)
        guard let t = LocalTimeValue(iso: local) else { return nil }
        guard let zone else { self.init(time: t, offset: 0); return }
        guard let offset = TemporalZone.offsetSeconds(zone) else { return nil }
        self.init(time: t, offset: offset)
    }

    /// A time's text split before its offset, if it has one.
    static func splitOffset(_ text: String) -> (local: String, offset: String?) {
        guard let i = text.dropFirst().firstIndex(where: { $0 == "+" || $0 == "-" || $0 == "Z" || $0 == "z" }) else { return (text, nil) }
        return (String(text[..<i]), String(text[i...]))
    }

    public var iso: String { time.iso + TemporalZone.offsetText(offset) }

    /// The same moment with another offset.
    func with(offset newOffset: Int32) -> TimeValue {
        TimeValue(time: LocalTimeValue(wrapping: time.nanosecondOfDay + Int64(newOffset - offset) * 1_000_000_000), offset: newOffset)
    }

    func component(_ name: String) -> Value? {
        let field = name.lowercasedField
        if field == "timezone" { return .string(TemporalZone.offsetText(offset)) }
        return TemporalZone.offsetField(field, offset) ?? time.component(name).map(Value.int)
    }
}

/// A date and time in a zone (`2015-07-21T21:40:32.142+02:00[Europe/Stockholm]`): the local
/// date-time, the offset in force then, and the region when the zone has a name.
public struct DateTimeValue: Sendable, Hashable, Comparable {
    public let local: LocalDateTimeValue
    public let offset: Int32
    /// The tz database region, or 0 when the zone is the offset alone.
    let region: Int32

    var zone: TemporalZone { region == 0 ? .offset(offset) : .region(region) }

    /// A value as a typed column stored it: already resolved, nothing to check.
    init(stored local: LocalDateTimeValue, offset: Int32, region: Int32) {
        self.local = local
        self.offset = offset
        self.region = region
    }

    /// A local date-time in a zone, moved out of a gap the clocks skipped (see `TemporalZone.resolve`).
    public init(local: LocalDateTimeValue, zone: TemporalZone, preferring preferred: Int32? = nil) {
        switch zone {
        case .offset(let seconds):
            self.local = local
            offset = seconds
            region = 0
        case .region(let id):
            let resolved = zone.resolve(local, preferring: preferred)
            self.local = resolved.local
            offset = resolved.offset
            region = id
        }
    }

    /// The moment `second` seconds (and `nanosecond` nanoseconds) after 1970-01-01T00:00Z, in a zone.
    init(epochSecond whole: Int64, nanosecond fraction: Int64, zone: TemporalZone) {
        let (second, nanosecond) = DurationValue.normalized(whole, fraction)
        offset = zone.offset(atEpochSecond: second)
        local = LocalDateTimeValue(epochSecond: second + Int64(offset), nanosecond: nanosecond)
        if case .region(let id) = zone { region = id } else { region = 0 }
    }

    var epochSecond: Int64 { local.epochSecond - Int64(offset) }
    var nanosecond: Int64 { local.time.nanosecond }

    /// Earlier first; at the same moment, by local time, then by region.
    public static func < (a: DateTimeValue, b: DateTimeValue) -> Bool {
        (a.epochSecond, a.nanosecond, a.offset, a.region) < (b.epochSecond, b.nanosecond, b.offset, b.region)
    }

    /// The same moment in another zone.
    func inZone(_ zone: TemporalZone) -> DateTimeValue {
        DateTimeValue(epochSecond: epochSecond, nanosecond: nanosecond, zone: zone)
    }

    /// `2015-07-21T21:40:32.142+01:00`, `2015-W30-2T2140Z`, `2015-07-21T21:40[Europe/London]`,
    /// `2015-07-21` (midnight); UTC when neither an offset nor a region is given.
    public init?(iso text: String) {
        var rest = Substring(text)
        var region: TemporalZone?
        if rest.hasSuffix("]"), let open = rest.lastIndex(of: "[") {
            guard let zone = TemporalZone(text: String(rest[rest.index(after: open)..<rest.index(before: rest.endIndex)])),
                  case .region = zone else { return nil }
            region = zone
            rest = rest[..<open]
        }
        let parts = rest.split(separator: "T", maxSplits: 1, omittingEmptySubsequences: false)
        let (timeText, offsetText) = parts.count == 2 ? TimeValue.splitOffset(String(parts[1])) : ("00", nil)
        guard let date = DateValue(anyISO: String(parts[0])),
              let time = LocalTimeValue(iso: timeText) else { return nil }
        let local = LocalDateTimeValue(date: date, time: time)
        var offset: Int32?
        if let offsetText {
            guard let seconds = TemporalZone.offsetSeconds(offsetText) else { return nil }
            offset = seconds
        }
        switch (region, offset) {
        case let (zone?, given): self.init(local: local, zone: zone, preferring: given)
        case let (nil, seconds?): self.init(local: local, zone: .offset(seconds))
        case (nil, nil): self.init(local: local, zone: .offset(0))
        }
    }

    public var iso: String {
        local.iso + TemporalZone.offsetText(offset) + (region == 0 ? "" : "[\(ZoneRegions.name(of: region))]")
    }

    /// The moment a duration later: its months and days on the calendar (the offset then taken
    /// anew for a region), its seconds on the clock.
    func adding(_ u: DurationValue) -> DateTimeValue? {
        guard let day = local.date.adding(DurationValue(months: u.months, days: u.days, seconds: 0)) else { return nil }
        let moved = DateTimeValue(local: LocalDateTimeValue(date: day, time: local.time), zone: zone, preferring: offset)
        let (second, overflow) = moved.epochSecond.addingReportingOverflow(u.seconds)
        // Far beyond any date (±999,999,999 years is about ±3.2e16 seconds).
        guard !overflow, abs(second) < 1 << 60 else { return nil }
        let result = DateTimeValue(epochSecond: second, nanosecond: moved.nanosecond + u.nanoseconds, zone: zone)
        guard abs(result.local.date.components.year) <= 999_999_999 else { return nil }
        return result
    }

    func component(_ name: String) -> Value? {
        let field = name.lowercasedField
        if let value = TemporalZone.offsetField(field, offset) { return value }
        switch field {
        case "timezone": return .string(zone.name)
        case "epochseconds": return .int(epochSecond)
        case "epochmillis": return .int(epochSecond * 1000 + nanosecond / 1_000_000)
        default: return local.time.component(name).map(Value.int)
        }
    }
}
