import Foundation
import QuarryEngine

/// `:draw`: the subgraph a query returns, or a node's neighbourhood, laid out by Graphviz into
/// SVG, PNG or a self-contained HTML page; shown inline on terminals that show pictures (kitty,
/// iTerm2, sixel), otherwise written to a file whose path is printed.
extension Session {
    /// More nodes than this make a drawing nobody can read (and Graphviz slow): narrow the query.
    static let drawingLimit = 2_000

    enum DrawingFormat: String, CaseIterable {
        case svg, png, html
    }

    func draw(_ arg: String) -> String? {
        var words = arg.split(separator: " ").map(String.init)
        var target: String?
        var format = DrawingFormat.svg
        if let last = words.last, let f = DrawingFormat.allCases.first(where: { last.lowercased().hasSuffix("." + $0.rawValue) }) {
            target = resolve(last)
            format = f
            words.removeLast()
        }
        let sub: Subgraph
        do {
            sub = try subgraphToDraw(words)
        } catch let error as QueryError {
            return error.description
        } catch let problem as CommandProblem {
            return problem.message
        } catch {
            return "cannot draw: \(error)"
        }
        guard !sub.nodes.isEmpty else { return "nothing to draw: no nodes (a query's rows must hold nodes, relationships or paths)" }
        guard sub.nodes.count <= Session.drawingLimit else {
            return "too many nodes to draw: \(sub.nodes.count) (at most \(Session.drawingLimit)); narrow the query or draw a neighbourhood (:draw ego NAME 1)"
        }
        let dot = DOTExport.write(sub, of: database.graph)
        let what = "\(sub.nodes.count) node\(sub.nodes.count == 1 ? "" : "s") and \(sub.relationships.count) relationship\(sub.relationships.count == 1 ? "" : "s")"
        if target == nil, outputFile == nil, terminal != nil, let inline = InlinePicture.protocolOfTerminal() {
            let picture = render(dot, as: "png").flatMap(inline.escape)
            switch picture {
            case .failure(let problem): return problem.message
            case .success(let escape):
                output(escape + "\n")
                return nil
            }
        }
        let path = target ?? Session.drawingPath(format)
        switch render(dot, as: format == .png ? "png" : "svg") {
        case .failure(let problem):
            return problem.message
        case .success(let bytes):
            let content = format == .html ? Array(Session.page(svg: String(decoding: bytes, as: UTF8.self), title: words.joined(separator: " ")).utf8) : bytes
            do throws(QueryError) {
                try AtomicFile.write(path, bytes: content)
            } catch {
                return error.message
            }
        }
        output("Drew \(what) in \(path)\n")
        return nil
    }

    /// The whole graph (no words), a node's neighbourhood (`ego NAME [HOPS]`), or what a query returns.
    private func subgraphToDraw(_ words: [String]) throws -> Subgraph {
        if words.isEmpty { return Subgraph.whole(database.graph) }
        if words[0].lowercased() == "ego", words.count >= 2 {
            var nameWords = Array(words.dropFirst())
            var hops = 1
            if nameWords.count > 1, let n = Int(nameWords[nameWords.count - 1]) {
                guard (1...4).contains(n) else { throw CommandProblem(message: "a neighbourhood is 1 to 4 hops deep") }
                hops = n
                nameWords.removeLast()
            }
            let name = nameWords.joined(separator: " ")
            let node: NodeID
            switch try database.resolveEntity(name) {
            case .node(let n): node = n
            case .candidates(let found) where found.isEmpty:
                throw CommandProblem(message: "no node is named '\(name)' (:find \(name) searches names and aliases)")
            case .candidates(let found):
                let listed = found.prefix(5).map { "\($0.node) (\($0.labels.map { ":" + $0 }.joined()) '\($0.name)')" }.joined(separator: ", ")
                throw CommandProblem(message: "several nodes fit '\(name)': \(listed); :draw ego takes an id")
            }
            let result = try database.execute("MATCH (n) WHERE id(n) = $node OPTIONAL MATCH p = (n)-[*1..\(hops)]-() RETURN n, p LIMIT 20000",
                                              parameters: ["node": .int(Int64(node))], cancellation: interrupt)
            return Subgraph.of(result, in: database.graph)
        }
        let result = try database.execute(words.joined(separator: " "), parameters: parameters, cancellation: interrupt)
        return Subgraph.of(result, in: database.graph)
    }

    /// A fresh file for a drawing in the temporary folder.
    static func drawingPath(_ format: DrawingFormat) -> String {
        let folder = NSTemporaryDirectory() + "quarry-drawings"
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        return folder + "/drawing-\(UUID().uuidString.prefix(8).lowercased()).\(format.rawValue)"
    }

    /// Graphviz's `dot` on `source`: the picture's bytes, or why not. Ctrl-C stops it.
    func render(_ source: String, as type: String) -> Result<[UInt8], CommandProblem> {
        let folder = NSTemporaryDirectory() + "quarry-drawings"
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let input = folder + "/graph-\(UUID().uuidString).dot", picture = input + "." + type
        defer {
            try? FileManager.default.removeItem(atPath: input)
            try? FileManager.default.removeItem(atPath: picture)
        }
        do throws(QueryError) {
            try AtomicFile.write(input, text: source)
        } catch {
            return .failure(CommandProblem(message: error.message))
        }
        let run: ToolRun
        switch ToolRun.start(["dot", "-T" + type, "-o", picture, input], interrupt: interrupt) {
        case .failure(let problem): return .failure(problem)
        case .success(let done): run = done
        }
        if run.status == 127 {
            return .failure(CommandProblem(message: "Graphviz is not installed (Debian: apt-get install graphviz; make run installs it)"))
        }
        guard run.status == 0, let data = FileManager.default.contents(atPath: picture) else {
            return .failure(CommandProblem(message: "Graphviz's dot failed" + (run.errors.isEmpty ? "" : ": \(run.errors)")))
        }
        return .success([UInt8](data))
    }

    /// A page that shows the drawing on its own: the SVG inline, nothing fetched.
    static func page(svg: String, title: String) -> String {
        let start = svg.range(of: "<svg")?.lowerBound ?? svg.startIndex
        let heading = title.isEmpty ? "The whole graph" : title
        let escaped = heading.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
        return """
        <!DOCTYPE html>
        <html><head><meta charset="utf-8"><title>Quarry: \(escaped)</title>
        <style>body{font-family:Helvetica,Arial,sans-serif;margin:1em}svg{max-width:100%;height:auto}</style></head>
        <body><h1 style="font-size:1.1em">\(escaped)</h1>
        \(svg[start...])
        </body></html>

        """
    }
}
