import Foundation

/// LOAD CSV: for each input row, one row per record of the file, as a list of strings or, WITH
/// HEADERS, a map from column name to string. Empty fields are null.
final class LoadCSVOperator: PipelineOperator {
    let source: Evaluator
    let slot: Int
    let withHeaders: Bool
    let delimiter: UInt8
    let range: SourceRange
    @exclusivity(unchecked) var current: Row?
    @exclusivity(unchecked) var reader: CSVReader?
    @exclusivity(unchecked) var headers: [String] = []
    /// The absolute path of the file being read.
    @exclusivity(unchecked) var path = ""

    init(_ ctx: ExecutionContext, _ input: PhysicalOperator, source: @escaping Evaluator, slot: Int, withHeaders: Bool,
         fieldTerminator: String?, range: SourceRange) {
        self.source = source
        self.slot = slot
        self.withHeaders = withHeaders
        // The parser has checked that the terminator is one ASCII character.
        self.delimiter = fieldTerminator?.utf8.first ?? UInt8(ascii: ",")
        self.range = range
        super.init(ctx, input)
    }

    func resolve(_ location: String) -> String {
        var path = location
        if path.hasPrefix("file://") { path = String(path.dropFirst(7)) } else if path.hasPrefix("file:") { path = String(path.dropFirst(5)) }
        if path.hasPrefix("/") { return path }
        return URL(fileURLWithPath: ctx.baseDirectory).appendingPathComponent(path).path
    }

    override func produce() throws(QueryError) -> Row? {
        while true {
            if var row = current, reader != nil {
                if let record = try reader!.next() {
                    try ctx.tick()
                    if withHeaders {
                        if record.fields.count != headers.count {
                            throw .csv("this row has \(record.fields.count) fields but the header has \(headers.count)",
                                       file: reader!.file, line: record.line, column: 1)
                        }
                        var m: [String: Value] = [:]
                        for (h, f) in zip(headers, record.fields) { m[h] = f.map(Value.string) ?? .null }
                        row[slot] = .map(m)
                    } else {
                        row[slot] = .list(record.fields.map { $0.map(Value.string) ?? .null })
                    }
                    ctx.csvRecord = (record.line, path)
                    return row
                }
                reader = nil
            }
            guard var row = try input.next() else { return nil }
            guard case .string(let location) = try source(&row) else {
                throw QueryError(.typeError, "InvalidArgumentType", "LOAD CSV FROM needs a file name or file:// URL", at: range)
            }
            path = resolve(location)
            if let folder = ctx.confinedTo, !FolderConfinement.contains(folder, path) {
                throw .file("is outside the dataset's folder: a dataset reads only its own files", path: path)
            }
            var r = try CSVReader.open(path: path, delimiter: delimiter)
            if withHeaders {
                headers = try r.next()?.fields.map { $0 ?? "" } ?? []
            }
            reader = r
            current = row
        }
    }

    override func reset() {
        current = nil
        reader = nil
        super.reset()
    }

    override var explanation: String { "LoadCSV" }
}
