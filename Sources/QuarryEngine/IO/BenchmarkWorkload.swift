import Foundation

/// The benchmark workload's query file (`bench/queries.cypher`): `// @query NAME` starts a query,
/// `// @variant ENGINE NAME` another engine's text (skipped here), other `//` lines are comments.
public enum BenchmarkWorkload {
    public static func queries(in text: String) -> [(String, String)] {
        var out: [(String, String)] = []
        var name: String?
        var lines: [String] = []
        func flush() {
            if let name {
                var q = lines.joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
                if q.hasSuffix(";") { q.removeLast() }
                out.append((name, q))
            }
            lines = []
        }
        for line in text.components(separatedBy: "\n") {
            let t = line.trimmingCharacters(in: .whitespaces)
            if t.hasPrefix("// @") {
                flush()
                let words = t.dropFirst(4).split(separator: " ")
                name = words.first == "query" && words.count > 1 ? String(words[1]) : nil
            } else if !t.hasPrefix("//") {
                lines.append(line)
            }
        }
        flush()
        return out
    }
}
