import Foundation
import QuarryEngine

/// `:find` and `:show`: an analyst's way to a node by a half-remembered name, and its card.
extension Session {
    static let entityCommands: [MetaCommand] = [
        MetaCommand(name: "find", arguments: "[--in KEY,KEY|--in all] TEXT",
                    summary: "nodes by name or alias, forgiving case, accents and typos, best first (--in: other text properties)") { s, arg in
            s.findEntities(arg)
        },
        MetaCommand(name: "show", arguments: "NAME|ID",
                    summary: "a node's card: properties, relationships by type with names, claims about it, citations") { s, arg in
            s.showEntity(arg)
        },
        MetaCommand(name: "sources", arguments: "NAME|ID",
                    summary: "the passage of the source document a node cites, with its citation (passage() in queries)") { s, arg in
            s.showSources(arg)
        },
        MetaCommand(name: "timeline", arguments: "[from DATE] [to DATE] [by month|year] [QUERY]",
                    summary: "events in time order with their precision, and a bar of counts per month or year") { s, arg in
            s.showTimeline(arg)
        },
        MetaCommand(name: "draw", arguments: "[QUERY | ego NAME [HOPS]] [FILE.svg|.png|.html]",
                    summary: "draw what a query returns, or a node's neighbourhood, with Graphviz (inline on kitty, iTerm2 and sixel terminals)") { s, arg in
            s.draw(arg)
        },
    ]

    /// Most neighbours listed per relationship group on a card; the rest are counted.
    static let cardNeighbourLimit = 12

    func findEntities(_ arg: String) -> String? {
        var text = arg, scope = FindScope.names
        if text.hasPrefix("--in ") {
            let rest = text.dropFirst(5).trimmingWhitespace
            let keys = String(rest.prefix { !$0.isWhitespace })
            text = String(rest.dropFirst(keys.count)).trimmingWhitespace
            if keys == "all" {
                scope = .allText
            } else {
                let names = keys.split(separator: ",").map(String.init)
                for k in names where !database.graph.keys.names.contains(k) {
                    return "no node has the property \(k)" + (closestName(to: k, in: database.graph.keys.names).map { " (did you mean \($0)?)" } ?? "")
                }
                scope = .keys(names)
            }
        }
        guard !text.isEmpty else { return "usage: :find [--in KEY,KEY|--in all] TEXT" }
        let found: [FoundEntity]
        let started = DispatchTime.now().uptimeNanoseconds
        do throws(QueryError) {
            found = try database.find(text, scope: scope, limit: 10, cancellation: interrupt)
        } catch {
            return error.message
        }
        let milliseconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e6
        guard !found.isEmpty else {
            output("Nothing matches '\(text)'" + (scope == .names ? " in names or aliases (search every text property: :find --in all \(text))" : "") + "."
                   + (timing ? String(format: " %.1f ms", milliseconds) : "") + "\n")
            return nil
        }
        present(Session.table(of: found), milliseconds: milliseconds)
        return nil
    }

    static func table(of found: [FoundEntity]) -> QueryResult {
        let rows: [[Value]] = found.map { f in
            let how = f.matchedKey == "name" || f.matchedKey == "title" ? (f.match == .exact ? f.matchedKey : "\(f.matchedKey) (\(f.match.rawValue))")
                : "\(f.matchedKey): \(f.matchedText) (\(f.match.rawValue))"
            return [.int(Int64(f.node)), .string(f.labels.map { ":" + $0 }.joined()), .string(f.name), .string(how),
                    .string(f.summary), .int(Int64(f.degree))]
        }
        return QueryResult(columns: ["id", "labels", "name", "matched", "about", "relationships"], rows: rows)
    }

    /// The node a command's argument names, or why not (several candidates are listed first).
    func namedNode(_ arg: String, for command: String) -> Result<NodeID, CommandProblem> {
        do throws(QueryError) {
            switch try database.resolveEntity(arg) {
            case .node(let node): return .success(node)
            case .candidates(let found) where found.isEmpty:
                return .failure(CommandProblem(message: "no node is named '\(arg)' (:find --in all \(arg) searches every text property)"))
            case .candidates(let found):
                present(Session.table(of: found), milliseconds: 0)
                return .failure(CommandProblem(message: "several nodes fit '\(arg)': :\(command) one of the ids above"))
            }
        } catch {
            return .failure(CommandProblem(message: error.message))
        }
    }

