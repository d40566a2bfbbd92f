import Glibc

/// Replaces a file so that a reader, a crash or a full disk sees either the old content or the
/// new, never a mix: the new content goes to a temporary file in the same folder, is synced,
/// renamed over the target, and the folder is synced. A symbolic link is followed, so its target
/// is replaced and the link kept; a device or FIFO (`/dev/null`, a pipe) is written through, never
/// replaced; an existing file keeps its permissions.
enum AtomicFile {
    static func write(_ path: String, _ body: (FileDescriptor) throws(QueryError) -> Void) throws(QueryError) {
        let target = resolvedTarget(path)
        var st = stat()
        let exists = stat(target, &st) == 0
        if exists && (st.st_mode & S_IFMT) == S_IFDIR { throw .storage(path, "cannot write", errno: EISDIR) }
        if exists && (st.st_mode & S_IFMT) != S_IFREG {
            let device = try FileDescriptor.open(target, flags: O_WRONLY, action: "cannot write")
            try body(device)
            return
        }
        let folder = directory(of: target)
        let temporary = folder + "/." + baseName(of: target) + ".tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let mode: mode_t = exists ? st.st_mode & 0o7777 : 0o644
        let file = try FileDescriptor.open(temporary, flags: O_WRONLY | O_CREAT | O_EXCL, mode: mode, action: "cannot write")
        do throws(QueryError) {
            if exists { fchmod(file.fd, mode) }
            try body(file)
            try file.sync()
            file.close()
            guard rename(temporary, target) == 0 else { throw QueryError.storage(path, "cannot replace", errno: errno) }
        } catch {
            file.close()
            unlink(temporary)
            throw error
        }
        syncFolder(folder)
    }

    static func write(_ path: String, bytes: [UInt8]) throws(QueryError) {
        try write(path) { (file) throws(QueryError) in try file.write(bytes) }
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
