import Foundation

/// Decodes an Arrow IPC stream (what Spark Connect sends in each `ArrowBatch`: a schema message,
/// record batches, an end marker) into rows of Quarry values. Integers become integers, floats and
/// decimals floats, text text, dates dates, timestamps date-times at UTC, lists lists, structs and
/// maps maps. Every offset and length is checked against the bytes.
public enum ArrowStreamReader {
    struct Field {
        let name: String
        let type: UInt8
        let typeTable: FlatBufferTable?
        let children: [Field]
    }

    /// The column names and rows of one stream.
    public static func read(_ data: [UInt8]) throws(QueryError) -> (columns: [String], rows: [[Value]]) {
        do {
            return try decode(data)
        } catch {
            throw QueryError(.runtimeError, "SparkResult", "Spark's result could not be read: \(error.reason)")
        }
    }

    static func decode(_ data: [UInt8]) throws(ArrowError) -> (columns: [String], rows: [[Value]]) {
        var at = 0
        var fields: [Field]?
        var rows: [[Value]] = []
        while at + 4 <= data.count {
            var size = try FlatBufferTable.u32(data, at)
            at += 4
            if size == 0xFFFF_FFFF {
                size = try FlatBufferTable.u32(data, at)
                at += 4
            }
            if size == 0 { break }
            guard at + size <= data.count else { throw ArrowError("a message runs past the stream") }
            let message = try FlatBufferTable(root: Array(data[at..<(at + size)]))
            at += size
            let bodyLength = Int(try message.i64(3))
            guard bodyLength >= 0, at + bodyLength <= data.count else { throw ArrowError("a message body runs past the stream") }
            let body = data[at..<(at + bodyLength)]
            at += bodyLength
            guard let header = try message.table(2) else { throw ArrowError("a message has no header") }
            switch try message.u8(1) {
            case 1:
                fields = try header.tables(1).map { t throws(ArrowError) in try field(t) }
            case 3:
                guard let fields else { throw ArrowError("a record batch comes before the schema") }
                rows += try batch(header, Array(body), fields)
            case 2:
                throw ArrowError("dictionary-encoded columns are not read")
            default:
                throw ArrowError("a message of an unknown kind")
            }
        }
        return (fields?.map(\.name) ?? [], rows)
    }

    static func field(_ t: FlatBufferTable) throws(ArrowError) -> Field {
        Field(name: try t.string(0) ?? "", type: try t.u8(2), typeTable: try t.table(3),
              children: try t.tables(5).map { c throws(ArrowError) in try field(c) })
    }

    /// The rows of one record batch.
    static func batch(_ header: FlatBufferTable, _ body: [UInt8], _ fields: [Field]) throws(ArrowError) -> [[Value]] {
        if try header.table(3) != nil { throw ArrowError("compressed record batches are not read") }
        // A slot costs at least a bit of body, but for columns of nulls: a damaged length must not
        // make room for billions of values.
        let limit = max(8 * body.count, 1 << 20)
        let length = Int(try header.i64(0))
        guard length >= 0, length <= limit else { throw ArrowError("a batch's length is out of range") }
        let nodes = try header.vector(1, elementSize: 16)
        let buffers = try header.vector(2, elementSize: 16)
        var cursor = Cursor(metadata: header.bytes, nodes: nodes, buffers: buffers, body: body, limit: limit)
        var columns: [[Value]] = []
        for f in fields { columns.append(try cursor.column(f)) }
        guard length >= 0, columns.allSatisfy({ $0.count == length }) else { throw ArrowError("a column's length differs from its batch's") }
        return (0..<length).map { i in columns.map { $0[i] } }
    }

    /// Walks a batch's field nodes and buffers in the order the columns use them.
    struct Cursor {
        let metadata: [UInt8]
        let nodes: (start: Int, count: Int)
        let buffers: (start: Int, count: Int)
        let body: [UInt8]
        let limit: Int
        var nextNode = 0
        var nextBuffer = 0

        mutating func node() throws(ArrowError) -> (length: Int, nulls: Int) {
            guard nextNode < nodes.count else { throw ArrowError("a batch has fewer field nodes than its schema needs") }
            let at = nodes.start + 16 * nextNode
            nextNode += 1
            let length = try FlatBufferTable.i64(metadata, at), nulls = try FlatBufferTable.i64(metadata, at + 8)
            guard length >= 0, length <= Int64(limit), nulls >= 0 else { throw ArrowError("a field node's length is out of range") }
            return (Int(length), Int(nulls))
        }

