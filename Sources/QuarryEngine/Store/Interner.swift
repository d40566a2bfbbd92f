/// Maps names (labels, relationship types, property keys) to small dense integers.
public struct Interner: Sendable {
    public internal(set) var names: [String] = []
    var ids: [String: Int32] = [:]

    public init() {}

    /// The names with ids 0, 1, ... in order; nil when one repeats.
    init?(names: [String]) {
        for n in names where intern(n) != Int32(self.names.count - 1) { return nil }
    }

    public func id(_ name: String) -> Int32? { ids[name] }

    public mutating func intern(_ name: String) -> Int32 {
        if let id = ids[name] { return id }
        let id = Int32(names.count)
        names.append(name)
        ids[name] = id
        return id
    }

    public func name(_ id: Int32) -> String { names[Int(id)] }
}
