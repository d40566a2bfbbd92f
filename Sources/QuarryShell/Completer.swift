import Foundation
import QuarryEngine

/// Tab completion that knows the language and the graph. Given the statement typed so far (earlier
/// lines included) up to the cursor, and the word being completed, it proposes keywords and
/// functions, labels after `(x:`, relationship types after `[:`, property keys after `x.`,
/// variables, `$parameters`, `:commands`, file paths and `name` values inside quotes.
public struct Completer {
    let graph: Graph
    let parameters: [String]

    public init(graph: Graph, parameters: [String]) {
        self.graph = graph
        self.parameters = parameters
    }

    static let keywords = [
        "MATCH", "OPTIONAL", "WHERE", "RETURN", "WITH", "UNWIND", "AS", "CREATE", "MERGE", "SET", "REMOVE", "DELETE",
        "DETACH", "ORDER", "BY", "ASC", "DESC", "SKIP", "LIMIT", "DISTINCT", "UNION", "ALL", "AND", "OR", "XOR", "NOT",
        "IN", "STARTS", "ENDS", "CONTAINS", "IS", "NULL", "TRUE", "FALSE", "CASE", "WHEN", "THEN", "ELSE", "END", "ON",
        "LOAD", "CSV", "FROM", "HEADERS", "FIELDTERMINATOR", "EXPLAIN", "PROFILE", "INDEX", "FOR", "DROP", "SHOW",
        "INDEXES", "shortestPath", "allShortestPaths",
    ]

    static let fileCommands: Set<String> = ["run", "load", "import", "output"]

    /// Candidates for `word`, the text just before the cursor being `before` (which ends with `word`).
    public func complete(before: String, word: String) -> [String] {
        let head = String(before.dropLast(word.count))
        let lineHead = head.split(separator: "\n", omittingEmptySubsequences: false).last.map(String.init) ?? ""
        let trimmedLine = lineHead.trimmingLeadingSpace
        if trimmedLine == ":" && before.split(separator: "\n").count <= 1 {
            return matching(word, Session.metaCommands.map(\.name), keepCase: true)
        }
        if trimmedLine.hasPrefix(":") {
            let command = trimmedLine.dropFirst().prefix { !$0.isWhitespace }
            return Completer.fileCommands.contains(String(command)) ? paths(word) : []
        }
        if let open = Completer.openQuote(head) {
            let (label, key) = Completer.valueContext(head[..<open.at], statement: before)
            return values(of: key, label: label, startingWith: open.typed + word).map { String($0.dropFirst(open.typed.count)) }
        }
        if let typed = Completer.procedureNameBefore(head) {
            let full = (typed + word).lowercased()
            return ProcedureRegistry.listing.map(\.name).filter { $0.lowercased().hasPrefix(full) }.map { String($0.dropFirst(typed.count)) }.sorted()
        }
        switch head.last {
        case ":":
            return openBracket(head) == "[" ? matching(word, present(graph.types.names, graph.typeCounts), keepCase: true)
                : matching(word, present(graph.labels.names, graph.labelCounts), keepCase: true)
        case "|" where openBracket(head) == "[":
            return matching(word, present(graph.types.names, graph.typeCounts), keepCase: true)
        case ".":
            return matching(word, propertyKeys(for: variable(endingAt: head.dropLast()), in: head), keepCase: true)
        case "$":
            return matching(word, parameters, keepCase: true)
        default:
            let variables = boundVariables(head)
            let functions = FunctionCatalog.entries.values.map { $0.name + "(" }
            return matching(word, variables, keepCase: true) + matching(word, Completer.keywords + functions, keepCase: false)
        }
    }

    /// The part of a procedure name typed after `CALL ` up to the word being completed (`db.`
    /// in `CALL db.la`), or nil when the cursor is not on a procedure name.
    static func procedureNameBefore(_ head: String) -> String? {
        let typed = String(head.reversed().prefix { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "." }.reversed())
        let rest = head.dropLast(typed.count)
        guard let last = rest.last, last.isWhitespace else { return nil }
        let trimmed = rest.reversed().drop { $0.isWhitespace }
        let word = String(trimmed.prefix { $0.isLetter }.reversed())
        return word.uppercased() == "CALL" ? typed : nil
    }

    /// Names whose count is not zero.
    func present(_ names: [String], _ counts: [Int]) -> [String] {
        names.enumerated().filter { $0.offset < counts.count && counts[$0.offset] > 0 }.map(\.element).sorted()
    }

    /// Case-insensitive prefix matches, in the case the user types (keywords) or as stored (names).
    func matching(_ word: String, _ candidates: [String], keepCase: Bool) -> [String] {
        let lower = word.lowercased()
        let found = candidates.filter { $0.lowercased().hasPrefix(lower) }
        guard !keepCase else { return Array(Set(found)).sorted() }
        let upper = word.isEmpty || (word.contains { $0.isUppercase } && !word.contains { $0.isLowercase })
        return Array(Set(found.map { $0.hasSuffix("(") ? $0 : (upper ? $0.uppercased() : $0.lowercased()) })).sorted()
    }

