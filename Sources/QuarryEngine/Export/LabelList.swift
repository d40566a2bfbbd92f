/// A node's labels as one text, the way the graph exports write them: `:Actor:Group`, with a
/// label that holds `:` or a backtick quoted as in Cypher (`` :`Odd:Label` ``), so that every label
/// comes back whole. Reading also takes foreign spellings such as `Actor:Group`.
enum LabelList {
    static func text(_ labels: [String]) -> String {
        labels.map { label in
            label.contains(":") || label.contains("`") || label.isEmpty ? ":`" + label.replacingOccurrences(of: "`", with: "``") + "`" : ":" + label
        }.joined()
    }

    static func labels(_ text: String) -> [String] {
        var out: [String] = []
        var chars = Substring(text)
        while !chars.isEmpty {
            if chars.first == ":" {
                chars = chars.dropFirst()
                continue
            }
            var label = ""
            if chars.first == "`" {
                chars = chars.dropFirst()
                while let c = chars.first {
                    chars = chars.dropFirst()
                    if c == "`" {
                        guard chars.first == "`" else { break }
                        chars = chars.dropFirst()
                    }
                    label.append(c)
                }
            } else {
                label = String(chars.prefix { $0 != ":" })
                chars = chars.dropFirst(label.count)
            }
            out.append(label)
        }
        return out
    }
}
