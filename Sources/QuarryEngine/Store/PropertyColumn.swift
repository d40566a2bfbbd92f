/// The values of one property key for nodes (or relationships), indexed by element id.
/// Storage starts at the lowest id that ever held the key, so keys used by one label of a graph
/// imported label by label cost memory only over that label's id range. A missing value is `.null`.
public struct PropertyColumn: Sendable {
    var base = 0
    var values: [Value] = []
    public private(set) var count = 0

    public init() {}

    @inline(__always)
    public func get(_ id: Int) -> Value {
        let i = id - base
        return i >= 0 && i < values.count ? values[i] : .null
    }

    public mutating func set(_ id: Int, _ value: Value) {
        if values.isEmpty {
            if value.isNull { return }
            base = id
        }
        if id < base {
            if value.isNull { return }
            values.insert(contentsOf: repeatElement(Value.null, count: base - id), at: 0)
            base = id
        }
        let i = id - base
        if i >= values.count {
            if value.isNull { return }
            values.append(contentsOf: repeatElement(Value.null, count: i - values.count + 1))
        }
        let wasNull = values[i].isNull
        values[i] = value
        count += (wasNull ? 0 : -1) + (value.isNull ? 0 : 1)
    }

    /// Appends values for the consecutive ids `first ..< first + new.count` (bulk import).
    mutating func append(first: Int, _ new: [Value]) {
        if values.isEmpty {
            base = first
            values = new
            count = new.reduce(0) { $0 + ($1.isNull ? 0 : 1) }
            return
        }
        let gap = first - (base + values.count)
        if gap > 0 { values.append(contentsOf: repeatElement(Value.null, count: gap)) }
        values.append(contentsOf: new)
        count += new.reduce(0) { $0 + ($1.isNull ? 0 : 1) }
    }
}
