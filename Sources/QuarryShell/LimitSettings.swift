import QuarryEngine

/// The statement limits as a user writes them: `--memory-limit 4G`, `:set timeout 30s`.
public enum LimitSettings {
    /// `4G`, `512M`, `75%` (of physical memory), a number of bytes, or `off` (.some(nil)); nil when
    /// the text is none of these.
    public static func memory(_ text: String) -> Int?? {
        let t = text.trimmingWhitespace.uppercased()
        if t == "OFF" || t == "0" { return .some(nil) }
        if t.hasSuffix("%"), let p = Double(t.dropLast()), p > 0, p <= 100 { return Int(Double(MemoryGuard.physicalBytes) * p / 100) }
        let units: [(String, Double)] = [("TB", 1e12), ("GB", 1e9), ("MB", 1e6), ("KB", 1e3),
                                         ("T", 0x1p40), ("G", 0x1p30), ("M", 0x1p20), ("K", 0x1p10), ("B", 1)]
        for (suffix, factor) in units where t.hasSuffix(suffix) {
            guard let n = Double(t.dropLast(suffix.count)), n > 0, n * factor < 9e18 else { return nil }
            return Int(n * factor)
        }
        guard let n = Int(t), n > 0 else { return nil }
        return n
    }

    /// `30`, `30s`, `500ms`, `5m`, `1h`, or `off` (.some(nil)); nil when the text is none of these.
    public static func seconds(_ text: String) -> Double?? {
        let t = text.trimmingWhitespace.lowercased()
        if t == "off" || t == "0" { return .some(nil) }
        let units: [(String, Double)] = [("ms", 0.001), ("s", 1), ("m", 60), ("h", 3600)]
        for (suffix, factor) in units where t.hasSuffix(suffix) {
            guard let n = Double(t.dropLast(suffix.count)), n > 0, n.isFinite else { return nil }
            return n * factor
        }
        guard let n = Double(t), n > 0, n.isFinite else { return nil }
        return n
    }

    public static func describe(memory: Int?) -> String { memory.map(MemoryGuard.describe) ?? "off" }

    public static func describe(seconds: Double?) -> String {
        guard let s = seconds else { return "off" }
        if s < 1 { return "\(Int(s * 1000)) ms" }
        return s == s.rounded() ? "\(Int(s)) s" : "\(s) s"
    }
}
