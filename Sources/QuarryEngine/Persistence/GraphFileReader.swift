import Glibc

/// Reads a graph file: the header, the section table, then each section straight into the array
/// the graph keeps, each checked against its checksum; the result passes the structural checks
/// of `GraphIntegrity` before anyone reads it.
struct GraphFileReader {
    private let file: FileDescriptor
    private var table: [GraphFileFormat.Entry] = []
    private var next = 0

    private init(file: FileDescriptor) { self.file = file }

    static func load(_ path: String) throws(QueryError) -> (Graph, GraphFileFormat.Identity) {
        let file = try FileDescriptor.open(path, flags: O_RDONLY, action: "cannot open")
        return try load(file)
    }

    static func load(_ file: FileDescriptor) throws(QueryError) -> (Graph, GraphFileFormat.Identity) {
        var reader = GraphFileReader(file: file)
        let identity = try reader.readHeader()
        return (try reader.readGraph(), identity)
    }

    /// The header alone: whether a file is a graph file and which one.
    static func identity(of path: String) throws(QueryError) -> GraphFileFormat.Identity {
        let file = try FileDescriptor.open(path, flags: O_RDONLY, action: "cannot open")
        var reader = GraphFileReader(file: file)
        return try reader.readHeader()
    }

    private mutating func readHeader() throws(QueryError) -> GraphFileFormat.Identity {
        let path = file.path
        var header = [UInt8](repeating: 0, count: GraphFileFormat.headerSize)
        let complete = try header.withUnsafeMutableBytes { raw in catching { () throws(QueryError) in try file.read(into: raw, at: 0) } }.get()
        guard Array(header[0..<8]) == GraphFileFormat.magic else { throw .notGraphFile(path) }
        guard complete else { throw .damagedFile(path, "the header is cut short (\(try file.size()) bytes)") }
        let fields = try parse(header, "the header") { (r) throws(ByteReader.Malformed) in
            _ = try r.take(8)
            return (version: try r.u32(), order: try r.u32(), fileID: Array(header[try r.take(16)]), sequence: try r.u64(),
                    tableOffset: try r.i64(), count: try r.i64(), checksum: try r.u64())
        }
        guard fields.version <= GraphFileFormat.version else { throw .futureGraphFile(path, version: fields.version) }
        guard fields.order == GraphFileFormat.byteOrderMark else { throw .damagedFile(path, "written on a machine of the other byte order") }
        guard XXHash64.hash(Array(header[0..<56])) == fields.checksum else { throw .damagedFile(path, "the header's checksum does not match") }
        try readTable(offset: fields.tableOffset, count: fields.count)
        return GraphFileFormat.Identity(fileID: fields.fileID, sequence: fields.sequence)
    }

    private func parse<T>(_ bytes: [UInt8], _ what: String, _ body: (inout ByteReader) throws(ByteReader.Malformed) -> T) throws(QueryError) -> T {
        var r = ByteReader(bytes)
        do {
            return try body(&r)
        } catch {
            throw .damagedFile(file.path, "\(what) is damaged (\(error.what))")
        }
    }

    private mutating func readTable(offset: Int64, count: Int64) throws(QueryError) {
        let path = file.path
        let size = try file.size()
        let entrySize = GraphFileFormat.tableEntrySize
        guard offset >= Int64(GraphFileFormat.headerSize), count >= 0, count < Int64(size / entrySize),
              offset + count * Int64(entrySize) + 8 == Int64(size) else {
            throw .damagedFile(path, "the section table is missing or cut short (the file has \(size) bytes)")
        }
        let bytes = try file.readAll(from: Int(offset))
        let tableEnd = Int(count) * entrySize
        let stored = try parse(bytes, "the section table") { (r) throws(ByteReader.Malformed) in
            _ = try r.take(tableEnd)
            return try r.u64()
        }
        guard XXHash64.hash(Array(bytes[0..<tableEnd])) == stored else { throw .damagedFile(path, "the section table's checksum does not match") }
        let raw = try parse(bytes, "the section table") { (r) throws(ByteReader.Malformed) in
            var rows: [(UInt32, Int, Int, Int, UInt64)] = []
            for _ in 0..<count {
                rows.append((try r.u32(), Int(try r.u32()), try r.int(in: GraphFileFormat.headerSize...Int(offset)),
                             try r.int(in: 0...Int(offset)), try r.u64()))
            }
            return rows
        }
        for (kind, elementSize, start, length, checksum) in raw {
            guard let section = GraphFileFormat.Section(rawValue: kind), elementSize > 0, start + length <= Int(offset) else {
                throw .damagedFile(path, "the section table is damaged (entry \(table.count + 1))")
            }
            table.append(GraphFileFormat.Entry(section: section, elementSize: elementSize, offset: start, length: length, checksum: checksum))
        }
    }

    // MARK: Sections

    private mutating func entry(_ section: GraphFileFormat.Section, elementSize: Int) throws(QueryError) -> GraphFileFormat.Entry {
        guard next < table.count else { throw .damagedFile(file.path, "the \(section.title) section is missing") }
        let e = table[next]
        guard e.section == section, e.elementSize == elementSize, e.length % elementSize == 0 else {
            throw .damagedFile(file.path, "section \(next + 1) holds \(e.section.title) where \(section.title) was expected")
        }
        next += 1
        return e
    }

