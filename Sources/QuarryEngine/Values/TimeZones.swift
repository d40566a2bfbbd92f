import Foundation
import Synchronization

/// The zone of a time or date-time: a fixed offset from UTC, or a region of the IANA tz database
/// (`Europe/Stockholm`) whose offset depends on the moment. Regions are numbered as they are
/// first named, so that a value holds a small number rather than a string.
public enum TemporalZone: Hashable, Sendable {
    case offset(Int32)
    case region(Int32)

    /// `+01:00`, `-02:05:07`, `+0100`, `-02`, `Z`, or a region's name.
    public init?(text: String) {
        if let seconds = TemporalZone.offsetSeconds(text) {
            self = .offset(seconds)
        } else if let region = ZoneRegions.id(named: text) {
            self = .region(region)
        } else {
            return nil
        }
    }

    /// The zone's name as values show it: the region's, or the offset's text.
    public var name: String {
        switch self {
        case .offset(let seconds): return TemporalZone.offsetText(seconds)
        case .region(let id): return ZoneRegions.name(of: id)
        }
    }

    /// Seconds east of UTC from `Z`, `±hh`, `±hhmm`, `±hh:mm`, `±hhmmss` or `±hh:mm:ss`, at most
    /// 18 hours either way.
    static func offsetSeconds(_ text: String) -> Int32? {
        let s = Array(text.utf8)
        if s == [UInt8(ascii: "Z")] || s == [UInt8(ascii: "z")] { return 0 }
        guard let sign = s.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") else { return nil }
        var digits: [Int32] = []
        var i = 1
        let colons = s.count > 3 && s[3] == UInt8(ascii: ":")
        while i < s.count {
            if colons && (i == 3 || i == 6) {
                guard s[i] == UInt8(ascii: ":") else { return nil }
                i += 1
                continue
            }
            guard s[i] >= 48, s[i] <= 57 else { return nil }
            digits.append(Int32(s[i] - 48))
            i += 1
        }
        guard [2, 4, 6].contains(digits.count) else { return nil }
        func pair(_ k: Int) -> Int32 { k < digits.count ? digits[k] * 10 + digits[k + 1] : 0 }
        let hours = pair(0), minutes = pair(2), seconds = pair(4)
        guard minutes < 60, seconds < 60 else { return nil }
        let total = hours * 3600 + minutes * 60 + seconds
        guard total <= 18 * 3600 else { return nil }
        return sign == UInt8(ascii: "-") ? -total : total
    }

    /// `Z` for UTC, else `+01:00` (`+02:05:59` when there are seconds).
    static func offsetText(_ seconds: Int32) -> String {
        if seconds == 0 { return "Z" }
        let a = abs(seconds)
        func two(_ v: Int32) -> String { v < 10 ? "0\(v)" : "\(v)" }
        var out = (seconds < 0 ? "-" : "+") + two(a / 3600) + ":" + two(a / 60 % 60)
        if a % 60 != 0 { out += ":" + two(a % 60) }
        return out
    }

    /// `offset`, `offsetMinutes` and `offsetSeconds` (`field` lowercased) of a value with this offset.
    static func offsetField(_ field: String, _ seconds: Int32) -> Value? {
        switch field {
        case "offset": return .string(offsetText(seconds))
        case "offsetminutes": return .int(Int64(seconds / 60))
        case "offsetseconds": return .int(Int64(seconds))
        default: return nil
        }
    }

    /// The offset in force at a moment (seconds since 1970-01-01T00:00Z).
    func offset(atEpochSecond second: Int64) -> Int32 {
        switch self {
        case .offset(let seconds): return seconds
        case .region(let id): return ZoneRegions.offset(of: id, atEpochSecond: second)
        }
    }

    /// The offset a local date and time has in this zone. A time the clocks skipped (spring
    /// forward) is moved later by the gap; a time they passed twice takes `preferred` when it is
    /// one of its offsets, else the earlier one (as java.time does, and so Neo4j).
    func resolve(_ local: LocalDateTimeValue, preferring preferred: Int32? = nil) -> (local: LocalDateTimeValue, offset: Int32) {
        guard case .region = self else { return (local, offset(atEpochSecond: 0)) }
        let wall = local.epochSecond
        let before = offset(atEpochSecond: wall - 86_400), after = offset(atEpochSecond: wall + 86_400)
        let valid = [before, after].filter { offset(atEpochSecond: wall - Int64($0)) == $0 }
        if let preferred, valid.contains(preferred) { return (local, preferred) }
        if let first = valid.first { return (local, first) }
        // In a gap: the instant the earlier offset names, shown with the offset after the gap.
        let instant = wall - Int64(before)
        let shifted = offset(atEpochSecond: instant)
        return (LocalDateTimeValue(epochSecond: instant + Int64(shifted), nanosecond: local.time.nanosecond), shifted)
    }
}

/// The regions of the tz database named so far (Foundation's `TimeZone`, which reads the IANA
/// data), numbered from 1.
enum ZoneRegions {
    private struct Table {
        var names: [String] = []
        var zones: [TimeZone] = []
        var ids: [String: Int32] = [:]
    }

    private static let table = Mutex(Table())

    static func id(named name: String) -> Int32? {
        table.withLock { t -> Int32? in
            if let id = t.ids[name] { return id }
            guard let zone = TimeZone(identifier: name) else { return nil }
            t.names.append(name)
            t.zones.append(zone)
            let id = Int32(t.names.count)
            t.ids[name] = id
            return id
        }
    }

    static func name(of id: Int32) -> String {
        table.withLock { t in id >= 1 && Int(id) <= t.names.count ? t.names[Int(id) - 1] : "UTC" }
    }

    static func offset(of id: Int32, atEpochSecond second: Int64) -> Int32 {
        guard let zone = table.withLock({ t in id >= 1 && Int(id) <= t.zones.count ? t.zones[Int(id) - 1] : nil }) else { return 0 }
        // Far from now the tz database has no more to say than its first or last rule.
        let clamped = min(max(second, -10_000_000_000_000), 10_000_000_000_000)
        return Int32(zone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(clamped))))
    }
}