    func showEntity(_ arg: String) -> String? {
        guard !arg.isEmpty else { return "usage: :show NAME|ID (find one with :find TEXT)" }
        switch namedNode(arg, for: "show") {
        case .failure(let problem): return problem.message
        case .success(let node):
            guard let card = database.card(for: node) else { return "node \(node) does not exist" }
            if format == .table {
                output(Session.render(card, width: outputFile == nil ? terminal?.width ?? 100 : 100))
            } else {
                present(Session.rows(of: card), milliseconds: 0)
            }
            return nil
        }
    }

    static func title(_ labels: [String], _ name: String) -> String {
        "(" + labels.map { ":" + $0 }.joined() + ")" + (name.isEmpty ? "" : " " + name)
    }

    /// The card as text, long lines wrapped (never cut) to `width`.
    static func render(_ card: EntityCard, width: Int) -> String {
        let r = ValueRenderer(elements: ResultElements())
        var lines = ["\(title(card.labels, card.name))  · id \(card.node)"]
        let keyWidth = min(16, card.properties.map(\.key.count).max() ?? 0)
        for p in card.properties {
            lines += TextWrapping.wrap(r.cypher(p.value), width: width, first: "  " + p.key.padded(to: keyWidth) + "  ", indent: keyWidth + 4)
        }
        let total = card.groups.reduce(0) { $0 + $1.neighbours.count }
        lines.append("")
        lines.append(total == 0 ? "No relationships." : "Relationships: \(total)")
        let arrowWidth = card.groups.map { $0.type.count + 6 }.max() ?? 0
        for group in card.groups {
            let arrow = (group.outgoing ? "-[:\(group.type)]->" : "<-[:\(group.type)]-").padded(to: arrowWidth)
            let shown = group.neighbours.prefix(cardNeighbourLimit).map { n in
                title(n.labels, n.name.isEmpty ? "id \(n.node)" : n.name)
                    + (n.properties.isEmpty ? "" : " {" + n.properties.map { "\($0.key): \(r.cypher($0.value))" }.joined(separator: ", ") + "}")
            }
            let more = group.neighbours.count - shown.count
            for (i, text) in shown.enumerated() {
                lines += TextWrapping.wrap(text, width: width, first: "  " + (i == 0 ? arrow : "".padded(to: arrowWidth)) + " ", indent: arrowWidth + 3)
            }
            if more > 0 { lines.append("  " + "".padded(to: arrowWidth) + " … and \(more) more") }
        }
        if !card.claims.isEmpty {
            lines.append("")
            lines.append("Claims about it: \(card.claims.count)")
            for c in card.claims {
                let who = c.claimants.isEmpty ? "Unattributed" : c.claimants.joined(separator: ", ")
                lines += TextWrapping.wrap("\(who) \(c.verb.isEmpty ? "said" : c.verb): \(c.text) (\(c.relation))", width: width, first: "  • ", indent: 4)
                if let q = c.quote { lines += TextWrapping.wrap("“\(q)”", width: width, first: "    ", indent: 4) }
            }
        }
        if !card.citations.isEmpty {
            lines.append("")
            lines += TextWrapping.wrap(card.citations.map { c in c.passages.isEmpty ? c.source : "\(c.source) para " + c.passages.map(String.init).joined(separator: ", ") }
                .joined(separator: "; "), width: width, first: "Cited in: ", indent: 10)
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The card as rows (section, name, value) for the machine formats.
    static func rows(of card: EntityCard) -> QueryResult {
        var rows: [[Value]] = [[.string("node"), .string(card.labels.map { ":" + $0 }.joined()), .int(Int64(card.node))]]
        rows += card.properties.map { [.string("property"), .string($0.key), $0.value] }
        for g in card.groups {
            let arrow = g.outgoing ? "-[:\(g.type)]->" : "<-[:\(g.type)]-"
            rows += g.neighbours.map { [.string("relationship"), .string(arrow), .string($0.name.isEmpty ? "id \($0.node)" : $0.name)] }
        }
        rows += card.claims.map { c in
            [.string("claim"), .string(c.claimants.joined(separator: ", ") + " " + c.verb), .string(c.text + (c.quote.map { " “\($0)”" } ?? ""))]
        }
        rows += card.citations.map { [.string("cited"), .string($0.source), .string($0.passages.map(String.init).joined(separator: ", "))] }
        return QueryResult(columns: ["section", "name", "value"], rows: rows)
    }
}
