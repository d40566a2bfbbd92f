import Foundation

/// The header row of an admin-import CSV file: which columns are ids, labels, types and typed
/// properties.
struct ImportHeader {
    struct Property {
        let name: String
        let column: Int
        let type: ImportType
    }

    let stem: String
    let width: Int
    var idColumn: Int?
    var idGroup: String?
    var labelColumn: Int?
    var startColumn: Int?
    var startGroup: String?
    var endColumn: Int?
    var endGroup: String?
    var typeColumn: Int?
    var properties: [Property] = []

    var isNodeFile: Bool { startColumn == nil }

    /// `TARGETED__Event_Company` names the type TARGETED.
    var relationshipStem: String {
        guard let r = stem.range(of: "__") else { return stem }
        return String(stem[..<r.lowerBound])
    }

    /// `columns` are the 1-based character columns where the cells start, for error messages.
    init(_ cells: [String], columns: [Int], file: String, stem: String) throws(QueryError) {
        self.stem = stem
        width = cells.count
        var seen: Set<String> = []
        for (i, cell) in cells.enumerated() {
            let (name, spec) = ImportHeader.split(cell)
            let role = name.isEmpty ? ":" + (spec.split(separator: "(").first.map { $0.uppercased() } ?? "") : name
            guard role == ":IGNORE" || seen.insert(role).inserted else {
                throw .csv("the column \(name.isEmpty ? role : name) appears twice in the header", file: file, line: 1, column: columns[i])
            }
            let group = ImportHeader.group(spec)
            switch spec.split(separator: "(").first.map(String.init)?.uppercased() ?? "" {
            case "ID":
                idColumn = i
                idGroup = group
                if !name.isEmpty { properties.append(Property(name: name, column: i, type: .idValue)) }
            case "START_ID":
                startColumn = i
                startGroup = group
            case "END_ID":
                endColumn = i
                endGroup = group
            case "LABEL": labelColumn = i
            case "TYPE": typeColumn = i
            case "IGNORE": continue
            default:
                guard !name.isEmpty else { throw .csv("the column has no name", file: file, line: 1, column: columns[i]) }
                guard let type = ImportType(spec) else {
                    throw .csv("unknown column type '\(spec)' (int, long, float, double, boolean, date, string, and arrays like string[])",
                               file: file, line: 1, column: columns[i])
                }
                properties.append(Property(name: name, column: i, type: type))
            }
        }
        if (startColumn == nil) != (endColumn == nil) {
            throw .csv("a relationship file needs both :START_ID and :END_ID", file: file, line: 1, column: 1)
        }
    }

    /// `deaths:int` → ("deaths", "int"); `:START_ID(Actor)` → ("", "START_ID(Actor)").
    static func split(_ cell: String) -> (String, String) {
        guard let colon = cell.lastIndex(of: ":") else { return (cell, "") }
        return (String(cell[..<colon]), String(cell[cell.index(after: colon)...]))
    }

    static func group(_ spec: String) -> String? {
        guard let open = spec.firstIndex(of: "("), let close = spec.lastIndex(of: ")"), open < close else { return nil }
        return String(spec[spec.index(after: open)..<close])
    }

    func checkWidth(_ record: CSVReader.Record, _ file: String) throws(QueryError) {
        if record.fields.count != width {
            throw .csv("this row has \(record.fields.count) fields but the header has \(width)", file: file, line: record.line, column: 1)
        }
    }
}

/// The type of an import column and how its text becomes a value (empty text is null).
indirect enum ImportType: Sendable {
    case string, integer, float, boolean, date, localTime, time, localDateTime, dateTime, duration, point, idValue
    case array(ImportType)

    init?(_ spec: String) {
        let s = spec.lowercased()
        if s.hasSuffix("[]") {
            guard let element = ImportType(String(s.dropLast(2))) else { return nil }
            self = .array(element)
            return
        }
        switch s {
        case "", "string": self = .string
        case "int", "long", "short", "byte": self = .integer
        case "float", "double": self = .float
        case "boolean": self = .boolean
        case "date": self = .date
        case "localtime": self = .localTime
        case "time": self = .time
        case "localdatetime": self = .localDateTime
        case "datetime": self = .dateTime
        case "duration": self = .duration
        case "point": self = .point
        default: return nil
        }
    }

    /// The value of a field, or the reason it has none (the caller adds the field's place).
    func parse(_ text: String?) throws(FieldError) -> Value {
        guard let text else { return .null }
        switch self {
        case .string: return .string(text)
        case .idValue: return Int64(text).map(Value.int) ?? .string(text)
        case .integer:
            // Most fields are plain digits: trim only when the plain parse fails.
            guard let i = Int64(text) ?? Int64(text.trimmingCharacters(in: .whitespaces)) else {
                throw FieldError(message: "'\(text)' is not an integer")
            }
            return .int(i)
        case .float:
            guard let d = Double(text) ?? Double(text.trimmingCharacters(in: .whitespaces)) else {
                throw FieldError(message: "'\(text)' is not a number")
            }
            return .float(d)
        case .boolean:
            switch text.lowercased() {
            case "true": return .bool(true)
            case "false": return .bool(false)
            default: throw FieldError(message: "'\(text)' is not true or false")
            }
        case .date:
            guard let d = DateValue(partialISO: text) else { throw FieldError(message: "'\(text)' is not a date (YYYY-MM-DD, or YYYY-MM and YYYY for a date known only to its month or year)") }
            return .date(d)
        case .localTime:
            guard let t = LocalTimeValue(iso: text) else { throw FieldError(message: "'\(text)' is not a local time (hh:mm:ss)") }
            return .localTime(t)
        case .time:
            guard let t = TimeValue(iso: text) else { throw FieldError(message: "'\(text)' is not a time (hh:mm:ss with an offset such as +04:30 or Z)") }
            return .time(t)
        case .localDateTime:
            guard let t = LocalDateTimeValue(iso: text) else { throw FieldError(message: "'\(text)' is not a local date-time (YYYY-MM-DDThh:mm:ss)") }
            return .localDateTime(t)
        case .dateTime:
            guard let t = DateTimeValue(iso: text) else {
                throw FieldError(message: "'\(text)' is not a date-time (YYYY-MM-DDThh:mm:ss with an offset such as +04:30 or a zone such as [Asia/Kabul])")
            }
            return .dateTime(t)
        case .duration:
            guard let d = DurationValue(iso: text) else { throw FieldError(message: "'\(text)' is not a duration (ISO 8601, such as P1Y3M or PT2H)") }
            return .duration(d)
        case .point:
            // neo4j-admin's form, a map (`{latitude: 34.5, longitude: 69.2}`), or Quarry's `point({...})`.
            let literal = text.hasPrefix("{") ? "point(" + text + ")" : text
            guard case .point(let p)? = try? LiteralReader.value(literal) else {
                throw FieldError(message: "'\(text)' is not a point ({x: 1.0, y: 2.0} or {latitude: 34.5, longitude: 69.2}, crs optional)")
            }
            return .point(p)
        case .array(let element):
            // `""` is the empty list (an unquoted empty field, no value, never gets here).
            guard !text.isEmpty else { return .list([]) }
            var out: [Value] = []
            for part in text.split(separator: ";", omittingEmptySubsequences: false) {
                out.append(try element.parse(String(part)))
            }
            return .list(out)
        }
    }
}

/// Why a field's text is not a value of its column's type.
struct FieldError: Error {
    let message: String
}
