/// Reads Graphviz DOT into a new graph: the whole language (statements on one line or many,
/// `;` optional, edge chains `a -> b -> c`, `--` edges, subgraphs as edge ends, comments, quoted,
/// HTML and numeral ids, `"a" + "b"`, ports). Nodes and edges exported by `DOTExport` carry
/// `quarry_labels`, `quarry_type` and `quarry_properties` and come back exactly; others come in as
/// `RELATED` edges and nodes with a `name` (their DOT id), their attributes as string properties.
/// Default attributes (`node [...]`, `edge [...]`, `graph [...]`) are presentation, not read.
public enum DOTImport {
    public static func read(path: String, cancellation: CancellationFlag? = nil) throws(QueryError) -> Graph {
        var parser = DOTParser(tokens: try DOTLexer(bytes: Array(try InputFile.text(path).utf8), file: path, cancellation: cancellation).tokens())
        try parser.parseFile()
        return try parser.build()
    }
}

/// The statements of a DOT file, collected before the graph is built.
struct DOTParser {
    struct Edge {
        let from: String
        let to: String
        let attributes: [(String, String)]
        let offset: Int
    }

    var lexer: DOTLexer
    var tokens: [DOTToken]
    var index = 0
    var nodeOrder: [String] = []
    var nodeAttributes: [String: [(String, String)]] = [:]
    /// Where each node's attributes were last given, for errors in them.
    var nodeOffsets: [String: Int] = [:]
    var edges: [Edge] = []
    var depth = 0

    init(tokens: (DOTLexer, [DOTToken])) {
        (lexer, self.tokens) = tokens
    }

    var current: DOTToken { tokens[index] }

    mutating func error(_ what: String) -> QueryError { lexer.error(what, at: current.offset) }

    mutating func take(_ kind: DOTToken.Kind) -> Bool {
        guard current.kind == kind else { return false }
        index += 1
        return true
    }

    mutating func expect(_ kind: DOTToken.Kind, _ what: String) throws(QueryError) {
        guard take(kind) else { throw error("expected \(what)") }
    }

    mutating func keyword(_ word: String) -> Bool {
        guard current.kind == .id, !current.quoted, current.text.lowercased() == word else { return false }
        index += 1
        return true
    }

    mutating func identifier(_ what: String) throws(QueryError) -> String {
        guard current.kind == .id else { throw error("expected \(what)") }
        index += 1
        return tokens[index - 1].text
    }

    mutating func parseFile() throws(QueryError) {
        guard current.kind != .end else { throw error("the file holds no graph (expected 'digraph NAME {')") }
        _ = keyword("strict")
        guard keyword("digraph") || keyword("graph") else { throw error("expected 'digraph' or 'graph'") }
        if current.kind == .id { index += 1 }
        try expect(.open, "'{'")
        try statements()
        guard current.kind == .end else { throw error("more after the end of the graph (one graph per file)") }
    }

    /// Statements up to and including the closing `}`; returns the nodes they mention.
    @discardableResult
    mutating func statements() throws(QueryError) -> [String] {
        depth += 1
        defer { depth -= 1 }
        guard depth <= 100 else { throw error("subgraphs nested more than 100 deep") }
        var mentioned: [String] = []
        while !take(.close) {
            guard current.kind != .end else { throw error("the graph is never closed (expected '}')") }
            if take(.semicolon) { continue }
            if keyword("graph") || keyword("node") || keyword("edge") {
                _ = try attributeLists()
                continue
            }
            if current.kind == .id, tokens[index + 1].kind == .equals {
                index += 2
                _ = try identifier("a value after '='")
                continue
            }
            let offset = current.offset
            var ends = try endpoint()
            mentioned += ends
            guard current.kind == .edgeOperator else {
                if ends.count == 1, tokens[index - 1].kind == .id {
                    nodeOffsets[ends[0]] = offset
                    merge(ends[0], try attributeLists())
                }
                continue
            }
            var chain = [ends]
            while take(.edgeOperator) {
                ends = try endpoint()
                mentioned += ends
                chain.append(ends)
            }
            let attributes = try attributeLists()
            for (from, to) in zip(chain, chain.dropFirst()) {
                for a in from { for b in to { edges.append(Edge(from: a, to: b, attributes: attributes, offset: offset)) } }
            }
        }
        return mentioned
    }

