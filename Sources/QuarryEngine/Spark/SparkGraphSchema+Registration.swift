extension SparkGraphSchema {
    /// The statements that free the cached views (at the end of a session).
    public var release: [String] {
        (nodes.map(\.view) + relationships.map(\.view)).map { "UNCACHE TABLE IF EXISTS \(SparkSQL.name($0))" }
    }

    /// The statements that make the views, in order: each file read as CSV with its header (or
    /// its Parquet copy, when current), then typed and cached in the cluster's memory when a query
    /// first reads it (so that later ones do not parse the text again, and so that a
    /// relationship's `_rid` stays the same within the session; lazily, so that a session starts
    /// without reading every file). A file of more than 4 MB is cached in up to `partitions`
    /// parts (the cluster's cores), so that its scans run in parallel: read with quoted line
    /// breaks allowed, a CSV file is one partition.
    public func registration(partitions: Int = 1) -> [String] {
        var out: [String] = []
        for n in nodes {
            guard let source = n.source else { continue }
            out.append(source.rawView(n.view, stored: storedColumns(n)))
            let columns = ["\(idType(n.group).cast(SparkSQL.name(n.idRaw))) AS _id"] + (n.labelRaw.map { ["\(source.labels($0)) AS _labels"] } ?? [])
                + n.properties.map { "\(source.typed($0)) AS \(SparkSQL.name($0.name))" }
            out.append("CACHE LAZY TABLE \(SparkSQL.name(n.view)) AS SELECT \(source.spread(partitions))\(columns.joined(separator: ", ")) FROM \(SparkSQL.name(source.rawViewName(n.view)))")
        }
        for u in unions {
            out.append(Self.unionView(u.view, properties: u.properties, members: u.members.compactMap(nodeTable(view:)).map { n in
                (n.view, ["_id", "\(SparkSQL.string(n.view)) AS _space", "\(n.labels("t")) AS _labels"], n.property)
            }))
        }
        for (index, r) in relationships.enumerated() {
            guard let source = r.source else { continue }
            out.append(source.rawView(r.view, stored: storedColumns(r)))
            // Unique over all files: the file's number above the bits monotonically_increasing_id uses.
            let columns = ["monotonically_increasing_id() + \(Int64(index) << 54) AS _rid", "\(idType(r.startGroup).cast(SparkSQL.name(r.startRaw))) AS _src",
                           "\(idType(r.endGroup).cast(SparkSQL.name(r.endRaw))) AS _dst"]
                + (r.typeRaw.map { ["\(SparkSQL.name($0)) AS _type"] } ?? []) + r.properties.map { "\(source.typed($0)) AS \(SparkSQL.name($0.name))" }
            out.append("CACHE LAZY TABLE \(SparkSQL.name(r.view)) AS SELECT \(source.spread(partitions))\(columns.joined(separator: ", ")) FROM \(SparkSQL.name(source.rawViewName(r.view)))")
        }
        for u in relationshipUnions {
            out.append(Self.unionView(u.view, properties: u.properties, members: u.members.compactMap(relationshipTable(view:)).map { r in
                (r.view, ["_rid", "_src", "_dst", "\(SparkSQL.string(r.view)) AS _file", "\(r.type("t")) AS _type"], r.property)
            }))
        }
        return out
    }

    /// The view of a group's files together: each member's own columns (`fixed`), then every key
    /// of the group, null where a member lacks it.
    private static func unionView(_ view: String, properties: [Column],
                                  members: [(view: String, fixed: [String], property: (String) -> Column?)]) -> String {
        let parts = members.map { m in
            let columns = m.fixed + properties.map { unionColumn($0, m.property($0.name)) }
            return "SELECT \(columns.joined(separator: ", ")) FROM \(SparkSQL.name(m.view)) t"
        }
        return "CREATE OR REPLACE TEMPORARY VIEW \(SparkSQL.name(view)) AS \(parts.joined(separator: " UNION ALL "))"
    }

    /// The column `c` of a union, from a member table that has it as `own` (or not at all).
    private static func unionColumn(_ c: Column, _ own: Column?) -> String {
        guard let own else { return "CAST(NULL AS \(c.type.sql)) AS \(SparkSQL.name(c.name))" }
        let value = "t.\(SparkSQL.name(c.name))"
        return "\(c.mixed ? own.type.text(value) : value) AS \(SparkSQL.name(c.name))"
    }

    /// A file read as CSV and the statement that has the cluster write its Parquet copy.
    public struct Conversion: Sendable {
        public let source: SparkFileSource
        public let directory: String
        public let integerIDs: Bool
        public let statement: String
    }

    /// A column of a file's Parquet copy: the raw view's column under its name, with the value
    /// read from the CSV and its type in the copy. Properties and labels are typed; ids and
    /// relationship ends stay text (their type depends on the group's other files).
    struct StoredColumn {
        let raw: String
        let fromCSV: String
        let type: String
    }

    func storedColumns(_ n: NodeTable) -> [StoredColumn] {
        let id = StoredColumn(raw: n.idRaw, fromCSV: SparkSQL.name(n.idRaw), type: "STRING")
        let labels = n.labelRaw.map { [StoredColumn(raw: $0, fromCSV: SparkFileSource.csvLabels($0), type: "ARRAY<STRING>")] } ?? []
        return Self.unique([id] + labels + n.properties.map(Self.stored))
    }

    func storedColumns(_ r: RelationshipTable) -> [StoredColumn] {
        let ends = [r.startRaw, r.endRaw] + (r.typeRaw.map { [$0] } ?? [])
        return Self.unique(ends.map { StoredColumn(raw: $0, fromCSV: SparkSQL.name($0), type: "STRING") } + r.properties.map(Self.stored))
    }

    private static func stored(_ c: Column) -> StoredColumn {
        c.importType.isIDValue ? StoredColumn(raw: c.raw, fromCSV: SparkSQL.name(c.raw), type: "STRING")
            : StoredColumn(raw: c.raw, fromCSV: c.type.cast(SparkSQL.name(c.raw)), type: c.type.sql)
    }

    /// A named id column is also a property: one column of the copy.
    private static func unique(_ columns: [StoredColumn]) -> [StoredColumn] {
        var seen: Set<String> = []
        return columns.filter { seen.insert($0.raw).inserted }
    }

    /// The files read as CSV, each with the statement that writes its copy into a new folder of
    /// `copies`, in up to `partitions` parts as for `registration`.
    public func conversions(into copies: SparkParquetCopies, partitions: Int = 1) -> [Conversion] {
        func conversion(_ view: String, _ source: SparkFileSource, _ integerIDs: Bool, _ columns: [StoredColumn]) -> Conversion {
            let directory = copies.newDirectory(view: view)
            let list = columns.map { "\($0.fromCSV) AS \(SparkSQL.name($0.raw))" }.joined(separator: ", ")
            return Conversion(source: source, directory: directory, integerIDs: integerIDs,
                              statement: "INSERT OVERWRITE DIRECTORY \(SparkSQL.string(directory)) USING parquet SELECT \(source.spread(partitions))\(list) FROM \(SparkSQL.name(source.rawViewName(view)))")
        }
        var out: [Conversion] = []
        for n in nodes {
            guard let source = n.source, source.copy == nil else { continue }
            out.append(conversion(n.view, source, n.integerIDs, storedColumns(n)))
        }
        for r in relationships {
            guard let source = r.source, source.copy == nil else { continue }
            out.append(conversion(r.view, source, false, storedColumns(r)))
        }
        return out
    }
}