        mutating func buffer() throws(ArrowError) -> ArraySlice<UInt8> {
            guard nextBuffer < buffers.count else { throw ArrowError("a batch has fewer buffers than its schema needs") }
            let at = buffers.start + 16 * nextBuffer
            nextBuffer += 1
            let offset = try FlatBufferTable.i64(metadata, at), length = try FlatBufferTable.i64(metadata, at + 8)
            guard offset >= 0, length >= 0, offset + length <= Int64(body.count) else { throw ArrowError("a buffer lies outside the batch") }
            return body[Int(offset)..<Int(offset + length)]
        }

        /// The validity of each of `length` slots (true: a value).
        mutating func validity(_ length: Int, nulls: Int) throws(ArrowError) -> [Bool] {
            let bits = try buffer()
            if bits.isEmpty || nulls == 0 { return Array(repeating: true, count: length) }
            guard bits.count * 8 >= length else { throw ArrowError("a validity buffer is too short") }
            let base = bits.startIndex
            return (0..<length).map { bits[base + $0 / 8] & (1 << ($0 % 8)) != 0 }
        }

        static func little(_ b: ArraySlice<UInt8>, _ at: Int, _ width: Int) -> UInt64 {
            var v: UInt64 = 0
            for k in 0..<width { v |= UInt64(b[b.startIndex + at + k]) << (8 * k) }
            return v
        }

        /// Fixed-width values: `width` bytes each.
        mutating func fixed(_ width: Int, _ make: (UInt64) -> Value) throws(ArrowError) -> [Value] {
            let (length, nulls) = try node()
            let valid = try validity(length, nulls: nulls)
            let data = try buffer()
            guard data.count >= length * width else { throw ArrowError("a data buffer is too short") }
            return (0..<length).map { valid[$0] ? make(Self.little(data, $0 * width, width)) : .null }
        }

        /// Offsets into a child or a byte buffer: `length + 1` of them.
        mutating func offsets(_ length: Int, wide: Bool) throws(ArrowError) -> [Int] {
            let data = try buffer()
            let width = wide ? 8 : 4
            guard data.count >= (length + 1) * width else { throw ArrowError("an offsets buffer is too short") }
            let out = (0...length).map { i -> Int in
                let raw = Self.little(data, i * width, width)
                return wide ? Int(truncatingIfNeeded: Int64(bitPattern: raw)) : Int(Int32(truncatingIfNeeded: raw))
            }
            guard zip(out, out.dropFirst()).allSatisfy({ $0 <= $1 }), out.first.map({ $0 >= 0 }) ?? true else { throw ArrowError("offsets go backwards") }
            return out
        }

