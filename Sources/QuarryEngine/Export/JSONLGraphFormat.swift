import Foundation

/// Graphs as JSON Lines: one node or relationship per line.
///
///     {"type":"node","id":0,"labels":["Actor"],"properties":{"name":"ISIS-K"}}
///     {"type":"relationship","id":0,"label":"CLAIMED","start":0,"end":1,"properties":{}}
///
/// Integers and floats stay apart (`1` / `1.0`); dates are `{"@date":"2022-11-12"}` (`"2021-08"` a partial date), durations
/// `{"@duration":"P1Y3M"}`. Ids only
/// link the lines: an import gives new ids.
public enum JSONLGraphFormat {
    public static func write(_ sub: Subgraph, of graph: Graph) -> String {
        let r = ValueRenderer(elements: ResultElements())
        func props(_ pairs: [(String, Value)]) -> String {
            "{" + pairs.map { ValueRenderer.jsonString($0.0) + ":" + value($0.1, r) }.joined(separator: ",") + "}"
        }
        var out = ""
        for n in sub.nodes {
            let labels = graph.labelNames(n).map(ValueRenderer.jsonString).joined(separator: ",")
            out += "{\"type\":\"node\",\"id\":\(n),\"labels\":[\(labels)],\"properties\":\(props(graph.namedProperties(ofNode: n)))}\n"
        }
        for rel in sub.relationships {
            let type = ValueRenderer.jsonString(graph.types.name(graph.type(of: rel)))
            out += "{\"type\":\"relationship\",\"id\":\(rel),\"label\":\(type),\"start\":\(graph.startNode(of: rel)),\"end\":\(graph.endNode(of: rel)),\"properties\":\(props(graph.namedProperties(ofRelationship: rel)))}\n"
        }
        return out
    }

    static func value(_ v: Value, _ r: ValueRenderer) -> String {
        switch v {
        case .date(let d): return "{\"@date\":\"\(d.iso)\"}"
        case .duration(let d): return "{\"@duration\":\"\(d.iso)\"}"
        case .localTime(let t): return "{\"@localtime\":\"\(t.iso)\"}"
        case .localDateTime(let t): return "{\"@localdatetime\":\"\(t.iso)\"}"
        case .time(let t): return "{\"@time\":\"\(t.iso)\"}"
        case .dateTime(let t): return "{\"@datetime\":\"\(t.iso)\"}"
        case .point(let p): return "{\"@point\":\(ValueRenderer.jsonString(p.literal))}"
        case .list(let l): return "[" + l.map { value($0, r) }.joined(separator: ",") + "]"
        default: return r.json(v)
        }
    }

    /// Reads a JSON Lines graph into a new graph; a malformed line stops it with file:line:column.
    public static func read(path: String, cancellation: CancellationFlag? = nil) throws(QueryError) -> Graph {
        let text = try InputFile.text(path)
        var graph = GraphBuilder()
        var ids: [Int64: NodeID] = [:]
        var relationshipIDs: Set<Int64> = []
        for (i, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if i & 0xFFF == 0, cancellation?.isCancelled == true { throw .cancelled() }
            guard !line.trimmingCharacters(in: .whitespaces).isEmpty else { continue }
            func fail(_ what: String) -> QueryError { .csv(what, file: path, line: i + 1, column: 1) }
            let parsed: Value
            do {
                parsed = try JSONValueReader.parse(String(line))
            } catch {
                throw fail(error.message)
            }
            guard case .map(let object) = parsed, case .string(let kind)? = object["type"], case .int(let id)? = object["id"] else {
                throw fail("each line needs \"type\" and \"id\"")
            }
            var properties: [(key: String, value: Value)] = []
            switch object["properties"] {
            case nil, .null?: break
            case .map(let m)?:
                for (key, raw) in m.sorted(by: { $0.key < $1.key }) {
                    let value = decodeDates(raw)
                    guard value.isStorableProperty else {
                        throw fail("the property \(key) is \(value.typeName == "List" ? "a list holding lists or maps" : "a \(value.typeName)"): "
                                   + "a property holds a number, text, boolean, date or a list of those")
                    }
                    properties.append((key, value))
                }
            default: throw fail("\"properties\" must be a JSON object")
            }
            switch kind {
            case "node":
                guard ids[id] == nil else { throw fail("the node id \(id) appears twice") }
                var labels: [String] = []
                switch object["labels"] {
                case nil, .null?: break
                case .list(let l)?:
                    for label in l {
                        guard case .string(let s) = label else { throw fail("a label must be a string, not \(CypherExport.literal(label))") }
                        labels.append(s)
                    }
                default: throw fail("\"labels\" must be a list of strings")
                }
                let n = graph.addNode(labels: labels, properties: properties)
                ids[id] = n
            case "relationship":
                guard case .string(let type)? = object["label"], case .int(let s)? = object["start"], case .int(let e)? = object["end"] else {
                    throw fail("a relationship needs \"label\", \"start\" and \"end\"")
                }
                guard let from = ids[s], let to = ids[e] else { throw fail("the relationship refers to a node id not given before it") }
                guard relationshipIDs.insert(id).inserted else { throw fail("the relationship id \(id) appears twice") }
                graph.addRelationship(type: type, from: from, to: to, properties: properties)
            default:
                throw fail("unknown type \"\(kind)\" (node or relationship)")
            }
        }
        return graph.build()
    }

    static func decodeDates(_ v: Value) -> Value {
        switch v {
        case .map(let m) where m.count == 1:
            if case .string(let s)? = m["@date"], let d = DateValue(partialISO: s) { return .date(d) }
            if case .string(let s)? = m["@duration"], let d = DurationValue(iso: s) { return .duration(d) }
            if case .string(let s)? = m["@localtime"], let t = LocalTimeValue(iso: s) { return .localTime(t) }
            if case .string(let s)? = m["@localdatetime"], let t = LocalDateTimeValue(iso: s) { return .localDateTime(t) }
            if case .string(let s)? = m["@time"], let t = TimeValue(iso: s) { return .time(t) }
            if case .string(let s)? = m["@datetime"], let t = DateTimeValue(iso: s) { return .dateTime(t) }
            if case .string(let s)? = m["@point"], case .point(let p)? = try? LiteralReader.value(s) { return .point(p) }
            return v
        case .list(let l): return .list(l.map(decodeDates))
        default: return v
        }
    }
}
