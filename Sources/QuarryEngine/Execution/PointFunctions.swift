/// `point(...)`, `point.distance` and `point.withinBBox`.
extension Functions {
    static func point(_ v: Value, at r: SourceRange) throws(QueryError) -> Value {
        switch v {
        case .null: return .null
        case .point: return v
        case .map(let m):
            // A null coordinate makes no point (as Neo4j).
            if m.values.contains(where: \.isNull) { return .null }
            switch PointValue.from(m) {
            case .success(let p): return .point(p)
            case .failure(let why): throw .invalidArgument("point(): \(why.message)", at: r)
            }
        default:
            throw .typeMismatch("point() needs a map ({x: 1.0, y: 2.0} or {latitude: 34.5, longitude: 69.2})", got: v, at: r)
        }
    }

    static func pointDistance(_ a: Value, _ b: Value, at r: SourceRange) throws(QueryError) -> Value {
        switch (a, b) {
        case (.null, _), (_, .null): return .null
        case let (.point(x), .point(y)): return x.distance(to: y).map(Value.float) ?? .null
        default: throw .typeMismatch("point.distance() needs two points", got: a.isPoint ? b : a, at: r)
        }
    }

    static func pointWithin(_ p: Value, _ lowerLeft: Value, _ upperRight: Value, at r: SourceRange) throws(QueryError) -> Value {
        switch (p, lowerLeft, upperRight) {
        case (.null, _, _), (_, .null, _), (_, _, .null): return .null
        case let (.point(x), .point(lo), .point(hi)): return x.isWithin(lowerLeft: lo, upperRight: hi).map(Value.bool) ?? .null
        default:
            throw .typeMismatch("point.withinBBox() needs three points", got: [p, lowerLeft, upperRight].first { !$0.isPoint } ?? p, at: r)
        }
    }
}

extension Value {
    var isPoint: Bool {
        if case .point = self { return true }
        return false
    }
}
