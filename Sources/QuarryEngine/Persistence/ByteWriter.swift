/// Little-endian encoding of the scalars, strings and values that graph files and journal
/// records are made of.
struct ByteWriter {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int = 0) { bytes.reserveCapacity(capacity) }

    var count: Int { bytes.count }

    mutating func u8(_ x: UInt8) { bytes.append(x) }

    mutating func u32(_ x: UInt32) { withUnsafeBytes(of: x.littleEndian) { bytes.append(contentsOf: $0) } }

    mutating func u64(_ x: UInt64) { withUnsafeBytes(of: x.littleEndian) { bytes.append(contentsOf: $0) } }

    mutating func i32(_ x: Int32) { u32(UInt32(bitPattern: x)) }

    mutating func i64(_ x: Int64) { u64(UInt64(bitPattern: x)) }

    mutating func int(_ x: Int) { i64(Int64(x)) }

    mutating func string(_ s: String) {
        var s = s
        s.withUTF8 { utf8 in
            u32(UInt32(utf8.count))
            bytes.append(contentsOf: utf8)
        }
    }

    mutating func raw(_ data: [UInt8]) { bytes.append(contentsOf: data) }

    /// Zero bytes up to the next multiple of `alignment`.
    mutating func pad(to alignment: Int) {
        while bytes.count % alignment != 0 { bytes.append(0) }
    }

    /// Overwrites eight bytes already written (a length or checksum known only afterwards).
    mutating func patchU64(at offset: Int, _ x: UInt64) {
        withUnsafeBytes(of: x.littleEndian) { for (i, b) in $0.enumerated() { bytes[offset + i] = b } }
    }

    mutating func value(_ v: Value) {
        switch v {
        case .null: u8(ValueTag.null.rawValue)
        case .bool(let b): u8(b ? ValueTag.isTrue.rawValue : ValueTag.isFalse.rawValue)
        case .int(let x): u8(ValueTag.integer.rawValue); i64(x)
        case .float(let d): u8(ValueTag.float.rawValue); u64(d.bitPattern)
        case .string(let s): u8(ValueTag.string.rawValue); string(s)
        case .date(let d): u8(ValueTag.date.rawValue); i64(d.days)
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

/// The first byte of an encoded value.
enum ValueTag: UInt8 {
    case null = 0, isFalse, isTrue, integer, float, string, date, list, map, node, relationship, path
}
