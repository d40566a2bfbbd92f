import Foundation

/// Finds dataset folders: a path, `$QUARRY_DATASETS/NAME`, `./datasets/NAME`, or `datasets/NAME`
/// beside (or above) the executable, so a built binary finds the repository's datasets.
public enum DatasetLocator {
    public static let defaultName = "kabul-restaurant-bombing"

    public static func find(_ name: String) -> String? {
        if isDataset(name) { return name }
        return roots.map { $0 + "/" + name }.first(where: isDataset)
    }

    /// The names of the datasets found in the usual places.
    public static func available() -> [String] {
        let fm = FileManager.default
        let names = roots.flatMap { root in (try? fm.contentsOfDirectory(atPath: root)) ?? [] }
        return Array(Set(names.filter { name in roots.contains { isDataset($0 + "/" + name) } })).sorted()
    }

    static func isDataset(_ p: String) -> Bool { FileManager.default.fileExists(atPath: p + "/load.cypher") }

    static var roots: [String] {
        let fm = FileManager.default
        var roots: [String] = []
        if let env = ProcessInfo.processInfo.environment["QUARRY_DATASETS"] { roots.append(env) }
        roots.append(fm.currentDirectoryPath + "/datasets")
        var dir = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<6 {
            roots.append(dir.path + "/datasets")
            dir = dir.deletingLastPathComponent()
        }
        return roots
    }
}
