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
        case .null, .bool, .int, .float, .string, .date: return true
        case .list(let items):
            return items.allSatisfy {
                switch $0 {
                case .null, .bool, .int, .float, .string, .date: return true
                default: return false
                }
            }
        default: return false
        }
    }
}