    private func checksumMismatch(_ e: GraphFileFormat.Entry) -> QueryError {
        .damagedFile(file.path, "section \(next) (\(e.section.title), bytes \(e.offset)..<\(e.offset + e.length)): its checksum does not match")
    }

    mutating func array<T: BitwiseCopyable>(_ section: GraphFileFormat.Section, of: T.Type) throws(QueryError) -> [T] {
        let e = try entry(section, elementSize: MemoryLayout<T>.stride)
        let count = e.length / MemoryLayout<T>.stride
        var outcome: Result<Bool, QueryError> = .success(false)
        let items = [T](unsafeUninitializedCapacity: count) { buffer, initialized in
            let raw = UnsafeMutableRawBufferPointer(buffer)
            outcome = catching { () throws(QueryError) in
                try file.read(into: raw, at: e.offset) && XXHash64.hash(UnsafeRawBufferPointer(raw)) == e.checksum
            }
            initialized = (try? outcome.get()) == true ? count : 0
        }
        guard try outcome.get() else { throw checksumMismatch(e) }
        return items
    }

    mutating func record(_ section: GraphFileFormat.Section) throws(QueryError) -> ByteReader {
        let bytes = try array(section, of: UInt8.self)
        return ByteReader(bytes)
    }

    /// Runs `body` on a record, turning malformed bytes into an error naming the section.
    mutating func decode<T>(_ section: GraphFileFormat.Section, _ body: (inout ByteReader) throws(ByteReader.Malformed) -> T) throws(QueryError) -> T {
        var r = try record(section)
        do throws(ByteReader.Malformed) {
            let value = try body(&r)
            guard r.atEnd else { throw ByteReader.Malformed(what: "\(r.remaining) bytes left over") }
            return value
        } catch {
            throw .damagedFile(file.path, "section \(next) (\(section.title)) is damaged: \(error.what)")
        }
    }

    // MARK: The graph

    private mutating func readGraph() throws(QueryError) -> Graph {
        var g = Graph()
        let path = file.path
        let names = try decode(.names) { (r) throws(ByteReader.Malformed) in
            var lists: [[String]] = []
            for _ in 0..<3 {
                let n = try r.count(unit: 4)
                var list: [String] = []
                for _ in 0..<n { list.append(try r.string()) }
                lists.append(list)
            }
            return lists
        }
        guard let labels = Interner(names: names[0]), let types = Interner(names: names[1]), let keys = Interner(names: names[2]) else {
            throw .damagedFile(path, "a label, type or key name appears twice")
        }
        g.labels = labels
        g.types = types
        g.keys = keys

        let wordLimit = Int(Int32.max) / 64 + 1
        let nodeOffsets: [Int]
        (g.nodeIDLimit, g.nodeCount, g.labelCounts, nodeOffsets) = try decode(.nodes) { (r) throws(ByteReader.Malformed) in
            let limit = try r.int(in: 0...Int(Int32.max)), count = try r.int(in: 0...Int(Int32.max))
            var counts: [Int] = [], offsets: [Int] = []
            for _ in 0..<labels.names.count { counts.append(try r.int(in: 0...Int(Int32.max))) }
            for _ in 0...labels.names.count { offsets.append(try r.int(in: 0...wordLimit)) }
            return (limit, count, counts, offsets)
        }
        g.nodeAlive = Bitset(words: try array(.nodeAlive, of: UInt64.self), offset: nodeOffsets[0])
        g.labelMembers = []
        for l in 0..<labels.names.count {
            g.labelMembers.append(Bitset(words: try array(.labelMembers, of: UInt64.self), offset: nodeOffsets[l + 1]))
        }

        let relLimit: Int, relOffset: Int
        (relLimit, g.relationshipCount, g.typeCounts, relOffset) = try decode(.relationships) { (r) throws(ByteReader.Malformed) in
            let limit = try r.int(in: 0...Int(Int32.max)), count = try r.int(in: 0...Int(Int32.max))
            var counts: [Int] = []
            for _ in 0..<types.names.count { counts.append(try r.int(in: 0...Int(Int32.max))) }
            return (limit, count, counts, try r.int(in: 0...wordLimit))
        }
        g.relType = try relationshipTypes()
        g.relStart = try array(.relationshipStarts, of: NodeID.self)
        g.relEnd = try array(.relationshipEnds, of: NodeID.self)
        guard g.relType.count == relLimit else { throw .damagedFile(path, "the relationship columns do not have \(relLimit) entries") }
        g.relAlive = Bitset(words: try array(.relationshipAlive, of: UInt64.self), offset: relOffset)

        g.nodeProperties = []
        g.relProperties = []
        for _ in 0..<keys.names.count { g.nodeProperties.append(try column()) }
        for _ in 0..<keys.names.count { g.relProperties.append(try column()) }

        let indexes = try decode(.indexes) { (r) throws(ByteReader.Malformed) in
            var list: [(String, Int32, Int32)] = []
            for _ in 0..<(try r.count(unit: 12)) { list.append((try r.string(), try r.i32(), try r.i32())) }
            return list
        }
        guard next == table.count else { throw .damagedFile(path, "\(table.count - next) sections after the last one expected") }
        // The adjacency is not stored: it is rebuilt from the relationship columns, checked first.
        if let problem = GraphIntegrity.problems(in: g, full: false).first { throw .damagedFile(path, problem) }
        g.compact()
        for (name, label, key) in indexes {
            guard label >= 0, Int(label) < labels.names.count, key >= 0, Int(key) < keys.names.count,
                  g.createIndex(name: name, label: labels.name(label), key: keys.name(key)) else {
                throw .damagedFile(path, "the index \(name) is damaged")
            }
        }
        return g
    }

