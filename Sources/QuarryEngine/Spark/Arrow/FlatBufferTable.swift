import Foundation

/// Reads the FlatBuffers tables of Arrow's IPC metadata (`Message.fbs`, `Schema.fbs`): a table is
/// a position in the buffer whose vtable says where each field is. Every read is bounds-checked;
/// a malformed buffer is an `ArrowError`, never a trap.
struct FlatBufferTable {
    let bytes: [UInt8]
    let position: Int

    /// The root table of a FlatBuffer.
    init(root bytes: [UInt8]) throws(ArrowError) {
        self.bytes = bytes
        position = try Self.u32(bytes, 0)
        guard position < bytes.count else { throw ArrowError("the metadata's root is outside it") }
    }

    private init(_ bytes: [UInt8], at position: Int) {
        self.bytes = bytes
        self.position = position
    }

    static func u32(_ b: [UInt8], _ at: Int) throws(ArrowError) -> Int {
        guard at >= 0, at + 4 <= b.count else { throw ArrowError("the metadata ends early") }
        return Int(b[at]) | Int(b[at + 1]) << 8 | Int(b[at + 2]) << 16 | Int(b[at + 3]) << 24
    }

    static func i64(_ b: [UInt8], _ at: Int) throws(ArrowError) -> Int64 {
        guard at >= 0, at + 8 <= b.count else { throw ArrowError("the metadata ends early") }
        var v: UInt64 = 0
        for k in 0..<8 { v |= UInt64(b[at + k]) << (8 * k) }
        return Int64(bitPattern: v)
    }

    /// Where field `index` is, or nil when the table leaves it out (its default).
    func fieldPosition(_ index: Int) throws(ArrowError) -> Int? {
        let soffset = Int32(truncatingIfNeeded: try Self.u32(bytes, position))
        let vtable = position - Int(soffset)
        guard vtable >= 0, vtable + 4 <= bytes.count else { throw ArrowError("a metadata table's vtable is outside it") }
        let vtableSize = Int(bytes[vtable]) | Int(bytes[vtable + 1]) << 8
        let entry = 4 + 2 * index
        guard entry + 2 <= vtableSize, vtable + entry + 2 <= bytes.count else { return nil }
        let offset = Int(bytes[vtable + entry]) | Int(bytes[vtable + entry + 1]) << 8
        return offset == 0 ? nil : position + offset
    }

    func u8(_ index: Int, default d: UInt8 = 0) throws(ArrowError) -> UInt8 {
        guard let at = try fieldPosition(index) else { return d }
        guard at < bytes.count else { throw ArrowError("the metadata ends early") }
        return bytes[at]
    }

    func i16(_ index: Int, default d: Int = 0) throws(ArrowError) -> Int {
        guard let at = try fieldPosition(index) else { return d }
        guard at + 2 <= bytes.count else { throw ArrowError("the metadata ends early") }
        return Int(Int16(bitPattern: UInt16(bytes[at]) | UInt16(bytes[at + 1]) << 8))
    }

    func i32(_ index: Int, default d: Int = 0) throws(ArrowError) -> Int {
        guard let at = try fieldPosition(index) else { return d }
        return Int(Int32(truncatingIfNeeded: try Self.u32(bytes, at)))
    }

    func i64(_ index: Int, default d: Int64 = 0) throws(ArrowError) -> Int64 {
        guard let at = try fieldPosition(index) else { return d }
        return try Self.i64(bytes, at)
    }

    /// The table field `index` points to.
    func table(_ index: Int) throws(ArrowError) -> FlatBufferTable? {
        guard let at = try fieldPosition(index) else { return nil }
        let target = at + (try Self.u32(bytes, at))
        guard target < bytes.count else { throw ArrowError("a metadata table points outside it") }
        return FlatBufferTable(bytes, at: target)
    }

    /// The string field `index` points to.
    func string(_ index: Int) throws(ArrowError) -> String? {
        guard let at = try fieldPosition(index) else { return nil }
        let start = at + (try Self.u32(bytes, at))
        let count = try Self.u32(bytes, start)
        guard start + 4 + count <= bytes.count else { throw ArrowError("a metadata string runs past it") }
        return String(decoding: bytes[(start + 4)..<(start + 4 + count)], as: UTF8.self)
    }

    /// The vector field `index` points to: where its elements start, and how many there are.
    func vector(_ index: Int, elementSize: Int) throws(ArrowError) -> (start: Int, count: Int) {
        guard let at = try fieldPosition(index) else { return (0, 0) }
        let start = at + (try Self.u32(bytes, at))
        let count = try Self.u32(bytes, start)
        guard start + 4 + count * elementSize <= bytes.count else { throw ArrowError("a metadata vector runs past it") }
        return (start + 4, count)
    }

    /// The tables of a vector of tables.
    func tables(_ index: Int) throws(ArrowError) -> [FlatBufferTable] {
        let (start, count) = try vector(index, elementSize: 4)
        var out: [FlatBufferTable] = []
        for k in 0..<count {
            let at = start + 4 * k
            let target = at + (try Self.u32(bytes, at))
            guard target < bytes.count else { throw ArrowError("a metadata table points outside it") }
            out.append(FlatBufferTable(bytes, at: target))
        }
        return out
    }
}

/// A malformed or unsupported Arrow stream.
struct ArrowError: Error {
    let reason: String
    init(_ reason: String) { self.reason = reason }
}
