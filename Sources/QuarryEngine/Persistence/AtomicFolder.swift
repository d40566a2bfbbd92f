import Foundation
import Glibc

/// Replaces a folder of files as a whole (a CSV export): the files go to a new folder beside it,
/// each synced, and that folder is swapped with the old one in one step (`renameat2` with
/// `RENAME_EXCHANGE`), so a reader, a crash or a full disk sees the old export or the new, never a
/// mix or a leftover file. A folder that holds anything but `formerFiles` is refused rather than
/// replaced: an export never deletes files it did not write.
enum AtomicFolder {
    static func write(_ path: String, files: [(name: String, text: String)], formerFiles: (String) -> Bool,
                      cancellation: CancellationFlag?) throws(QueryError) {
        let folder = AtomicFile.resolvedTarget(path)
        var info = stat()
        let exists = stat(folder, &info) == 0
        if exists {
            guard info.st_mode & S_IFMT == S_IFDIR else { throw .file("is a file; a CSV export writes a folder", path: path) }
            let names: [String]
            do {
                names = try FileManager.default.contentsOfDirectory(atPath: folder)
            } catch {
                throw .file("cannot be listed", path: path)
            }
            let others = names.filter { !formerFiles($0) }.sorted()
            guard others.isEmpty else {
                let shown = others.prefix(3).joined(separator: ", ") + (others.count > 3 ? ", ..." : "")
                throw .file("holds other files (\(shown)); export into a new or empty folder", path: path)
            }
        }
        let parent = AtomicFile.directory(of: folder)
        let staging = parent + "/." + AtomicFile.baseName(of: folder) + ".export-\(getpid())"
        try? FileManager.default.removeItem(atPath: staging)
        guard mkdir(staging, 0o755) == 0 else { throw .storage(path, "cannot be written", errno: errno) }
        do throws(QueryError) {
            for file in files {
                if cancellation?.isCancelled == true { throw .cancelled() }
                let out = try FileDescriptor.open(staging + "/" + file.name, flags: O_WRONLY | O_CREAT | O_EXCL,
                                                  action: "cannot be written", shownAs: path + "/" + file.name)
                try out.write(Array(file.text.utf8))
                try out.sync()
                out.close()
            }
            AtomicFile.syncFolder(staging)
            if exists {
                guard exchange(staging, folder) else {
                    throw .storage(path, "cannot be replaced", errno: errno)
                }
            } else if rename(staging, folder) != 0 {
                throw .storage(path, "cannot be written", errno: errno)
            }
            AtomicFile.syncFolder(parent)
        } catch {
            try? FileManager.default.removeItem(atPath: staging)
            throw error
        }
        // After the exchange the staging name holds the old export.
        try? FileManager.default.removeItem(atPath: staging)
    }

    private typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32

    /// Swaps two paths atomically. `renameat2` is looked up at run time, as Glibc's Swift module
    /// does not declare it.
    private static func exchange(_ a: String, _ b: String) -> Bool {
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "renameat2") else {
            errno = ENOSYS
            return false
        }
        let renameat2 = unsafeBitCast(symbol, to: RenameAt2.self)
        let renameExchange: UInt32 = 2
        return renameat2(AT_FDCWD, a, AT_FDCWD, b, renameExchange) == 0
    }
}