    private mutating func column() throws(QueryError) -> PropertyColumn {
        let (code, base, length, count) = try decode(.columns) { (r) throws(ByteReader.Malformed) in
            (try r.u8(), try r.int(in: 0...Int(Int32.max)), try r.int(in: 0...Int(Int32.max)), try r.int(in: 0...Int(Int32.max)))
        }
        guard let representation = PropertyColumn.Representation(fileCode: code) else {
            throw .damagedFile(file.path, "section \(next) holds an unknown column kind \(code)")
        }
        switch representation {
        case .empty:
            return PropertyColumn()
        case .integers:
            return PropertyColumn(representation: .integers, base: base, length: length, count: count,
                                  integers: try array(.integers, of: Int64.self))
        case .codes:
            let codes = try array(.codes, of: UInt32.self)
            guard let dictionary = StringDictionary(strings: try strings()) else { throw .damagedFile(file.path, "a dictionary string appears twice") }
            return PropertyColumn(representation: .codes, base: base, length: length, count: count, codes: codes, dictionary: dictionary)
        case .heap:
            let heap = StringHeap(bytes: try array(.heapBytes, of: UInt8.self), starts: try array(.heapStarts, of: UInt32.self),
                                  lengths: try array(.heapLengths, of: UInt32.self))
            return PropertyColumn(representation: .heap, base: base, length: length, count: count, heap: heap)
        case .temporal(let kind):
            var words = try array(.integers, of: Int64.self)
            if kind == .dateTime { try numberRegions(&words) }
            return PropertyColumn(representation: representation, base: base, length: length, count: count, words: words)
        case .mixed:
            let values = try decode(.values) { (r) throws(ByteReader.Malformed) in
                var list: [Value] = []
                for _ in 0..<length { list.append(try r.value()) }
                return list
            }
            return PropertyColumn(representation: .mixed, base: base, length: length, count: count, values: values)
        case .sparse:
            let ids = try array(.integers, of: Int64.self)
            let values = try decode(.values) { (r) throws(ByteReader.Malformed) in
                var list: [Value] = []
                for _ in 0..<ids.count { list.append(try r.value()) }
                return list
            }
            var byID: [Int: Value] = [:]
            for (id, v) in zip(ids, values) { byID[Int(id)] = v }
            guard byID.count == ids.count else { throw .damagedFile(file.path, "section \(next - 1): a sparse column names an id twice") }
            return PropertyColumn(representation: .sparse, base: base, length: length, count: count, sparse: byID)
        }
    }

    /// A date-time column's regions, numbered in the file by a list of names that follows its
    /// words, renumbered as this process knows them.
    private mutating func numberRegions(_ words: inout [Int64]) throws(QueryError) {
        var regions: [Int32] = []
        for name in try strings() {
            guard let id = ZoneRegions.id(named: name) else {
                throw .damagedFile(file.path, "a date-time column names the time zone '\(name)', which this machine's tz database does not know")
            }
            regions.append(id)
        }
        for w in stride(from: 2, to: words.count, by: 3) where words[w - 2] != PropertyColumn.absentInteger {
            let index = Int(words[w] >> 32)
            guard index != 0 else { continue }
            guard index >= 1, index <= regions.count else { throw .damagedFile(file.path, "a date-time column names a time zone it does not list") }
            words[w] = TemporalKind.zoneWord(offset: Int32(truncatingIfNeeded: words[w]), region: regions[index - 1])
        }
    }

    /// A list of strings (a dictionary, or a date-time column's region names).
    private mutating func strings() throws(QueryError) -> [String] {
        try decode(.dictionary) { (r) throws(ByteReader.Malformed) in
            var list: [String] = []
            for _ in 0..<(try r.count(unit: 4)) { list.append(try r.string()) }
            return list
        }
    }

    /// The type of each relationship, stored 1, 2 or 4 bytes wide.
    private mutating func relationshipTypes() throws(QueryError) -> [Int32] {
        guard next < table.count else { throw .damagedFile(file.path, "the relationship types section is missing") }
        switch table[next].elementSize {
        case 1: return try array(.relationshipTypes, of: UInt8.self).map { Int32($0) }
        case 2: return try array(.relationshipTypes, of: UInt16.self).map { Int32($0) }
        default: return try array(.relationshipTypes, of: Int32.self)
        }
    }
}
