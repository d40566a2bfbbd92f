/// Equality, comparison and ordering with openCypher's semantics.
extension Value {
    /// `a = b`: `nil` stands for null (unknown).
    public static func equals(_ a: Value, _ b: Value) -> Bool? {
        switch (a, b) {
        case (.null, _), (_, .null): return nil
        case let (.bool(x), .bool(y)): return x == y
        case let (.int(x), .int(y)): return x == y
        case let (.float(x), .float(y)): return x == y
        case let (.int(x), .float(y)): return numericEqual(x, y)
        case let (.float(x), .int(y)): return numericEqual(y, x)
        case let (.string(x), .string(y)): return x == y
        case let (.node(x), .node(y)): return x == y
        case let (.relationship(x), .relationship(y)): return x == y
        case let (.path(x), .path(y)): return x == y
        case let (.date(x), .date(y)): return DateValue.sameDay(x, y)
        case let (.duration(x), .duration(y)): return x == y
        case let (.localTime(x), .localTime(y)): return x == y
        case let (.localDateTime(x), .localDateTime(y)): return x == y
        case let (.time(x), .time(y)): return x == y
        case let (.dateTime(x), .dateTime(y)): return x == y
        case let (.point(x), .point(y)): return x == y
        case let (.list(x), .list(y)):
            guard x.count == y.count else { return false }
            var unknown = false
            for (l, r) in zip(x, y) {
                switch equals(l, r) {
                case false?: return false
                case nil: unknown = true
                default: break
                }
            }
            return unknown ? nil : true
        case let (.map(x), .map(y)):
            guard x.count == y.count else { return false }
            var unknown = false
            for (k, l) in x {
                guard let r = y[k] else { return false }
                switch equals(l, r) {
                case false?: return false
                case nil: unknown = true
                default: break
                }
            }
            return unknown ? nil : true
        default: return false
        }
    }

    static func numericEqual(_ i: Int64, _ d: Double) -> Bool {
        // 2^63 itself does not fit in an Int64: only convert below it.
        guard d.isFinite, d == d.rounded(), d >= -9.223372036854775808e18, d < 9.223372036854775808e18 else { return false }
        return Double(i) == d && Int64(d) == i
    }

    /// `a < b` and friends: the sign of the comparison, or `nil` when the values are incomparable
    /// or one of them is null.
    /// `a < b` (or `a <= b`); nil stands for null. Dates known only to their month or year are
    /// ordered when the order holds whichever days they are.
    public static func isLess(_ a: Value, _ b: Value, orEqual: Bool) -> Bool? {
        if case .date(let x) = a, case .date(let y) = b { return DateValue.isBefore(x, y, orEqual: orEqual) }
        guard let c = compare(a, b) else { return nil }
        return orEqual ? c <= 0 : c < 0
    }

    public static func compare(_ a: Value, _ b: Value) -> Int? {
        switch (a, b) {
        case let (.int(x), .int(y)): return x < y ? -1 : (x == y ? 0 : 1)
        case let (.float(x), .float(y)):
            if x.isNaN || y.isNaN { return nil }
            return x < y ? -1 : (x == y ? 0 : 1)
        case let (.int(x), .float(y)): return compareIntFloat(x, y)
        case let (.float(x), .int(y)): return compareIntFloat(y, x).map { -$0 }
        case let (.string(x), .string(y)): return x < y ? -1 : (x == y ? 0 : 1)
        case let (.bool(x), .bool(y)): return x == y ? 0 : (!x ? -1 : 1)
        case let (.date(x), .date(y)):
            if x == y { return 0 }
            return DateValue.isBefore(x, y, orEqual: false).map { $0 ? -1 : 1 }
        case let (.localTime(x), .localTime(y)): return x < y ? -1 : (x == y ? 0 : 1)
        case let (.localDateTime(x), .localDateTime(y)): return x < y ? -1 : (x == y ? 0 : 1)
        case let (.time(x), .time(y)): return x < y ? -1 : (x == y ? 0 : 1)
        case let (.dateTime(x), .dateTime(y)): return x < y ? -1 : (x == y ? 0 : 1)
        case let (.list(x), .list(y)):
            for (l, r) in zip(x, y) {
                guard let c = compare(l, r) else { return nil }
                if c != 0 { return c }
            }
            return x.count < y.count ? -1 : (x.count == y.count ? 0 : 1)
        default: return nil
        }
    }

    static func compareIntFloat(_ i: Int64, _ d: Double) -> Int? {
        if d.isNaN { return nil }
        let di = Double(i)
        if di < d { return -1 }
        if di > d { return 1 }
        if d >= 9.223372036854775808e18 { return -1 }
        if d < -9.223372036854775808e18 { return 1 }
        let back = Int64(d)
        return i < back ? -1 : (i == back ? 0 : 1)
    }

