/// A value of the query language. Graph elements are referenced by their dense integer id.
public enum Value: Sendable {
    case null
    case bool(Bool)
    case int(Int64)
    case float(Double)
    case string(String)
    case list([Value])
    case map([String: Value])
    case node(NodeID)
    case relationship(RelID)
    case path(PathValue)
    case date(DateValue)
    case duration(DurationValue)
    case localTime(LocalTimeValue)
    case localDateTime(LocalDateTimeValue)
    case time(TimeValue)
    case dateTime(DateTimeValue)
    case point(PointValue)

    public var isNull: Bool {
        if case .null = self { return true }
        return false
    }

    /// The type name used in error messages (`TypeError: InvalidArgumentType`).
    public var typeName: String {
        switch self {
        case .null: return "Null"
        case .bool: return "Boolean"
        case .int: return "Integer"
        case .float: return "Float"
        case .string: return "String"
        case .list: return "List"
        case .map: return "Map"
        case .node: return "Node"
        case .relationship: return "Relationship"
        case .path: return "Path"
        case .date: return "Date"
        case .duration: return "Duration"
        case .localTime: return "LocalTime"
        case .localDateTime: return "LocalDateTime"
        case .time: return "Time"
        case .dateTime: return "DateTime"
        case .point: return "Point"
        }
    }
}

public typealias NodeID = Int32
public typealias RelID = Int32

/// A path: `nodes.count == relationships.count + 1`.
public struct PathValue: Sendable, Hashable {
    public var nodes: [NodeID]
    public var relationships: [RelID]

    public init(nodes: [NodeID], relationships: [RelID]) {
        self.nodes = nodes
        self.relationships = relationships
    }
}

extension Value {
    /// What a property can hold: null (no value), a scalar, a date, or a list of those.
    public var isStorableProperty: Bool {
        switch self {
        case .null, .bool, .int, .float, .string, .date, .duration, .localTime, .localDateTime, .time, .dateTime, .point: return true
        case .list(let items):
            return items.allSatisfy {
                switch $0 {
                case .null, .bool, .int, .float, .string, .date, .duration, .localTime, .localDateTime, .time, .dateTime, .point: return true
                default: return false
                }
            }
        default: return false
        }
    }
}

extension Value {
    /// How deep lists and maps may nest. Deeper values would exhaust the stack when they are
    /// compared, printed or freed; JSON input has the same limit.
    public static let maximumNesting = 1_000

    /// Whether lists and maps nest more than `limit` deep (`[1]` nests 1 deep); walks no deeper.
    func nestsDeeper(than limit: Int) -> Bool {
        switch self {
        case .list(let items): return limit <= 0 || items.contains { $0.nestsDeeper(than: limit - 1) }
        case .map(let entries): return limit <= 0 || entries.values.contains { $0.nestsDeeper(than: limit - 1) }
        default: return false
        }
    }
}