        mutating func column(_ f: Field) throws(ArrowError) -> [Value] {
            let t = f.typeTable
            switch f.type {
            case 1: // Null: a node, no buffers
                return Array(repeating: .null, count: try node().length)
            case 2: // Int
                let bits = try t?.i32(0) ?? 0, signed = try t?.u8(1) ?? 0 != 0
                guard [8, 16, 32, 64].contains(bits) else { throw ArrowError("an integer \(bits) bits wide") }
                let width = bits / 8
                return try fixed(width) { raw in
                    if signed {
                        let shift = UInt64(64 - bits)
                        return .int(Int64(bitPattern: raw << shift) >> Int64(shift))
                    }
                    return raw > UInt64(Int64.max) ? .float(Double(raw)) : .int(Int64(raw))
                }
            case 3: // FloatingPoint: HALF, SINGLE, DOUBLE
                switch try t?.i16(0) ?? 2 {
                case 1: return try fixed(4) { .float(Double(Float(bitPattern: UInt32(truncatingIfNeeded: $0)))) }
                case 2: return try fixed(8) { .float(Double(bitPattern: $0)) }
                default: throw ArrowError("half-precision floats are not read")
                }
            case 4, 5, 19, 20: // Binary, Utf8, LargeBinary, LargeUtf8
                let (length, nulls) = try node()
                let valid = try validity(length, nulls: nulls)
                let offsets = try offsets(length, wide: f.type >= 19)
                let data = try buffer()
                guard (offsets.last ?? 0) <= data.count else { throw ArrowError("a text buffer is too short") }
                let text = f.type == 5 || f.type == 20
                return (0..<length).map { i in
                    guard valid[i] else { return .null }
                    let bytes = data[(data.startIndex + offsets[i])..<(data.startIndex + offsets[i + 1])]
                    return .string(text ? String(decoding: bytes, as: UTF8.self) : bytes.map { String(format: "%02x", $0) }.joined())
                }
            case 6: // Bool: bits
                let (length, nulls) = try node()
                let valid = try validity(length, nulls: nulls)
                let bits = try buffer()
                guard bits.count * 8 >= length else { throw ArrowError("a boolean buffer is too short") }
                return (0..<length).map { valid[$0] ? .bool(bits[bits.startIndex + $0 / 8] & (1 << ($0 % 8)) != 0) : .null }
            case 7: // Decimal (128 bits): as a float
                let scale = try t?.i32(1) ?? 0, bits = try t?.i32(2, default: 128) ?? 128
                guard bits == 128 else { throw ArrowError("a decimal \(bits) bits wide") }
                let (length, nulls) = try node()
                let valid = try validity(length, nulls: nulls)
                let data = try buffer()
                guard data.count >= length * 16 else { throw ArrowError("a decimal buffer is too short") }
                let divisor = pow(10.0, Double(scale))
                return (0..<length).map { i in
                    guard valid[i] else { return .null }
                    let low = Self.little(data, 16 * i, 8), high = Int64(bitPattern: Self.little(data, 16 * i + 8, 8))
                    return .float((Double(high) * 18_446_744_073_709_551_616.0 + Double(low)) / divisor)
                }
            case 8: // Date: DAY (32 bits) or MILLISECOND (64 bits)
                if try t?.i16(0, default: 1) ?? 1 == 0 {
                    return try fixed(4) { .date(DateValue(days: Int64(Int32(truncatingIfNeeded: $0)))) }
                }
                return try fixed(8) { .date(DateValue(days: Self.floorDivide(Int64(bitPattern: $0), 86_400_000))) }
            case 10: // Timestamp: SECOND, MILLISECOND, MICROSECOND, NANOSECOND
                let perSecond: Int64 = [1, 1_000, 1_000_000, 1_000_000_000][min(max(try t?.i16(0) ?? 0, 0), 3)]
                let zoned = try t?.string(1) != nil
                return try fixed(8) { raw in
                    let ticks = Int64(bitPattern: raw)
                    let second = Self.floorDivide(ticks, perSecond)
                    let nanosecond = (ticks - second * perSecond) * (1_000_000_000 / perSecond)
                    if zoned { return .dateTime(DateTimeValue(epochSecond: second, nanosecond: nanosecond, zone: .offset(0))) }
                    return .localDateTime(LocalDateTimeValue(epochSecond: second, nanosecond: nanosecond))
                }
            case 12, 21, 17: // List, LargeList, Map (a list of key/value structs)
                let (length, nulls) = try node()
                let valid = try validity(length, nulls: nulls)
                let offsets = try offsets(length, wide: f.type == 21)
                guard let child = f.children.first else { throw ArrowError("a list without its item field") }
                let items = try column(child)
                guard (offsets.last ?? 0) <= items.count else { throw ArrowError("a list's offsets run past its items") }
                return (0..<length).map { i in
                    guard valid[i] else { return .null }
                    let slice = Array(items[offsets[i]..<offsets[i + 1]])
                    guard f.type == 17 else { return .list(slice) }
                    var map: [String: Value] = [:]
                    for entry in slice {
                        if case .map(let kv) = entry, let key = kv[child.children.first?.name ?? "key"] {
                            map[Self.text(key)] = kv[child.children.dropFirst().first?.name ?? "value"] ?? .null
                        }
                    }
                    return .map(map)
                }
            case 13: // Struct
                let (length, nulls) = try node()
                let valid = try validity(length, nulls: nulls)
                var columns: [(String, [Value])] = []
                for c in f.children { columns.append((c.name, try column(c))) }
                guard columns.allSatisfy({ $0.1.count >= length }) else { throw ArrowError("a struct's field is shorter than the struct") }
                return (0..<length).map { i in
                    valid[i] ? .map(Dictionary(columns.map { ($0.0, $0.1[i]) }, uniquingKeysWith: { first, _ in first })) : .null
                }
            default:
                throw ArrowError("a column of Arrow type \(f.type) (\(f.name)) is not read")
            }
        }

        static func text(_ v: Value) -> String {
            if case .string(let s) = v { return s }
            return v.literalText
        }

        static func floorDivide(_ a: Int64, _ b: Int64) -> Int64 {
            let q = a / b
            return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
        }
    }
}
