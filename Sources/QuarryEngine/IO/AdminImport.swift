import Foundation

/// Bulk import of CSV files in the neo4j-admin import layout (`id:ID(Group)`, `:START_ID(Group)`,
/// `:END_ID(Group)`, `:LABEL`, `:TYPE`, typed columns `name:int`, arrays `name:string[]`), straight
/// into the store's columns. The label or type comes from the file name when there is no `:LABEL` or
/// `:TYPE` column (`Actor.csv`, `TARGETED__Event_Company.csv`). All or nothing: the graph is built
/// aside and only returned when every file has loaded.
public enum AdminImport {
    public static func load(directory: String, cancellation: CancellationFlag? = nil) throws(QueryError) -> Graph {
        let names = try csvFiles(in: directory, reader: "an import reads a folder of CSV files, or a .jsonl, .graphml or .dot export")
        // Files are read one at a time (node files first), so only one is in memory at once.
        func open(_ name: String) throws(QueryError) -> (CSVReader, ImportHeader) {
            let (reader, header, _) = try openFile(name, in: directory)
            return (reader, header)
        }
        var loader = FolderLoader(cancellation: cancellation)
        var relationshipFiles: [String] = []
        for name in names {
            let (reader, header) = try open(name)
            if header.isNodeFile { try loader.loadNodes(reader, header) } else { relationshipFiles.append(name) }
        }
        for name in relationshipFiles {
            let (reader, header) = try open(name)
            try loader.loadRelationships(reader, header)
        }
        return loader.builder.build()
    }
}

extension AdminImport {
    /// The CSV files of a folder in the layout, sorted by name; `reader` says what reads them when
    /// the path is not a folder.
    static func csvFiles(in directory: String, reader: String) throws(QueryError) -> [String] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory) else {
            throw .file("no such folder", path: directory)
        }
        guard isDirectory.boolValue else { throw .file("is not a folder: \(reader)", path: directory) }
        let entries: [String]
        do {
            entries = try FileManager.default.contentsOfDirectory(atPath: directory)
        } catch {
            throw .file("cannot be listed", path: directory)
        }
        let names = entries.filter { $0.lowercased().hasSuffix(".csv") }.sorted()
        // An empty folder is an empty graph (what `:export csv` writes of one); a folder of other
        // files is more likely the wrong folder.
        guard !names.isEmpty || entries.isEmpty else { throw .file("holds no .csv files", path: directory) }
        return names
    }

    /// A file of the folder opened past its header row: the reader, the header and its cells.
    static func openFile(_ name: String, in directory: String) throws(QueryError) -> (CSVReader, ImportHeader, [String]) {
        let path = (directory as NSString).appendingPathComponent(name)
        var reader = try CSVReader.open(path: path)
        guard let first = try reader.next() else { throw .csv("the file is empty (a header row is needed)", file: path, line: 1, column: 1) }
        let cells = first.fields.map { $0 ?? "" }
        let header = try ImportHeader(cells, columns: first.fields.indices.map { reader.place(of: $0, in: first).column }, file: path, stem: String(name.dropLast(4)))
        return (reader, header, cells)
    }
}

/// Ids of one id group: integers in an array indexed by the id less the smallest (the usual case,
/// ids counting up, and no hashing), other integers and text in dictionaries. The array never
/// spans more than about twice the ids stored, so memory follows the number of nodes, not the size
/// of the largest id (`67108863` alone costs a few bytes, not 256 MB).
struct IDSpace {
    var base: Int64 = 0
    /// Ids `base ..< base + dense.count`; -1 where there is none.
    var dense: [NodeID] = []
    var integers: [Int64: NodeID] = [:]
    var strings: [String: NodeID] = [:]
    var stored = 0

    /// How far the array may span: room for twice the ids stored, and a start.
    var span: Int64 { Int64(2 * stored + 4096) }

    subscript(_ text: String) -> NodeID? {
        get {
            guard let i = Int64(text) else { return strings[text] }
            if let k = index(i), dense[k] >= 0 { return dense[k] }
            return integers[i]
        }
        set {
            guard let node = newValue else { return }
            stored += 1
            guard let i = Int64(text) else {
                strings[text] = node
                return
            }
            if dense.isEmpty {
                base = i
                dense = [node]
                return
            }
            if let k = index(i) {
                dense[k] = node
                return
            }
            let (offset, overflow) = i.subtractingReportingOverflow(base)
            if !overflow, offset >= Int64(dense.count), offset < span {
                // Grow by doubling, within the span.
                let size = Int(min(max(offset + 1, Int64(dense.count) * 2), span))
                dense.append(contentsOf: repeatElement(-1, count: size - dense.count))
                dense[Int(offset)] = node
            } else if !overflow, offset < 0, Int64(dense.count) - offset < span {
                let extra = Int(min(max(-offset, Int64(dense.count)), span - Int64(dense.count)))
                dense.insert(contentsOf: repeatElement(-1, count: extra), at: 0)
                base -= Int64(extra)
                dense[Int(i - base)] = node
            } else {
                integers[i] = node
            }
        }
    }

