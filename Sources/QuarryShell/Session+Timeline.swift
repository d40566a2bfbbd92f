import QuarryEngine

/// `:timeline`: events in time order with their precision, a bar of counts per month or year,
/// and a window (`from`, `to`).
extension Session {
    /// Dated events listed before the list says how many more there are.
    static let timelineListLimit = 40

    func showTimeline(_ arg: String) -> String? {
        var words = arg.split(separator: " ").map(String.init)
        var from: String?, to: String?, unit: String?
        while words.count >= 2, ["from", "to", "by"].contains(words[0].lowercased()) {
            let (option, value) = (words[0].lowercased(), words[1])
            switch option {
            case "by":
                guard ["month", "year"].contains(value.lowercased()) else { return "usage: :timeline ... by month|year" }
                unit = value.lowercased()
            default:
                guard Database.isDatePrefix(value) else { return "\(option) takes a date: 2021, 2021-08 or 2021-08-15 (not \(value))" }
                if option == "from" { from = value } else { to = value }
            }
            words.removeFirst(2)
        }
        var nodes: [NodeID]?
        if !words.isEmpty {
            do throws(QueryError) {
                let result = try database.execute(words.joined(separator: " "), parameters: parameters, cancellation: interrupt)
                nodes = Subgraph.of(result, in: database.graph).nodes
            } catch {
                return error.description
            }
        }
        var entries: [TimelineEntry]
        do throws(QueryError) {
            entries = try database.timeline(of: nodes, cancellation: interrupt)
        } catch {
            return error.message
        }
        if from != nil || to != nil {
            let start = from.map { TimelineEntry.firstDay($0) } ?? "", end = to.map { TimelineEntry.lastDay($0) } ?? "9999"
            entries = entries.filter { e in e.span.map { $0.last >= start && $0.first <= end } ?? false }
        }
        guard !entries.isEmpty else {
            output("No events" + (from != nil || to != nil ? " in that window" : "") + " (a node takes part with a date property, or as an :Event).\n")
            return nil
        }
        if format != .table {
            present(QueryResult(columns: ["date", "precision", "weekday", "name", "labels", "kind"], rows: entries.map { e in
                [e.date.map(Value.string) ?? .null, e.precision.map(Value.string) ?? .null, e.weekday.map(Value.string) ?? .null, .string(e.name),
                 .string(e.labels.map { ":" + $0 }.joined()), e.kind.map(Value.string) ?? .null]
            }), milliseconds: 0)
            return nil
        }
        output(Session.render(entries, unit: unit))
        return nil
    }

    static func render(_ entries: [TimelineEntry], unit: String?) -> String {
        let dated = entries.filter { $0.date != nil }, undated = entries.filter { $0.date == nil }
        func when(_ e: TimelineEntry) -> String {
            if let d = e.date { return d }
            return e.weekday.map { "\($0), date unknown" } ?? "date unknown"
        }
        func what(_ e: TimelineEntry) -> String {
            "\(e.name.isEmpty ? "id \(e.node)" : e.name) (" + (e.labels.map { ":" + $0 }.joined() + (e.kind.map { ", " + $0 } ?? "")) + ")"
        }
        var lines = ["Timeline: \(dated.count) dated" + (undated.isEmpty ? "" : ", \(undated.count) without a date")]
        let shown = Array(dated.prefix(timelineListLimit)) + undated.prefix(max(0, timelineListLimit - dated.count))
        let width = shown.map { when($0).count }.max() ?? 0
        for e in shown { lines.append("  " + when(e).padded(to: width) + "  " + what(e)) }
        let hidden = entries.count - shown.count
        if hidden > 0 { lines.append("  … \(hidden) more (narrow with from/to, or :format csv for all)") }
        if !dated.isEmpty {
            // By month when the dates span at most three years and some are that precise.
            let years = Set(dated.compactMap { $0.date?.prefix(4) })
            let byMonth = unit == "month" || unit == nil && years.count <= 3 && dated.contains { ($0.date?.count ?? 0) >= 7 }
            var counts: [String: Int] = [:]
            for e in dated {
                guard let d = e.date else { continue }
                let key = byMonth ? (d.count >= 7 ? String(d.prefix(7)) : d + ", month unknown") : String(d.prefix(4))
                counts[key, default: 0] += 1
            }
            let most = counts.values.max() ?? 1
            let keyWidth = counts.keys.map(\.count).max() ?? 0
            lines.append("")
            lines.append(byMonth ? "Per month:" : "Per year:")
            for key in Session.periods(covering: counts.keys.sorted(), byMonth: byMonth) {
                let n = counts[key] ?? 0
                lines.append("  " + key.padded(to: keyWidth) + "  " + (n == 0 ? "" : String(repeating: "█", count: max(1, n * 40 / most)) + " ") + "\(n)")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

extension Session {
    /// Every year (or month) from the first key to the last, so that the bars show the gaps;
    /// keys of events whose month is unknown after their year's months.
    static func periods(covering keys: [String], byMonth: Bool) -> [String] {
        let exact = keys.filter { $0.count == (byMonth ? 7 : 4) }
        guard let first = exact.first, let last = exact.last,
              let y0 = Int(first.prefix(4)), let y1 = Int(last.prefix(4)) else { return keys }
        var all: [String] = []
        for y in y0...y1 {
            let year = String(y)
            if byMonth {
                for m in 1...12 {
                    let key = year + (m < 10 ? "-0\(m)" : "-\(m)")
                    if key >= first && key <= last { all.append(key) }
                }
                all += keys.filter { $0.hasPrefix(year + ",") }
            } else {
                all.append(year)
            }
        }
        return all
    }
}

extension TimelineEntry {
    static func firstDay(_ prefix: String) -> String {
        prefix.count == 4 ? prefix + "-01-01" : prefix.count == 7 ? prefix + "-01" : prefix
    }

    static func lastDay(_ prefix: String) -> String {
        prefix.count == 4 ? prefix + "-12-31" : prefix.count == 7 ? prefix + "-31" : prefix
    }
}
