import Foundation
import QuarryEngine

/// Finds dataset folders. A name with a `/` (or `.`) is a path; a plain name is looked up in
/// `$QUARRY_DATASETS`, then in `datasets/` beside (or above) the executable, so a built binary
/// finds the repository's datasets wherever it runs, and only then in `./datasets/` and as a
/// folder of the current one: running Quarry inside a folder someone else made never picks up
/// their copy of a shipped dataset.
public enum DatasetLocator {
    public static let defaultName = "kabul-restaurant-bombing"

    public static func find(_ name: String) -> String? {
        if name.contains("/") || name.hasPrefix(".") { return isDataset(name) ? name : nil }
        return roots.map { $0 + "/" + name }.first(where: isDataset) ?? (isDataset(name) ? name : nil)
    }

    /// Whether a dataset folder came with Quarry (beside the executable) or from
    /// `$QUARRY_DATASETS`, rather than from the current folder or a path.
    public static func isShipped(_ folder: String) -> Bool {
        let trusted = roots.dropLast().compactMap { FolderConfinement.canonical($0) }
        guard let dataset = FolderConfinement.canonical(folder) else { return false }
        return trusted.contains { dataset.hasPrefix($0 + "/") }
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
        // The running executable itself, not argv[0], which is a bare name when found on PATH.
        let executable = (try? fm.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        var dir = URL(fileURLWithPath: executable).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<6 {
            roots.append(dir.path + "/datasets")
            dir = dir.deletingLastPathComponent()
        }
        roots.append(fm.currentDirectoryPath + "/datasets")
        return roots
    }
}