    /// A node id (with an optional port, ignored) or a subgraph: the nodes it stands for.
    mutating func endpoint() throws(QueryError) -> [String] {
        if keyword("subgraph") {
            if current.kind == .id { index += 1 }
            try expect(.open, "'{' after subgraph")
            return try statements()
        }
        if take(.open) { return try statements() }
        let name = try identifier("a node id, a subgraph or '}'")
        note(name)
        while take(.colon) { _ = try identifier("a port name after ':'") }
        return [name]
    }

    mutating func note(_ name: String) {
        if nodeAttributes[name] == nil {
            nodeAttributes[name] = []
            nodeOrder.append(name)
        }
    }

    mutating func merge(_ name: String, _ attributes: [(String, String)]) {
        nodeAttributes[name, default: []] += attributes
    }

    /// `[a=1, b=2][c=3]`, or nothing.
    mutating func attributeLists() throws(QueryError) -> [(String, String)] {
        var out: [(String, String)] = []
        while take(.openBracket) {
            while !take(.closeBracket) {
                let name = try identifier("an attribute name or ']'")
                try expect(.equals, "'=' after \(name)")
                out.append((name, try identifier("a value for \(name)")))
                _ = take(.comma) || take(.semicolon)
            }
        }
        return out
    }
}

extension DOTParser {
    mutating func build() throws(QueryError) -> Graph {
        var graph = GraphBuilder()
        var ids: [String: NodeID] = [:]
        for name in nodeOrder {
            let n = graph.addNode()
            ids[name] = n
            let attributes = Dictionary(nodeAttributes[name] ?? [], uniquingKeysWith: { _, last in last })
            if attributes["quarry_labels"] != nil || attributes["quarry_properties"] != nil {
                for label in LabelList.labels(attributes["quarry_labels"] ?? "") { graph.addLabel(label, to: n) }
                for (k, v) in try properties(attributes["quarry_properties"], of: "the node \(name)", at: nodeOffsets[name] ?? 0) {
                    graph.setProperty(k, v, ofNode: n)
                }
            } else {
                graph.setProperty("name", .string(name), ofNode: n)
                for (k, v) in attributes.sorted(by: { $0.key < $1.key }) { graph.setProperty(k, .string(v), ofNode: n) }
            }
        }
        for edge in edges {
            guard let from = ids[edge.from], let to = ids[edge.to] else { continue }
            let attributes = Dictionary(edge.attributes, uniquingKeysWith: { _, last in last })
            let quarry = attributes["quarry_type"] != nil || attributes["quarry_properties"] != nil
            let r = graph.addRelationship(type: attributes["quarry_type"] ?? "RELATED", from: from, to: to)
            if quarry {
                for (k, v) in try properties(attributes["quarry_properties"], of: "the edge \(edge.from) -> \(edge.to)", at: edge.offset) {
                    graph.setProperty(k, v, ofRelationship: r)
                }
            } else {
                for (k, v) in attributes.sorted(by: { $0.key < $1.key }) { graph.setProperty(k, .string(v), ofRelationship: r) }
            }
        }
        return graph.build()
    }

    /// The map literal of a `quarry_properties` attribute.
    mutating func properties(_ literal: String?, of what: String, at offset: Int) throws(QueryError) -> [(String, Value)] {
        guard let literal else { return [] }
        let parsed: Value
        do {
            parsed = try LiteralReader.value(literal)
        } catch {
            throw lexer.error("quarry_properties of \(what): \(error.message)", at: offset)
        }
        guard case .map(let properties) = parsed else { throw lexer.error("quarry_properties of \(what) is not a map", at: offset) }
        return properties.sorted { $0.key < $1.key }
    }
}
