import QuarryEngine

/// `:sources NAME|ID`: the passage of the source document behind a node, with its citation, and
/// the passages its relationships cite.
extension Session {
    func showSources(_ arg: String) -> String? {
        guard !arg.isEmpty else { return "usage: :sources NAME|ID (the passage of the document a node cites)" }
        let node: NodeID
        switch namedNode(arg, for: "sources") {
        case .failure(let problem): return problem.message
        case .success(let n): node = n
        }
        guard let card = database.card(for: node) else { return "node \(node) does not exist" }
        let width = outputFile == nil ? terminal?.width ?? 100 : 100
        var lines = ["\(Session.title(card.labels, card.name))  · id \(card.node)"]
        let value = { (key: String) in card.properties.first { $0.key == key }?.value ?? .null }
        guard case .string(let source) = value("source") else {
            output((lines + ["It cites no source (no source property)."]).joined(separator: "\n") + "\n")
            return nil
        }
        var para: Int?, line: Int?
        if case .int(let p) = value("para") { para = Int(p) }
        if case .int(let l) = value("line") { line = Int(l) }
        let citation = source + (para.map { " para \($0)" } ?? line.map { " line \($0)" } ?? "")
        guard let library = database.sources else {
            lines.append("Cited as \(citation); no documents are declared for this graph (a dataset's sources.json declares them).")
            lines += paraphrase(card, width: width)
            output(lines.joined(separator: "\n") + "\n")
            return nil
        }
        switch library.passage(source: source, para: para, line: line) {
        case .found(let passage):
            let title = library.documents[source]?.title ?? source
            lines += TextWrapping.wrap("\(citation), “\(title)” (\(passage.path), line \(passage.line)):", width: width, first: "", indent: 0)
            var text = passage.text
            if case .string(let quote) = value("quote"), let range = text.range(of: quote) { text.replaceSubrange(range, with: "«\(quote)»") }
            lines += TextWrapping.wrap(text, width: width, first: "  ", indent: 2)
        case .missing(let title, let file, let lookedIn):
            lines += TextWrapping.wrap("Cited as \(citation), “\(title)”: \(file) is not on this disk (looked in \(lookedIn.joined(separator: ", ")); $QUARRY_SOURCE_PATH adds folders).",
                                       width: width, first: "", indent: 0)
            lines += paraphrase(card, width: width)
        case .unknown(let why):
            lines.append("Cited as \(citation): \(why).")
            lines += paraphrase(card, width: width)
        }
        let others = card.citations.filter { $0.source != source || $0.passages != (para.map { [$0] } ?? []) }
        if !others.isEmpty {
            lines.append("")
            lines += TextWrapping.wrap("Its relationships also cite: " + others.map { c in
                c.passages.isEmpty ? c.source : "\(c.source) para " + c.passages.map(String.init).joined(separator: ", ")
            }.joined(separator: "; ") + " (:show \(node) lists them).", width: width, first: "", indent: 0)
        }
        output(lines.joined(separator: "\n") + "\n")
        return nil
    }

    /// What the dataset itself says of the node, when the document is not there.
    private func paraphrase(_ card: EntityCard, width: Int) -> [String] {
        let r = ValueRenderer(elements: ResultElements())
        let said = ["summary", "quote"].compactMap { key in card.properties.first { $0.key == key }.map { "\(key): \(r.cypher($0.value))" } }
        guard !said.isEmpty else { return ["The dataset gives no paraphrase of it."] }
        return TextWrapping.wrap(said.joined(separator: "; "), width: width, first: "The dataset's own words: ", indent: 2)
    }
}
