import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Reads GraphML into a new graph: `labels` and `label` data give node labels and relationship
/// types (as `GraphMLExport` writes them), other data become typed properties.
public enum GraphMLImport {
    public static func read(path: String) throws(QueryError) -> Graph {
        // Foundation's XML parser traps on a name that is not UTF-8 (found by fuzzing: `<\xFFnoe`),
        // so the bytes are checked first; GraphML files are UTF-8.
        let data = Data(try InputFile.text(path).utf8)
        let reader = GraphMLReader()
        let parser = XMLParser(data: data)
        parser.delegate = reader
        if !parser.parse() {
            let message = reader.failure ?? parser.parserError?.localizedDescription ?? "not well-formed XML"
            throw .csv(message, file: path, line: parser.lineNumber, column: parser.columnNumber)
        }
        if let failure = reader.failure { throw .csv(failure, file: path, line: reader.failureLine, column: 1) }
        if let open = reader.open.last { throw .csv("the element <\(open)> is never closed", file: path, line: parser.lineNumber, column: 1) }
        reader.graph.compact()
        return reader.graph
    }
}

/// The SAX-style reader behind `GraphMLImport`.
final class GraphMLReader: NSObject, XMLParserDelegate {
    struct Key { let name: String; let type: String; var cypher = false }

    var graph = Graph()
    var keys: [String: Key] = [:]
    var nodes: [String: NodeID] = [:]
    var currentKey: String?
    var currentNode: NodeID?
    var currentEdge: (source: String, target: String, data: [(String, String)])?
    var dataKey: String?
    var text = ""
    var failure: String?
    var failureLine = 0
    /// Elements opened and not yet closed (the XML parser forgives some nesting errors).
    var open: [String] = []

    func fail(_ message: String, _ parser: XMLParser) {
        guard failure == nil else { return }
        failure = message
        failureLine = parser.lineNumber
        parser.abortParsing()
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        text = ""
        open.append(name)
        switch name {
        case "key":
            guard let id = attributes["id"] else { return fail("a key without an id", parser) }
            keys[id] = Key(name: attributes["attr.name"] ?? id, type: attributes["attr.type"] ?? "string")
            currentKey = id
        case "node":
            guard let id = attributes["id"] else { return fail("a node without an id", parser) }
            guard nodes[id] == nil else { return fail("the node id \(id) appears twice", parser) }
            let n = graph.createNode()
            nodes[id] = n
            currentNode = n
        case "edge":
            guard let s = attributes["source"], let t = attributes["target"] else { return fail("an edge needs source and target", parser) }
            currentEdge = (s, t, [])
        case "data":
            dataKey = attributes["key"]
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        guard open.last == name else { return fail("</\(name)> closes <\(open.last ?? "nothing")>", parser) }
        open.removeLast()
        switch name {
        case "desc":
            if let k = currentKey, text == GraphMLExport.cypherMark { keys[k]?.cypher = true }
        case "key": currentKey = nil
        case "data":
            guard let k = dataKey else { return }
            if let n = currentNode { setNodeData(n, k, text, parser) } else if currentEdge != nil { currentEdge!.data.append((k, text)) }
            dataKey = nil
        case "node": currentNode = nil
        case "edge":
            guard let edge = currentEdge else { return }
            currentEdge = nil
            guard let from = nodes[edge.source], let to = nodes[edge.target] else {
                return fail("an edge refers to a node that is not defined before it", parser)
            }
            let type = edge.data.first { keys[$0.0]?.name == "label" }?.1 ?? "RELATED"
            let r = graph.createRelationship(type: graph.typeID(type), from: from, to: to)
            for (k, raw) in edge.data where keys[k]?.name != "label" {
                guard let key = keys[k], let v = typed(raw, key, parser) else { continue }
                graph.setRelationshipProperty(r, graph.keyID(key.name), v)
            }
        default: break
        }
    }

    func setNodeData(_ n: NodeID, _ k: String, _ raw: String, _ parser: XMLParser) {
        guard let key = keys[k] else { return fail("data for the undeclared key \(k)", parser) }
        if key.name == "labels" {
            for label in raw.split(separator: ":") where !label.isEmpty { graph.addLabel(n, graph.labelID(String(label))) }
            return
        }
        if let v = typed(raw, key, parser) { graph.setNodeProperty(n, graph.keyID(key.name), v) }
    }

    func typed(_ raw: String, _ key: Key, _ parser: XMLParser) -> Value? {
        if key.cypher {
            do { return try LiteralReader.value(raw) } catch {
                fail("'\(raw)' is not a Cypher literal: \(error.message)", parser)
                return nil
            }
        }
        switch key.type {
        case "boolean": return raw == "true" ? .bool(true) : raw == "false" ? .bool(false) : nil
        case "int", "long": return Int64(raw).map(Value.int)
        case "float", "double": return Double(raw).map(Value.float)
        default: return .string(raw)
        }
    }
}
