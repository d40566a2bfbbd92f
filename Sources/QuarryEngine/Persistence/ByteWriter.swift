/// Little-endian encoding of the scalars, strings and values that graph files and journal
/// records are made of.
struct ByteWriter {
    /// The bytes written, then zeros: the buffer grows by doubling, and scalars are stored into
    /// it in place (appending them byte by byte cost a journaled write statement a tenth of its time).
    private var buffer: [UInt8]
    private(set) var count = 0

    init(capacity: Int = 0) { buffer = [UInt8](repeating: 0, count: capacity) }

    /// The bytes written (a copy when the buffer has room left; `withBytes` reads them in place).
    var bytes: [UInt8] { count == buffer.count ? buffer : Array(buffer[..<count]) }

    func withBytes<R, E: Error>(_ body: (UnsafeRawBufferPointer) throws(E) -> R) throws(E) -> R {
        let result: Result<R, E> = buffer.withUnsafeBytes { raw in
            do throws(E) { return .success(try body(UnsafeRawBufferPointer(rebasing: raw[..<count]))) } catch { return .failure(error) }
        }
        return try result.get()
    }

    @inline(__always)
    private mutating func reserve(_ n: Int) {
        if count + n > buffer.count {
            buffer.append(contentsOf: repeatElement(0, count: max(count + n, 2 * buffer.count, 256) - buffer.count))
        }
    }

    /// Room for `size` bytes, checked once, filled by `body` (a change's fixed-size fields).
    @inline(__always)
    mutating func fields(_ size: Int, _ body: (inout FieldWriter) -> Void) {
        reserve(size)
        let at = count
        buffer.withUnsafeMutableBytes { raw in
            var fields = FieldWriter(base: raw.baseAddress.unsafelyUnwrapped + at)
            body(&fields)
            assert(fields.offset == size, "fields written do not match the room taken")
        }
        count += size
    }

    @inline(__always)
    private mutating func store<T: FixedWidthInteger>(_ x: T) {
        fields(MemoryLayout<T>.size) { $0.put(x) }
    }

    mutating func u8(_ x: UInt8) { store(x) }

    mutating func u32(_ x: UInt32) { store(x) }

    mutating func u64(_ x: UInt64) { store(x) }

    mutating func i32(_ x: Int32) { store(x) }

    mutating func i64(_ x: Int64) { store(x) }

    mutating func int(_ x: Int) { i64(Int64(x)) }

    mutating func string(_ s: String) {
        var s = s
        s.withUTF8 { utf8 in
            u32(UInt32(utf8.count))
            raw(UnsafeRawBufferPointer(utf8))
        }
    }

    mutating func raw(_ data: [UInt8]) { data.withUnsafeBytes { raw($0) } }

    mutating func raw(_ data: UnsafeRawBufferPointer) {
        guard data.count > 0 else { return }
        reserve(data.count)
        let at = count
        buffer.withUnsafeMutableBytes { UnsafeMutableRawBufferPointer(rebasing: $0[at..<at + data.count]).copyMemory(from: data) }
        count += data.count
    }

    mutating func value(_ v: Value) {
        switch v {
        case .null: u8(ValueTag.null.rawValue)
        case .bool(let b): u8(b ? ValueTag.isTrue.rawValue : ValueTag.isFalse.rawValue)
        case .int(let x): fields(9) { $0.put(ValueTag.integer.rawValue); $0.put(x) }
        case .float(let d): fields(9) { $0.put(ValueTag.float.rawValue); $0.put(d.bitPattern) }
        case .string(let s): u8(ValueTag.string.rawValue); string(s)
        case .date(let d) where d.precision == .day: u8(ValueTag.date.rawValue); i64(d.days)
        case .date(let d): fields(10) { $0.put(ValueTag.partialDate.rawValue); $0.put(d.days); $0.put(d.precision.rawValue) }
        case .duration(let d):
            fields(33) { $0.put(ValueTag.duration.rawValue); $0.put(d.months); $0.put(d.days); $0.put(d.seconds); $0.put(d.nanoseconds) }
        case .localTime(let t): fields(9) { $0.put(ValueTag.localTime.rawValue); $0.put(t.nanosecondOfDay) }
        case .localDateTime(let t): fields(17) { $0.put(ValueTag.localDateTime.rawValue); $0.put(t.date.days); $0.put(t.time.nanosecondOfDay) }
        case .time(let t): fields(13) { $0.put(ValueTag.time.rawValue); $0.put(t.time.nanosecondOfDay); $0.put(t.offset) }
        case .point(let p):
            fields(26) { $0.put(ValueTag.point.rawValue); $0.put(p.crs.rawValue); $0.put(p.x.bitPattern); $0.put(p.y.bitPattern); $0.put(p.z.bitPattern) }
        case .dateTime(let t):
            fields(21) { $0.put(ValueTag.dateTime.rawValue); $0.put(t.local.date.days); $0.put(t.local.time.nanosecondOfDay); $0.put(t.offset) }
            // The region by name: its number is only this process's.
            string(t.region == 0 ? "" : t.zone.name)
        case .list(let items):
            u8(ValueTag.list.rawValue)
            u32(UInt32(items.count))
            for item in items { value(item) }
        case .map(let entries):
            u8(ValueTag.map.rawValue)
            u32(UInt32(entries.count))
            for key in entries.keys.sorted() {
                string(key)
                value(entries[key] ?? .null)
            }
        case .node(let n): u8(ValueTag.node.rawValue); i32(n)
        case .relationship(let r): u8(ValueTag.relationship.rawValue); i32(r)
        case .path(let p):
            u8(ValueTag.path.rawValue)
            u32(UInt32(p.relationships.count))
            for n in p.nodes { i32(n) }
            for r in p.relationships { i32(r) }
        }
    }
}

/// Stores little-endian scalars one after another into room a `ByteWriter` has made.
struct FieldWriter {
    let base: UnsafeMutableRawPointer
    private(set) var offset = 0

    init(base: UnsafeMutableRawPointer) { self.base = base }

    @inline(__always)
    mutating func put<T: FixedWidthInteger>(_ x: T) {
        base.storeBytes(of: x.littleEndian, toByteOffset: offset, as: T.self)
        offset += MemoryLayout<T>.size
    }
}

/// The first byte of an encoded value.
enum ValueTag: UInt8 {
    case null = 0, isFalse, isTrue, integer, float, string, date, list, map, node, relationship, path, duration, localTime, localDateTime, time, dateTime, partialDate, point
}
