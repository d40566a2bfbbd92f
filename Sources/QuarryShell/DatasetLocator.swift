import Foundation

/// Finds dataset folders: a path, `$QUARRY_DATASETS/NAME`, `./datasets/NAME`, or `datasets/NAME`
/// beside (or above) the executable, so a built binary finds the repository's datasets.
public enum DatasetLocator {
    public static let defaultName = "kabul-restaurant-bombing"

    public static func find(_ name: String) -> String? {
        let fm = FileManager.default
        func isDataset(_ p: String) -> Bool { fm.fileExists(atPath: p + "/load.cypher") }
        if isDataset(name) { return name }
        var roots: [String] = []
        if let env = ProcessInfo.processInfo.environment["QUARRY_DATASETS"] { roots.append(env) }
        roots.append(fm.currentDirectoryPath + "/datasets")
        var dir = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<6 {
            roots.append(dir.path + "/datasets")
            dir = dir.deletingLastPathComponent()
        }
        return roots.map { $0 + "/" + name }.first(where: isDataset)
    }
}