    /// The innermost bracket still open: `(`, `[` or `{`.
    func openBracket(_ text: String) -> Character? {
        var stack: [Character] = []
        var quote: Character?
        for c in text {
            if let q = quote {
                if c == q { quote = nil }
                continue
            }
            switch c {
            case "'", "\"": quote = c
            case "(", "[", "{": stack.append(c)
            case ")", "]", "}": if !stack.isEmpty { stack.removeLast() }
            default: break
            }
        }
        return stack.last
    }

    /// The unclosed quote the cursor is inside, if any: the quote character, where it is, and
    /// the text typed since.
    static func openQuote(_ text: String) -> (quote: Character, at: String.Index, typed: String)? {
        var quote: Character?
        var at = text.startIndex
        for i in text.indices {
            let c = text[i]
            if let q = quote {
                if c == q { quote = nil }
            } else if c == "'" || c == "\"" {
                quote = c
                at = i
            }
        }
        guard let quote else { return nil }
        return (quote, at, String(text[text.index(after: at)...]))
    }

    /// What a quoted value is typed for: the key and, when the statement says, the label —
    /// `(a:Actor {name: '…`, or `a.name = '…` (also `STARTS WITH`, `CONTAINS`, `<>`) with `(a:Actor`
    /// earlier. Otherwise `name` on any label.
    static func valueContext(_ beforeQuote: Substring, statement: String) -> (label: String?, key: String) {
        let text = String(beforeQuote)
        if let m = text.firstMatch(of: /(\w+)\s*:\s*$/), let open = text.lastIndex(of: "(") {
            let node = text[open...]
            let label = node.firstMatch(of: /^\(\s*\w*\s*:\s*`?(\w+)/).map { String($0.1) }
            return (label, String(m.1))
        }
        if let m = text.firstMatch(of: /(\w+)\.(\w+)\s*(=|<>|(?i:STARTS\s+WITH|ENDS\s+WITH|CONTAINS))\s*$/) {
            let variable = String(m.1)
            let label = statement.matches(of: /\(\s*(\w+)\s*:\s*`?(\w+)/).first { $0.1 == variable }.map { String($0.2) }
            return (label, String(m.2))
        }
        return (nil, "name")
    }

    func variable(endingAt text: Substring) -> String {
        String(text.reversed().prefix { $0.isLetter || $0.isNumber || $0 == "_" }.reversed())
    }

    /// Variables introduced so far: `(x`, `[x`, `AS x`, `x =` before a pattern.
    func boundVariables(_ text: String) -> [String] {
        var names: Set<String> = []
        let chars = Array(text)
        var i = 0
        while i < chars.count {
            if chars[i] == "(" || chars[i] == "[" {
                var j = i + 1
                while j < chars.count, chars[j] == " " { j += 1 }
                let start = j
                while j < chars.count, chars[j].isLetter || chars[j].isNumber || chars[j] == "_" { j += 1 }
                if j > start, chars[start].isLetter || chars[start] == "_" { names.insert(String(chars[start..<j])) }
            }
            i += 1
        }
        let words = text.split { !($0.isLetter || $0.isNumber || $0 == "_") }
        for (k, w) in words.enumerated() where w.uppercased() == "AS" && k + 1 < words.count { names.insert(String(words[k + 1])) }
        let keywordSet = Set(Completer.keywords.map { $0.uppercased() })
        return names.filter { !keywordSet.contains($0.uppercased()) }.sorted()
    }

    /// Keys held by nodes of the variable's label when the statement names one (`(x:Actor`), else all keys.
    func propertyKeys(for variable: String, in statement: String) -> [String] {
        let pattern = "(" + variable + ":"
        guard let r = statement.range(of: pattern) else { return graph.keys.names }
        let label = String(statement[r.upperBound...].prefix { $0.isLetter || $0.isNumber || $0 == "_" })
        guard graph.labels.id(label) != nil else { return graph.keys.names }
        return graph.propertyKeys(ofLabel: label)
    }

    /// Text values of `key` (on nodes with `label`, when known) starting with the prefix, in
    /// any case (inside quotes).
    func values(of keyName: String, label labelName: String?, startingWith prefix: String) -> [String] {
        graph.textValues(ofKey: keyName, label: labelName, prefix: prefix, limit: 200)
    }

    func paths(_ word: String) -> [String] {
        let expanded = word.hasPrefix("~/") ? REPL.homeDirectory + word.dropFirst(1) : word
        let dir = expanded.contains("/") ? String(expanded[...expanded.lastIndex(of: "/")!]) : ""
        let prefix = expanded.contains("/") ? String(expanded[expanded.index(after: expanded.lastIndex(of: "/")!)...]) : expanded
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: dir.isEmpty ? "." : dir) else { return [] }
        let shownDir = word.contains("/") ? String(word[...word.lastIndex(of: "/")!]) : ""
        return entries.filter { $0.hasPrefix(prefix) && (!$0.hasPrefix(".") || prefix.hasPrefix(".")) }.sorted().map { entry in
            var isDir: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: dir + entry, isDirectory: &isDir)
            return shownDir + entry + (isDir.boolValue ? "/" : "")
        }
    }
}
