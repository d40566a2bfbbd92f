import Glibc

/// An open file, with the POSIX calls graph files and journals need; every failure becomes a
/// `StorageError` naming the file and the reason ("disk full", "permission denied").
final class FileDescriptor {
    let path: String
    private(set) var fd: Int32

    private init(path: String, fd: Int32) {
        self.path = path
        self.fd = fd
    }

    deinit { if fd >= 0 { Glibc.close(fd) } }

    /// Opens `path`; errors name `shownAs` (the file a temporary one stands in for) when given.
    static func open(_ path: String, flags: Int32, mode: mode_t = 0o644, action: String, shownAs: String? = nil) throws(QueryError) -> FileDescriptor {
        let fd = Glibc.open(path, flags | O_CLOEXEC, mode)
        guard fd >= 0 else { throw .storage(shownAs ?? path, action, errno: errno) }
        return FileDescriptor(path: shownAs ?? path, fd: fd)
    }

    /// Standard input, through a duplicate descriptor (closing it leaves standard input open).
    static func standardInput() throws(QueryError) -> FileDescriptor {
        let fd = dup(0)
        guard fd >= 0 else { throw .storage("<stdin>", "cannot be read", errno: errno) }
        return FileDescriptor(path: "<stdin>", fd: fd)
    }

    func close() {
        if fd >= 0 { Glibc.close(fd) }
        fd = -1
    }

    /// Repeats a read or write call until `count` bytes have moved, again after a signal; returns
    /// how many moved (fewer only when the file ends).
    private func transfer(_ count: Int, _ action: String, _ call: (Int) -> Int) throws(QueryError) -> Int {
        var done = 0
        while done < count {
            let n = call(done)
            if n < 0 {
                if errno == EINTR { continue }
                throw .storage(path, action, errno: errno)
            }
            if n == 0 { break }
            done += n
        }
        return done
    }

    /// Writes all the bytes at the current position.
    func write(_ buffer: UnsafeRawBufferPointer) throws(QueryError) {
        _ = try transfer(buffer.count, "cannot write") { Glibc.write(fd, buffer.baseAddress! + $0, buffer.count - $0) }
    }

    /// Writes all the bytes at `offset`, leaving the current position alone.
    func write(_ buffer: UnsafeRawBufferPointer, at offset: Int) throws(QueryError) {
        _ = try transfer(buffer.count, "cannot write") { pwrite(fd, buffer.baseAddress! + $0, buffer.count - $0, off_t(offset + $0)) }
    }

    func write(_ bytes: [UInt8]) throws(QueryError) {
        try withBytes(of: bytes) { (raw) throws(QueryError) in try write(raw) }
    }

    /// Fills the buffer from `offset`; false when the file ends first.
    func read(into buffer: UnsafeMutableRawBufferPointer, at offset: Int) throws(QueryError) -> Bool {
        try transfer(buffer.count, "cannot read") { pread(fd, buffer.baseAddress! + $0, buffer.count - $0, off_t(offset + $0)) } == buffer.count
    }

    /// The whole file from `offset`.
    func readAll(from offset: Int = 0) throws(QueryError) -> [UInt8] {
        let size = try self.size()
        guard size > offset else { return [] }
        var outcome: Result<Bool, QueryError> = .success(false)
        let bytes = [UInt8](unsafeUninitializedCapacity: size - offset) { buffer, initialized in
            outcome = catching { () throws(QueryError) in try read(into: UnsafeMutableRawBufferPointer(buffer), at: offset) }
            initialized = (try? outcome.get()) == true ? size - offset : 0
        }
        guard try outcome.get() else { throw .storage(path, "cannot read", reason: "the file shrank while it was read") }
        return bytes
    }

    /// Everything until the end, for a pipe (whose size is not known).
    func readToEnd() throws(QueryError) -> [UInt8] {
        var out: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw .storage(path, "cannot read", errno: errno)
            }
            if n == 0 { return out }
            out += chunk[0..<n]
        }
    }

    func size() throws(QueryError) -> Int {
        var st = stat()
        guard fstat(fd, &st) == 0 else { throw .storage(path, "cannot read", errno: errno) }
        return Int(st.st_size)
    }

    /// Waits until what was written is on the disk.
    func sync() throws(QueryError) {
        guard fdatasync(fd) == 0 else { throw .storage(path, "cannot save", errno: errno) }
    }

    func truncate(to length: Int) throws(QueryError) {
        guard ftruncate(fd, off_t(length)) == 0 else { throw .storage(path, "cannot shorten", errno: errno) }
        try seek(to: length)
    }

    func seek(to offset: Int) throws(QueryError) {
        guard lseek(fd, off_t(offset), SEEK_SET) >= 0 else { throw .storage(path, "cannot read", errno: errno) }
    }

    /// Takes the advisory lock that keeps two writers off one graph file: exclusive for a
    /// writer, shared for readers. False when another process holds a conflicting lock.
    func lock(exclusive: Bool) throws(QueryError) -> Bool {
        while flock(fd, (exclusive ? LOCK_EX : LOCK_SH) | LOCK_NB) != 0 {
            if errno == EINTR { continue }
            if errno == EWOULDBLOCK { return false }
            throw .storage(path, "cannot lock", errno: errno)
        }
        return true
    }
}

/// The standard library's closure-taking calls (`withUnsafeBytes`) forget a typed error; these
/// carry it across.
func catching<R>(_ body: () throws(QueryError) -> R) -> Result<R, QueryError> {
    do throws(QueryError) {
        return .success(try body())
    } catch {
        return .failure(error)
    }
}

func withBytes<T: BitwiseCopyable, R>(of items: [T], _ body: (UnsafeRawBufferPointer) throws(QueryError) -> R) throws(QueryError) -> R {
    try items.withUnsafeBytes { raw in catching { () throws(QueryError) in try body(raw) } }.get()
}

/// What `errno` means to a user.
package enum SystemReason {
    package static func text(_ code: Int32) -> String {
        switch code {
        case ENOSPC: return "disk full"
        case EPIPE: return "the reader closed the pipe"
        case EDQUOT: return "disk quota exceeded"
        case EACCES, EPERM: return "permission denied"
        case ENOENT: return "no such file or folder"
        case ENOTDIR: return "a part of the path is not a folder"
        case EISDIR: return "it is a folder"
        case EROFS: return "read-only file system"
        case EIO: return "input/output error (a failing disk?)"
        case EFBIG: return "file too large"
        case EMFILE, ENFILE: return "too many open files"
        case ENAMETOOLONG: return "the name is too long"
        case EEXIST: return "it already exists"
        case EXDEV: return "it is on another file system"
        default: return String(cString: strerror(code))
        }
    }
}
