import Glibc

/// Whether a path lies inside a folder once symbolic links and `..` are resolved (a dataset may
/// read only its own files).
package enum FolderConfinement {
    package static func contains(_ folder: String, _ path: String) -> Bool {
        guard let root = canonical(folder), let target = canonical(path) ?? canonical(AtomicFile.directory(of: path)) else { return false }
        return target == root || target.hasPrefix(root.hasSuffix("/") ? root : root + "/")
    }

    package static func canonical(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