    private func index(_ i: Int64) -> Int? {
        let (k, overflow) = i.subtractingReportingOverflow(base)
        return !overflow && k >= 0 && k < Int64(dense.count) ? Int(k) : nil
    }
}

/// Fills a graph file by file.
struct FolderLoader {
    let cancellation: CancellationFlag?
    var builder = GraphBuilder()
    var idSpaces: [String: IDSpace] = [:]
    var records = 0

    /// Counts a record; every 4096th checks for Ctrl-C.
    mutating func tick() throws(QueryError) {
        records += 1
        if records & 0xFFF == 0, cancellation?.isCancelled == true { throw .cancelled() }
    }

    /// A field's value, or an error at its place in the file.
    func value(_ p: ImportHeader.Property, _ record: CSVReader.Record, _ reader: CSVReader) throws(QueryError) -> Value {
        do {
            return try p.type.parse(record.fields[p.column])
        } catch {
            let place = reader.place(of: p.column, in: record)
            throw .csv(error.message, file: reader.file, line: place.line, column: place.column)
        }
    }

    mutating func loadNodes(_ reader: CSVReader, _ header: ImportHeader) throws(QueryError) {
        var reader = reader
        let first = builder.nextNodeID
        let fileLabels = header.labelColumn == nil ? [builder.label(header.stem)] : []
        var columns = header.properties.map { _ in [Value]() }
        var space = idSpaces[header.idGroup ?? ""] ?? IDSpace()
        while let record = try reader.next() {
            try tick()
            try header.checkWidth(record, reader.file)
            var labels = fileLabels
            if let l = header.labelColumn, let text = record.fields[l] {
                labels += text.split(separator: ";").map { builder.label(String($0)) }
            }
            let node = builder.addNode(labels: labels)
            if let idColumn = header.idColumn {
                guard let id = record.fields[idColumn] else {
                    throw .csv("the id is empty", file: reader.file, line: reader.place(of: idColumn, in: record).line, column: reader.place(of: idColumn, in: record).column)
                }
                if space[id] != nil { throw .csv("the id \(id) appears twice in its group", file: reader.file, line: reader.place(of: idColumn, in: record).line, column: reader.place(of: idColumn, in: record).column) }
                space[id] = node
            }
            for (i, p) in header.properties.enumerated() {
                columns[i].append(try value(p, record, reader))
            }
        }
        idSpaces[header.idGroup ?? ""] = space
        for (i, p) in header.properties.enumerated() { builder.setNodeColumn(p.name, first: first, columns[i]) }
    }

    mutating func loadRelationships(_ reader: CSVReader, _ header: ImportHeader) throws(QueryError) {
        var reader = reader
        let first = builder.nextRelationshipID
        let fileType = header.typeColumn == nil ? builder.type(header.relationshipStem) : nil
        var columns = header.properties.map { _ in [Value]() }
        guard let startColumn = header.startColumn, let endColumn = header.endColumn else {
            throw .csv("a relationship file needs a :START_ID and an :END_ID column", file: reader.file, line: 1, column: 1)
        }
        let starts = idSpaces[header.startGroup ?? ""] ?? IDSpace()
        let ends = idSpaces[header.endGroup ?? ""] ?? IDSpace()
        while let record = try reader.next() {
            try tick()
            try header.checkWidth(record, reader.file)
            func endpoint(_ column: Int, _ space: IDSpace, _ group: String?) throws(QueryError) -> NodeID {
                guard let id = record.fields[column], let node = space[id] else {
                    let shown = record.fields[column] ?? "(empty)"
                    throw .csv("no node has the id \(shown)\(group.map { " in group \($0)" } ?? "")",
                               file: reader.file, line: reader.place(of: column, in: record).line, column: reader.place(of: column, in: record).column)
                }
                return node
            }
            let from = try endpoint(startColumn, starts, header.startGroup)
            let to = try endpoint(endColumn, ends, header.endGroup)
            let type: Int32
            if let t = header.typeColumn {
                guard let name = record.fields[t] else {
                    throw .csv("the relationship type is empty", file: reader.file, line: reader.place(of: t, in: record).line, column: reader.place(of: t, in: record).column)
                }
                type = builder.type(name)
            } else {
                type = fileType ?? builder.type(header.relationshipStem)
            }
            builder.addRelationship(type: type, from: from, to: to)
            for (i, p) in header.properties.enumerated() {
                columns[i].append(try value(p, record, reader))
            }
        }
        for (i, p) in header.properties.enumerated() { builder.setRelationshipColumn(p.name, first: first, columns[i]) }
    }
}
