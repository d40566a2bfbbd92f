import Foundation
import QuarryEngine

/// `quarry --check FILE`: reads a graph file and its journal read-only, checks every invariant,
/// and reports. Exit status 0 when sound, 2 when the file cannot be read or is damaged.
public enum GraphFileCheck {
    public static func run(_ path: String) -> Int32 {
        let report = GraphStore.check(path)
        for line in report.lines { StandardStream.output(line + "\n") }
        return report.sound ? 0 : 2
    }
}
