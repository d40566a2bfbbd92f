import Foundation

/// Reads the DOT that `DOTExport` writes (node and edge statements with `quarry_labels`,
/// `quarry_type` and `quarry_properties` attributes) into a new graph. Nodes without them come in
/// without labels or properties; edges without a type get `RELATED`.
public enum DOTImport {
    public static func read(path: String) throws(QueryError) -> Graph {
        let text = try InputFile.text(path)
        var graph = Graph()
        var nodes: [String: NodeID] = [:]
        func node(_ id: String) -> NodeID {
            if let n = nodes[id] { return n }
            let n = graph.createNode()
            nodes[id] = n
            return n
        }
        for (i, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            func fail(_ what: String) -> QueryError { .csv(what, file: path, line: i + 1, column: 1) }
            guard !line.isEmpty, !line.hasPrefix("digraph"), !line.hasPrefix("}"), !line.hasPrefix("graph "),
                  !line.hasPrefix("node "), !line.hasPrefix("edge ") else { continue }
            var scanner = DOTScanner(line)
            guard let first = scanner.identifier() else { throw fail("expected a node name") }
            var second: String?
            if scanner.consume("->") {
                guard let target = scanner.identifier() else { throw fail("expected the node an edge points to") }
                second = target
            }
            let attributes = try scanner.attributes(fail)
            let parsed: Value
            do {
                parsed = try LiteralReader.value(attributes["quarry_properties"] ?? "{}")
            } catch {
                throw fail(error.message)
            }
            guard case .map(let properties) = parsed else { throw fail("quarry_properties must be a map") }
            if let second {
                let r = graph.createRelationship(type: graph.typeID(attributes["quarry_type"] ?? "RELATED"), from: node(first), to: node(second))
                for (k, v) in properties { graph.setRelationshipProperty(r, graph.keyID(k), v) }
            } else {
                let n = node(first)
                for label in (attributes["quarry_labels"] ?? "").split(separator: ":") { graph.addLabel(n, graph.labelID(String(label))) }
                for (k, v) in properties { graph.setNodeProperty(n, graph.keyID(k), v) }
            }
        }
        graph.compact()
        return graph
    }
}

/// Tokens of one DOT statement: identifiers, quoted strings with `\"`, `\\` and `\n` escapes.
struct DOTScanner {
    let chars: [Character]
    var position = 0

    init(_ line: String) { chars = Array(line) }

    mutating func skipSpace() { while position < chars.count, chars[position] == " " || chars[position] == "\t" { position += 1 } }

    mutating func consume(_ s: String) -> Bool {
        skipSpace()
        let wanted = Array(s)
        guard position + wanted.count <= chars.count, Array(chars[position..<position + wanted.count]) == wanted else { return false }
        position += wanted.count
        return true
    }

    mutating func identifier() -> String? {
        skipSpace()
        if position < chars.count, chars[position] == "\"" { return quoted() }
        let start = position
        while position < chars.count, chars[position].isLetter || chars[position].isNumber || chars[position] == "_" || chars[position] == "." {
            position += 1
        }
        return position > start ? String(chars[start..<position]) : nil
    }

    mutating func quoted() -> String? {
        position += 1
        var out = ""
        while position < chars.count {
            let c = chars[position]
            position += 1
            if c == "\"" { return out }
            if c == "\\", position < chars.count {
                let e = chars[position]
                position += 1
                out.append(e == "n" ? "\n" : e)
                continue
            }
            out.append(c)
        }
        return nil
    }

    mutating func attributes(_ fail: (String) -> QueryError) throws(QueryError) -> [String: String] {
        var out: [String: String] = [:]
        guard consume("[") else { return out }
        while !consume("]") {
            guard let name = identifier(), consume("="), let value = identifier() else { throw fail("a malformed attribute list") }
            out[name] = value
            _ = consume(",")
        }
        return out
    }
}
