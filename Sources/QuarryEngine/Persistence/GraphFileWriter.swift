/// Writes a whole graph as a graph file (through `AtomicFile`, so the old file survives any
/// failure).
struct GraphFileWriter {
    private let file: FileDescriptor
    private var offset = GraphFileFormat.headerSize
    private var table: [GraphFileFormat.Entry] = []
    private let cancellation: CancellationFlag?

    private init(file: FileDescriptor, cancellation: CancellationFlag?) {
        self.file = file
        self.cancellation = cancellation
    }

    /// Saves `graph` to `path`, replacing what is there only once everything is on the disk.
    static func save(_ graph: Graph, identity: GraphFileFormat.Identity, to path: String,
                     cancellation: CancellationFlag? = nil) throws(QueryError) {
        try AtomicFile.write(path) { (file) throws(QueryError) in
            var writer = GraphFileWriter(file: file, cancellation: cancellation)
            try writer.write(graph, identity: identity)
        }
    }

    private mutating func write(_ g: Graph, identity: GraphFileFormat.Identity) throws(QueryError) {
        try file.write([UInt8](repeating: 0, count: GraphFileFormat.headerSize))
        var names = ByteWriter()
        for interner in [g.labels, g.types, g.keys] {
            names.int(interner.names.count)
            for n in interner.names { names.string(n) }
        }
        try record(.names, names)

        var nodes = ByteWriter()
        nodes.int(g.nodeIDLimit)
        nodes.int(g.nodeCount)
        for c in g.labelCounts { nodes.int(c) }
        nodes.int(g.nodeAlive.offset)
        for members in g.labelMembers { nodes.int(members.offset) }
        try record(.nodes, nodes)
        try array(.nodeAlive, g.nodeAlive.words)
        for members in g.labelMembers { try array(.labelMembers, members.words) }

        var rels = ByteWriter()
        rels.int(g.relationshipIDLimit)
        rels.int(g.relationshipCount)
        for c in g.typeCounts { rels.int(c) }
        rels.int(g.relAlive.offset)
        try record(.relationships, rels)
        // Types as narrow as their number allows: most graphs have fewer than 256.
        switch g.types.names.count {
        case 0...256: try array(.relationshipTypes, g.relType.map { UInt8(truncatingIfNeeded: $0) })
        case 257...65_536: try array(.relationshipTypes, g.relType.map { UInt16(truncatingIfNeeded: $0) })
        default: try array(.relationshipTypes, g.relType)
        }
        try array(.relationshipStarts, g.relStart)
        try array(.relationshipEnds, g.relEnd)
        try array(.relationshipAlive, g.relAlive.words)

        for columns in [g.nodeProperties, g.relProperties] {
            for column in columns { try write(column) }
        }
        var indexes = ByteWriter()
        indexes.int(g.indexes.count)
        for index in g.indexes {
            indexes.string(index.name)
            indexes.i32(index.label)
            indexes.i32(index.key)
        }
        try record(.indexes, indexes)
        try finish(identity: identity)
    }

    private mutating func write(_ column: PropertyColumn) throws(QueryError) {
        var header = ByteWriter()
        header.u8(column.representation.fileCode)
        header.int(column.base)
        header.int(column.length)
        header.int(column.count)
        try record(.columns, header)
        switch column.representation {
        case .empty: break
        case .integers: try array(.integers, column.integers)
        case .codes:
            try array(.codes, column.codes)
            try strings(column.dictionary.strings)
        case .heap:
            try array(.heapBytes, column.heap.bytes)
            try array(.heapStarts, column.heap.starts)
            try array(.heapLengths, column.heap.lengths)
        case .temporal(.dateTime):
            try dateTimeWords(column.words)
        case .temporal:
            try array(.integers, column.words)
        case .mixed:
            var values = ByteWriter()
            for v in column.values {
                try checkCancellation()
                values.value(v)
            }
            try record(.values, values)
        case .sparse:
            // The ids in order in an integer section, their values in a value section.
            let ids = column.sparse.keys.sorted()
            try array(.integers, ids.map(Int64.init))
            var values = ByteWriter()
            for id in ids { values.value(column.sparse[id] ?? .null) }
            try record(.values, values)
        }
    }

    /// A date-time column's words with each tz region numbered by its place in a list of region
    /// names that follows them (this process's region ids mean nothing to another).
    private mutating func dateTimeWords(_ words: [Int64]) throws(QueryError) {
        var names: [String] = []
        var local: [Int32: Int32] = [:]
        var out = words
        for w in stride(from: 2, to: out.count, by: 3) where out[w - 2] != PropertyColumn.absentInteger {
            let region = Int32(truncatingIfNeeded: out[w] >> 32)
            guard region != 0 else { continue }
            if local[region] == nil {
                names.append(ZoneRegions.name(of: region))
                local[region] = Int32(names.count)
            }
            out[w] = TemporalKind.zoneWord(offset: Int32(truncatingIfNeeded: out[w]), region: local[region] ?? 0)
        }
        try array(.integers, out)
        try strings(names)
    }

    /// A list of strings (a dictionary, or a date-time column's region names): a count, then each.
    private mutating func strings(_ list: [String]) throws(QueryError) {
        var w = ByteWriter()
        w.int(list.count)
        for s in list { w.string(s) }
        try record(.dictionary, w)
    }

    private func checkCancellation() throws(QueryError) {
        if cancellation?.isCancelled == true { throw .cancelled() }
    }

    private mutating func record(_ section: GraphFileFormat.Section, _ w: ByteWriter) throws(QueryError) {
        try w.withBytes { (raw) throws(QueryError) in try emit(section, elementSize: 1, raw) }
    }

    private mutating func array<T: BitwiseCopyable>(_ section: GraphFileFormat.Section, _ items: [T]) throws(QueryError) {
        try withBytes(of: items) { (raw) throws(QueryError) in try emit(section, elementSize: MemoryLayout<T>.stride, raw) }
    }

    private mutating func emit(_ section: GraphFileFormat.Section, elementSize: Int, _ raw: UnsafeRawBufferPointer) throws(QueryError) {
        try checkCancellation()
        let padding = (8 - offset % 8) % 8
        if padding > 0 {
            try file.write([UInt8](repeating: 0, count: padding))
            offset += padding
        }
        table.append(GraphFileFormat.Entry(section: section, elementSize: elementSize, offset: offset, length: raw.count,
                                           checksum: XXHash64.hash(raw)))
        if raw.count > 0 { try file.write(raw) }
        offset += raw.count
    }

    private mutating func finish(identity: GraphFileFormat.Identity) throws(QueryError) {
        var t = ByteWriter()
        for e in table {
            t.u32(e.section.rawValue)
            t.u32(UInt32(e.elementSize))
            t.int(e.offset)
            t.int(e.length)
            t.u64(e.checksum)
        }
        t.u64(t.withBytes { XXHash64.hash($0) })
        let padding = (8 - offset % 8) % 8
        try file.write([UInt8](repeating: 0, count: padding))
        let tableOffset = offset + padding
        try t.withBytes { (raw) throws(QueryError) in try file.write(raw) }

        var h = ByteWriter()
        h.raw(GraphFileFormat.magic)
        h.u32(GraphFileFormat.version)
        h.u32(GraphFileFormat.byteOrderMark)
        h.raw(identity.fileID)
        h.u64(identity.sequence)
        h.int(tableOffset)
        h.int(table.count)
        h.u64(h.withBytes { XXHash64.hash($0) })
        try h.withBytes { (raw) throws(QueryError) in try file.write(raw, at: 0) }
    }
}
