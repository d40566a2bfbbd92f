/// The configuration map of an `algo.*` procedure: which subgraph (`labels`, `types`,
/// `direction`, `weight`) and the algorithm's own settings. `{}` is the whole graph, every
/// relationship directed as stored.
struct AlgorithmConfig {
    enum Direction: String { case out = "OUT", incoming = "IN", both = "BOTH" }

    var labels: [String] = []
    var types: [String] = []
    var direction = Direction.out
    var weight: String?
    /// The settings beyond the subgraph, as given.
    var settings: [String: Value] = [:]

    static let subgraphKeys: Set<String> = ["labels", "types", "direction", "weight"]

    /// Reads `value` (a map or null); `allowed` are the algorithm's own keys.
    init(_ value: Value, procedure: String, allowed: Set<String>) throws(QueryError) {
        guard case .map(let map) = value else {
            if value.isNull { return }
            throw .invalidArgumentValueType("\(procedure) takes a configuration map ({} for the whole graph)", got: value)
        }
        for (key, v) in map {
            switch key {
            case "labels": labels = try Self.names(v, key, procedure)
            case "types": types = try Self.names(v, key, procedure)
            case "direction":
                guard case .string(let s) = v, let d = Direction(rawValue: s.uppercased()) else {
                    throw .invalidArgument("\(procedure): direction is 'OUT', 'IN' or 'BOTH', not \(CypherExport.literal(v))")
                }
                direction = d
            case "weight":
                guard case .string(let s) = v else { throw .invalidArgument("\(procedure): weight names a relationship property, as text") }
                weight = s
            default:
                guard allowed.contains(key) else {
                    let known = (Self.subgraphKeys.union(allowed)).sorted().joined(separator: ", ")
                    throw .invalidArgument("\(procedure): unknown setting \(key) (it takes \(known))")
                }
                settings[key] = v
            }
        }
    }

    static func names(_ v: Value, _ key: String, _ procedure: String) throws(QueryError) -> [String] {
        switch v {
        case .string(let s): return [s]
        case .list(let items):
            var out: [String] = []
            for item in items {
                guard case .string(let s) = item else { throw .invalidArgument("\(procedure): \(key) is a list of names") }
                out.append(s)
            }
            return out
        default: throw .invalidArgument("\(procedure): \(key) is a list of names")
        }
    }

    func number(_ key: String, default fallback: Double) throws(QueryError) -> Double {
        switch settings[key] {
        case nil, .null?: return fallback
        case .int(let i)?: return Double(i)
        case .float(let d)?: return d
        case let v?: throw .invalidArgumentValueType("\(key) must be a number", got: v)
        }
    }

    func integer(_ key: String, default fallback: Int) throws(QueryError) -> Int {
        switch settings[key] {
        case nil, .null?: return fallback
        case .int(let i)? where i >= 0 && i <= Int64(Int32.max): return Int(i)
        case let v?: throw .invalidArgumentValueType("\(key) must be a non-negative integer", got: v)
        }
    }
}
