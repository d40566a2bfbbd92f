import Foundation

/// A point in one of the four coordinate reference systems of openCypher (Neo4j's): Cartesian in
/// two or three dimensions, or WGS-84 (longitude `x`, latitude `y`, height `z` in metres).
public struct PointValue: Sendable, Hashable {
    public enum CRS: UInt8, Sendable, CaseIterable {
        case cartesian = 0, cartesian3D, wgs84, wgs84_3D

        public var name: String {
            switch self {
            case .cartesian: return "cartesian"
            case .cartesian3D: return "cartesian-3d"
            case .wgs84: return "wgs-84"
            case .wgs84_3D: return "wgs-84-3d"
            }
        }

        public var srid: Int64 {
            switch self {
            case .cartesian: return 7203
            case .cartesian3D: return 9157
            case .wgs84: return 4326
            case .wgs84_3D: return 4979
            }
        }

        var isGeographic: Bool { self == .wgs84 || self == .wgs84_3D }
        var is3D: Bool { self == .cartesian3D || self == .wgs84_3D }
    }

    public let crs: CRS
    public let x: Double
    public let y: Double
    /// 0 in two dimensions.
    public let z: Double

    public init(crs: CRS, x: Double, y: Double, z: Double = 0) {
        self.crs = crs
        self.x = x
        self.y = y
        self.z = crs.is3D ? z : 0
    }

    /// Neo4j's mean Earth radius for distances on WGS-84, in metres.
    static let earthRadius = 6_378_140.0

    /// The straight-line distance (Cartesian), or the great-circle distance by the haversine
    /// formula (WGS-84; with heights, combined with their difference); nil across systems.
    public func distance(to other: PointValue) -> Double? {
        guard crs == other.crs else { return nil }
        if !crs.isGeographic {
            let dx = x - other.x, dy = y - other.y, dz = z - other.z
            return (dx * dx + dy * dy + dz * dz).squareRoot()
        }
        let lat1 = y * .pi / 180, lat2 = other.y * .pi / 180
        let dLat = lat2 - lat1, dLon = (other.x - x) * .pi / 180
        let a = sin(dLat / 2) * sin(dLat / 2) + cos(lat1) * cos(lat2) * sin(dLon / 2) * sin(dLon / 2)
        let surface = 2 * Self.earthRadius * atan2(a.squareRoot(), (1 - a).squareRoot())
        guard crs.is3D else { return surface }
        let dz = z - other.z
        return (surface * surface + dz * dz).squareRoot()
    }

    /// Inside the box from `lowerLeft` to `upperRight` (edges included); on WGS-84 a box whose left
    /// edge lies east of its right edge crosses the 180th meridian. Nil across systems.
    public func isWithin(lowerLeft: PointValue, upperRight: PointValue) -> Bool? {
        guard crs == lowerLeft.crs, crs == upperRight.crs else { return nil }
        guard lowerLeft.y <= upperRight.y else { return nil }
        let inY = y >= lowerLeft.y && y <= upperRight.y
        let inX = crs.isGeographic && lowerLeft.x > upperRight.x
            ? x >= lowerLeft.x || x <= upperRight.x
            : x >= lowerLeft.x && x <= upperRight.x
        let inZ = !crs.is3D || (z >= lowerLeft.z && z <= upperRight.z)
        return inX && inY && inZ
    }

    /// `point({x: 1.0, y: 2.0, crs: 'cartesian'})`: a literal that reads back as the same point.
    public var literal: String {
        func number(_ d: Double) -> String { Value.float(d).literalText }
        var fields = "x: \(number(x)), y: \(number(y))"
        if crs.is3D { fields += ", z: \(number(z))" }
        return "point({\(fields), crs: '\(crs.name)'})"
    }

    public func component(_ name: String) -> Value? {
        switch name.lowercasedField {
        case "x": return .float(x)
        case "y": return .float(y)
        case "z": return crs.is3D ? .float(z) : .null
        case "longitude": return crs.isGeographic ? .float(x) : nil
        case "latitude": return crs.isGeographic ? .float(y) : nil
        case "height": return crs == .wgs84_3D ? .float(z) : crs.isGeographic ? .null : nil
        case "crs": return .string(crs.name)
        case "srid": return .int(crs.srid)
        default: return nil
        }
    }

    /// From a map: `{x, y[, z]}` or `{longitude, latitude[, height]}`, with `crs` or `srid`
    /// optional; the reason it is not a point otherwise.
    static func from(_ m: [String: Value]) -> Result<PointValue, PointError> {
        var numbers: [String: Double] = [:]
        var named: CRS?
        for (k, v) in m {
            switch k.lowercased() {
            case "x", "y", "z", "longitude", "latitude", "height":
                guard v.isNumber else { return .failure(PointError("\(k) must be a number")) }
                numbers[k.lowercased()] = v.doubleValue
            case "crs":
                guard case .string(let s) = v, let c = CRS.allCases.first(where: { $0.name == s.lowercased() }) else {
                    return .failure(PointError("crs is 'cartesian', 'cartesian-3d', 'wgs-84' or 'wgs-84-3d'"))
                }
                named = c
            case "srid":
                guard case .int(let i) = v, let c = CRS.allCases.first(where: { $0.srid == i }) else {
                    return .failure(PointError("srid is 7203, 9157, 4326 or 4979"))
                }
                named = c
            default:
                return .failure(PointError("a point has x, y, z or longitude, latitude, height, and crs or srid; not \(k)"))
            }
        }
        let geographic = numbers["longitude"] != nil || numbers["latitude"] != nil || numbers["height"] != nil
        guard !(geographic && (numbers["x"] != nil || numbers["y"] != nil || numbers["z"] != nil)) else {
            return .failure(PointError("a point has x and y or longitude and latitude, not both"))
        }
        guard let x = numbers[geographic ? "longitude" : "x"], let y = numbers[geographic ? "latitude" : "y"] else {
            return .failure(PointError(geographic ? "a geographic point needs longitude and latitude" : "a point needs x and y"))
        }
        let z = numbers[geographic ? "height" : "z"]
        let crs = named ?? (geographic ? (z == nil ? .wgs84 : .wgs84_3D) : (z == nil ? .cartesian : .cartesian3D))
        guard crs.is3D == (z != nil) else { return .failure(PointError("crs \(crs.name) has \(crs.is3D ? "three" : "two") coordinates")) }
        if crs.isGeographic {
            guard (-90...90).contains(y) else { return .failure(PointError("latitude \(y) is outside -90...90")) }
        }
        guard x.isFinite, y.isFinite, z?.isFinite ?? true else { return .failure(PointError("coordinates must be finite")) }
        return .success(PointValue(crs: crs, x: x, y: y, z: z ?? 0))
    }
}

struct PointError: Error {
    let message: String
    init(_ message: String) { self.message = message }
}