    /// The total order of ORDER BY: maps, nodes, relationships, lists, paths, local date-times,
    /// dates, local times, durations, strings, booleans, numbers (NaN last among them), then null.
    public static func orderCompare(_ a: Value, _ b: Value) -> Int {
        let ra = a.orderRank, rb = b.orderRank
        if ra != rb { return ra < rb ? -1 : 1 }
        switch (a, b) {
        case (.null, .null): return 0
        case let (.float(x), .float(y)) where x.isNaN || y.isNaN:
            return x.isNaN == y.isNaN ? 0 : (x.isNaN ? 1 : -1)
        case let (.float(x), .int):
            if x.isNaN { return 1 }
        case let (.int, .float(y)):
            if y.isNaN { return -1 }
        case let (.node(x), .node(y)): return x < y ? -1 : (x == y ? 0 : 1)
        case let (.relationship(x), .relationship(y)): return x < y ? -1 : (x == y ? 0 : 1)
        case let (.date(x), .date(y)): return x < y ? -1 : (x == y ? 0 : 1)
        case let (.point(x), .point(y)):
            // Points are not comparable (`<` is null), but ORDER BY puts them in an order.
            let l = (x.crs.rawValue, x.x, x.y, x.z), r = (y.crs.rawValue, y.x, y.y, y.z)
            return l < r ? -1 : (l == r ? 0 : 1)
        case let (.list(x), .list(y)):
            for (l, r) in zip(x, y) {
                let c = orderCompare(l, r)
                if c != 0 { return c }
            }
            return x.count < y.count ? -1 : (x.count == y.count ? 0 : 1)
        case let (.map(x), .map(y)):
            let kx = x.keys.sorted(), ky = y.keys.sorted()
            for (l, r) in zip(kx, ky) where l != r { return l < r ? -1 : 1 }
            if kx.count != ky.count { return kx.count < ky.count ? -1 : 1 }
            for k in kx {
                let c = orderCompare(x[k]!, y[k]!)
                if c != 0 { return c }
            }
            return 0
        case let (.duration(x), .duration(y)):
            // Durations are not comparable (`<` is null), but ORDER BY puts them in an order.
            let l = (x.months, x.days, x.seconds, x.nanoseconds), r = (y.months, y.days, y.seconds, y.nanoseconds)
            return l < r ? -1 : (l == r ? 0 : 1)
        case let (.path(x), .path(y)):
            let c = orderCompare(.list(x.nodes.map { .node($0) }), .list(y.nodes.map { .node($0) }))
            if c != 0 { return c }
            return orderCompare(.list(x.relationships.map { .relationship($0) }),
                                .list(y.relationships.map { .relationship($0) }))
        default: break
        }
        return compare(a, b) ?? 0
    }

    var orderRank: Int {
        switch self {
        case .map: return 0
        case .node: return 1
        case .relationship: return 2
        case .list: return 3
        case .path: return 4
        case .point: return 5
        case .dateTime: return 6
        case .localDateTime: return 7
        case .date: return 8
        case .time: return 9
        case .localTime: return 10
        case .duration: return 11
        case .string: return 12
        case .bool: return 13
        case .int, .float: return 14
        case .null: return 15
        }
    }
}

/// A value compared by equivalence (null ≡ null, NaN ≡ NaN, 1 ≡ 1.0): grouping keys and DISTINCT.
struct GroupKey: Hashable, Sendable {
    let value: Value

    init(_ value: Value) { self.value = value }

    static func == (a: GroupKey, b: GroupKey) -> Bool { equivalent(a.value, b.value) }

    static func equivalent(_ a: Value, _ b: Value) -> Bool {
        switch (a, b) {
        case (.null, .null): return true
        case let (.float(x), .float(y)) where x.isNaN && y.isNaN: return true
        case let (.list(x), .list(y)):
            return x.count == y.count && zip(x, y).allSatisfy { equivalent($0, $1) }
        case let (.map(x), .map(y)):
            return x.count == y.count && x.allSatisfy { k, v in y[k].map { equivalent(v, $0) } ?? false }
        default: return Value.equals(a, b) ?? false
        }
    }

    func hash(into h: inout Hasher) { GroupKey.hash(value, into: &h) }

    static func hash(_ v: Value, into h: inout Hasher) {
        switch v {
        case .null: h.combine(0)
        case .bool(let b): h.combine(b)
        case .int(let i): h.combine(Double(i))
        case .float(let d): if d.isNaN { h.combine(UInt8(7)) } else { h.combine(d) }
        case .string(let s): h.combine(s)
        case .list(let l):
            h.combine(l.count)
            for e in l { hash(e, into: &h) }
        case .map(let m):
            h.combine(m.count)
            for k in m.keys.sorted() { h.combine(k); hash(m[k]!, into: &h) }
        case .node(let n): h.combine(n)
        case .relationship(let r): h.combine(r)
        case .path(let p): h.combine(p)
        case .date(let d): h.combine(d)
        case .duration(let d): h.combine(d)
        case .localTime(let t): h.combine(t)
        case .localDateTime(let t): h.combine(t)
        case .time(let t): h.combine(t)
        case .dateTime(let t): h.combine(t)
        case .point(let p): h.combine(p)
        }
    }
}

/// A row of values compared by equivalence: DISTINCT rows and grouping by several keys.
struct RowKey: Hashable, Sendable {
    let values: [Value]

    init(_ values: [Value]) { self.values = values }

    static func == (a: RowKey, b: RowKey) -> Bool {
        a.values.count == b.values.count && zip(a.values, b.values).allSatisfy { GroupKey.equivalent($0, $1) }
    }

    func hash(into h: inout Hasher) {
        for v in values { GroupKey.hash(v, into: &h) }
    }
}
