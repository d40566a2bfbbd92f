/// Reads what `ByteWriter` wrote, checking every length against what is left, so that damaged
/// or hostile input ends in an error, never a trap.
struct ByteReader {
    let bytes: [UInt8]
    private(set) var position: Int
    let end: Int
    /// Lists nested deeper than this are refused (no stored value needs more).
    static let maximumDepth = 64

    /// Thrown when the bytes run out or hold something impossible; the caller names the file.
    struct Malformed: Error {
        let what: String
    }

    init(_ bytes: [UInt8], from start: Int = 0, to end: Int? = nil) {
        self.bytes = bytes
        position = start
        self.end = end ?? bytes.count
    }

    var remaining: Int { end - position }
    var atEnd: Bool { position >= end }

    mutating func take(_ n: Int) throws(Malformed) -> Range<Int> {
        guard n >= 0, n <= remaining else { throw Malformed(what: "truncated data") }
        defer { position += n }
        return position..<(position + n)
    }

    mutating func u8() throws(Malformed) -> UInt8 { bytes[try take(1).lowerBound] }

    mutating func u32() throws(Malformed) -> UInt32 {
        let r = try take(4)
        return bytes.withUnsafeBytes { UInt32(littleEndian: $0.loadUnaligned(fromByteOffset: r.lowerBound, as: UInt32.self)) }
    }

    mutating func u64() throws(Malformed) -> UInt64 {
        let r = try take(8)
        return bytes.withUnsafeBytes { UInt64(littleEndian: $0.loadUnaligned(fromByteOffset: r.lowerBound, as: UInt64.self)) }
    }

    mutating func i32() throws(Malformed) -> Int32 { Int32(bitPattern: try u32()) }

    mutating func i64() throws(Malformed) -> Int64 { Int64(bitPattern: try u64()) }

    /// A non-negative count or size that fits what is left to read, at `unit` bytes per element.
    mutating func count(unit: Int = 1) throws(Malformed) -> Int {
        let n = try i64()
        guard n >= 0, n <= Int64(remaining / max(unit, 1)) else { throw Malformed(what: "a count of \(n) does not fit the data") }
        return Int(n)
    }

    /// An id or size that must lie in `range`.
    mutating func int(in range: ClosedRange<Int>) throws(Malformed) -> Int {
        let n = try i64()
        guard n >= Int64(range.lowerBound), n <= Int64(range.upperBound) else { throw Malformed(what: "\(n) is out of range") }
        return Int(n)
    }

    mutating func string() throws(Malformed) -> String {
        let n = Int(try u32())
        let r = try take(n)
        guard let s = String(validating: bytes[r], as: UTF8.self) else { throw Malformed(what: "a string is not valid UTF-8") }
        return s
    }

    mutating func value(depth: Int = 0) throws(Malformed) -> Value {
        guard depth < Self.maximumDepth else { throw Malformed(what: "a value is nested too deeply") }
        guard let tag = ValueTag(rawValue: try u8()) else { throw Malformed(what: "unknown value tag") }
        switch tag {
        case .null: return .null
        case .isFalse: return .bool(false)
        case .isTrue: return .bool(true)
        case .integer: return .int(try i64())
        case .float: return .float(Double(bitPattern: try u64()))
        case .string: return .string(try string())
        case .date: return .date(DateValue(days: try i64()))
        case .point:
            guard let crs = PointValue.CRS(rawValue: try u8()) else { throw Malformed(what: "a point's coordinate system is unknown") }
            let x = Double(bitPattern: try u64()), y = Double(bitPattern: try u64()), z = Double(bitPattern: try u64())
            return .point(PointValue(crs: crs, x: x, y: y, z: z))
        case .partialDate:
            let days = try i64()
            guard let precision = DatePrecision(rawValue: try u8()), precision != .day,
                  DateValue(days: days).known(to: precision).days == days else { throw Malformed(what: "a partial date is not the first day of its month or year") }
            return .date(DateValue(days: days, precision: precision))
        case .duration:
            let months = try i64(), days = try i64(), seconds = try i64(), nanoseconds = try i64()
            guard (0..<1_000_000_000).contains(nanoseconds) else { throw Malformed(what: "a duration's nanoseconds are out of range") }
            return .duration(DurationValue(months: months, days: days, seconds: seconds, nanoseconds: nanoseconds))
        case .localTime:
            guard let t = LocalTimeValue(nanosecondOfDay: try i64()) else { throw Malformed(what: "a local time is out of range") }
            return .localTime(t)
        case .localDateTime:
            let days = try i64()
            guard let t = LocalTimeValue(nanosecondOfDay: try i64()) else { throw Malformed(what: "a local date-time's time is out of range") }
            return .localDateTime(LocalDateTimeValue(date: DateValue(days: days), time: t))
        case .time:
            guard let t = LocalTimeValue(nanosecondOfDay: try i64()) else { throw Malformed(what: "a time is out of range") }
            let offset = try i32()
            guard abs(offset) <= 18 * 3600 else { throw Malformed(what: "a time's offset is out of range") }
            return .time(TimeValue(time: t, offset: offset))
        case .dateTime:
            let days = try i64()
            guard let t = LocalTimeValue(nanosecondOfDay: try i64()) else { throw Malformed(what: "a date-time's time is out of range") }
            let offset = try i32()
            guard abs(offset) <= 18 * 3600 else { throw Malformed(what: "a date-time's offset is out of range") }
            let regionName = try string()
            let local = LocalDateTimeValue(date: DateValue(days: days), time: t)
            if regionName.isEmpty { return .dateTime(DateTimeValue(local: local, zone: .offset(offset))) }
            guard let zone = TemporalZone(text: regionName), case .region = zone else {
                throw Malformed(what: "a date-time names the time zone '\(regionName)', which this machine's tz database does not know")
            }
            return .dateTime(DateTimeValue(local: local, zone: zone, preferring: offset))
        case .list:
            let n = Int(try u32())
            guard n <= remaining else { throw Malformed(what: "a list is longer than the data") }
            var items: [Value] = []
            items.reserveCapacity(n)
            for _ in 0..<n { items.append(try value(depth: depth + 1)) }
            return .list(items)
        case .map:
            let n = Int(try u32())
            guard n <= remaining else { throw Malformed(what: "a map is longer than the data") }
            var entries: [String: Value] = [:]
            for _ in 0..<n {
                let key = try string()
                entries[key] = try value(depth: depth + 1)
            }
            return .map(entries)
        case .node: return .node(try i32())
        case .relationship: return .relationship(try i32())
        case .path:
            let n = Int(try u32())
            guard n < remaining / 8 else { throw Malformed(what: "a path is longer than the data") }
            var nodes: [NodeID] = [], rels: [RelID] = []
            for _ in 0...n { nodes.append(try i32()) }
            for _ in 0..<n { rels.append(try i32()) }
            return .path(PathValue(nodes: nodes, relationships: rels))
        }
    }
}
