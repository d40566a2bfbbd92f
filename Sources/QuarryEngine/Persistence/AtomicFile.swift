import Glibc

/// Replaces a file so that a reader, a crash or a full disk sees either the old content or the
/// new, never a mix: the new content goes to a temporary file in the same folder, is synced,
/// renamed over the target, and the folder is synced. A symbolic link is followed, so its target
/// is replaced and the link kept; a device or FIFO (`/dev/null`, a pipe) is written through, never
/// replaced; an existing file keeps its permissions.
package enum AtomicFile {
    static func write(_ path: String, _ body: (FileDescriptor) throws(QueryError) -> Void) throws(QueryError) {
        let pending = try PendingFile(path)
        do throws(QueryError) {
            try body(pending.file)
            try pending.commit()
        } catch {
            pending.abandon()
            throw error
        }
    }

    package static func write(_ path: String, bytes: [UInt8]) throws(QueryError) {
        try write(path) { (file) throws(QueryError) in try file.write(bytes) }
    }

    /// Replaces the file at `path` with `text`; the error names the file and the reason.
    package static func write(_ path: String, text: String) throws(QueryError) {
        try write(path, bytes: Array(text.utf8))
    }

    /// Makes a rename or a new file in the folder durable (best effort: some file systems refuse).
    static func syncFolder(_ folder: String) {
        let fd = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { return }
        fsync(fd)
        close(fd)
    }

    /// The file a path names after following symbolic links (the path itself when it does not exist).
    static func resolvedTarget(_ path: String) -> String {
        var current = path
        for _ in 0..<40 {
            var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
            let n = readlink(current, &buffer, buffer.count - 1)
            guard n > 0 else { return current }
            let link = String(decoding: buffer[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
            current = link.hasPrefix("/") ? link : directory(of: current) + "/" + link
        }
        return current
    }

    static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    static func baseName(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return path }
        return String(path[path.index(after: slash)...])
    }
}

/// A file being written in place of another (see `AtomicFile`): the content goes to a temporary
/// file until `commit`, which syncs it and renames it over the target; `abandon` removes it and
/// leaves the target as it was. A device or FIFO is written directly.
package final class PendingFile {
    package let path: String
    let file: FileDescriptor
    private let temporary: String?
    private let target: String

    package init(_ path: String) throws(QueryError) {
        self.path = path
        target = AtomicFile.resolvedTarget(path)
        var st = stat()
        let exists = stat(target, &st) == 0
        if exists && (st.st_mode & S_IFMT) == S_IFDIR { throw .storage(path, "cannot write", errno: EISDIR) }
        if exists && (st.st_mode & S_IFMT) != S_IFREG {
            file = try FileDescriptor.open(target, flags: O_WRONLY, action: "cannot write")
            temporary = nil
            return
        }
        let name = AtomicFile.directory(of: target) + "/." + AtomicFile.baseName(of: target) + ".tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let mode: mode_t = exists ? st.st_mode & 0o7777 : 0o644
        file = try FileDescriptor.open(name, flags: O_WRONLY | O_CREAT | O_EXCL, mode: mode, action: "cannot write", shownAs: path)
        if exists { fchmod(file.fd, mode) }
        temporary = name
    }

    package func append(_ text: String) throws(QueryError) {
        try file.write(Array(text.utf8))
    }

    /// Puts the content in place of the target; on failure the target is as it was.
    package func commit() throws(QueryError) {
        guard let temporary else {
            file.close()
            return
        }
        do throws(QueryError) {
            try file.sync()
            file.close()
            guard rename(temporary, target) == 0 else { throw QueryError.storage(path, "cannot replace", errno: errno) }
        } catch {
            abandon()
            throw error
        }
        AtomicFile.syncFolder(AtomicFile.directory(of: target))
    }

    package func abandon() {
        file.close()
        if let temporary { unlink(temporary) }
    }
}
