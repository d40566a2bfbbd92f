/// `:timeline`: events in time order, each as precise as its source gives it. A node takes part
/// when it has a `date` (a date value, or an ISO-8601 prefix text: `'2021'`, `'2021-08'`,
/// `'2021-08-15'`, with `date_precision` when given), or is an `:Event` (then "date unknown",
/// with its `weekday` when the source names one).
public struct TimelineEntry: Sendable {
    public let node: NodeID
    public let labels: [String]
    public let name: String
    /// The date as given (`2021-08`), nil when unknown.
    public let date: String?
    /// `day`, `month` or `year`.
    public let precision: String?
    public let weekday: String?
    /// A few words about the node (its `kind`).
    public let kind: String?

    /// The first and the last day the date may stand for (`2021-08` → 2021-08-01 … 2021-08-31,
    /// as text that sorts as dates do).
    public var span: (first: String, last: String)? {
        guard let date else { return nil }
        switch date.count {
        case 4: return (date + "-01-01", date + "-12-31")
        case 7: return (date + "-01", date + "-31")
        default: return (date, date)
        }
    }
}

extension Database {
    /// The timeline of `nodes` (every node when nil): dated ones in time order, then the rest by name.
    public func timeline(of nodes: [NodeID]? = nil, cancellation: CancellationFlag? = nil) throws(QueryError) -> [TimelineEntry] {
        let g = graph
        let dateKey = g.keys.id("date"), eventLabel = g.labels.id("Event")
        func text(_ node: NodeID, _ key: String) -> String? {
            guard let k = g.keys.id(key), case .string(let s) = g.nodeProperty(node, k) else { return nil }
            return s
        }
        var candidates: [NodeID] = []
        if let nodes {
            candidates = nodes
        } else {
            g.members(label: nil).forEach { candidates.append(NodeID($0)) }
        }
        var entries: [TimelineEntry] = []
        for (i, n) in candidates.enumerated() {
            if i & 0xFFFF == 0, cancellation?.isCancelled == true { throw .cancelled() }
            var date: String?, precision = text(n, "date_precision")
            if let dateKey {
                switch g.nodeProperty(n, dateKey) {
                case .date(let d):
                    date = d.iso
                case .string(let s) where Self.isDatePrefix(s):
                    date = s
                default: break
                }
            }
            let isEvent = eventLabel.map { g.hasLabel(n, $0) } ?? false
            guard date != nil || isEvent else { continue }
            if let d = date, precision == nil { precision = d.count == 4 ? "year" : d.count == 7 ? "month" : "day" }
            entries.append(TimelineEntry(node: n, labels: g.labels(of: n).map { g.labels.name($0) }, name: g.displayName(of: n),
                                         date: date, precision: date == nil ? nil : precision, weekday: text(n, "weekday"), kind: text(n, "kind")))
        }
        return entries.sorted { a, b in
            switch (a.date, b.date) {
            case let (x?, y?): return x != y ? x < y : a.name < b.name
            case (nil, nil): return a.name < b.name
            case (nil, _): return false
            case (_, nil): return true
            }
        }
    }

    /// `2021`, `2021-08` or `2021-08-15`.
    public static func isDatePrefix(_ s: String) -> Bool {
        let u = Array(s.utf8)
        func digits(_ r: Range<Int>) -> Bool { r.allSatisfy { u[$0] >= 48 && u[$0] <= 57 } }
        switch u.count {
        case 4: return digits(0..<4)
        case 7: return digits(0..<4) && u[4] == 45 && digits(5..<7)
        case 10: return digits(0..<4) && u[4] == 45 && digits(5..<7) && u[7] == 45 && digits(8..<10)
        default: return false
        }
    }
}
