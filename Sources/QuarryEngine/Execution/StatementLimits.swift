import Glibc
import Synchronization

/// What a statement may use before it is stopped with a clear error (the graph stays as it was):
/// memory (the process's resident size) and time. Checked with the cancellation flag in every
/// long loop, and before building a string or list large enough to matter.
public struct StatementLimits: Sendable, Equatable {
    /// Bytes of resident memory; nil for no limit.
    public var memoryBytes: Int?
    /// Seconds; nil for no limit.
    public var seconds: Double?

    /// The default memory limit: three quarters of the machine's (or the container's) memory.
    public static var defaultMemoryBytes: Int { MemoryGuard.defaultLimit }

    public init(memoryBytes: Int? = StatementLimits.defaultMemoryBytes, seconds: Double? = nil) {
        self.memoryBytes = memoryBytes
        self.seconds = seconds
    }
}

/// The process's memory, as the limit sees it.
package enum MemoryGuard {
    package static let physicalBytes: Int = {
        let pages = sysconf(Int32(_SC_PHYS_PAGES)), size = sysconf(Int32(_SC_PAGESIZE))
        return pages > 0 && size > 0 ? pages * size : 1 << 32
    }()

    /// A cgroup's limit, when the process runs in one that has a lower one.
    static let containerBytes: Int? = {
        guard let fd = Optional(open("/sys/fs/cgroup/memory.max", O_RDONLY)), fd >= 0 else { return nil }
        defer { close(fd) }
        var buffer = [UInt8](repeating: 0, count: 64)
        let n = read(fd, &buffer, 63)
        guard n > 0 else { return nil }
        return Int(String(decoding: buffer[0..<n].filter { $0 >= 0x30 && $0 <= 0x39 }, as: UTF8.self))
    }()

    /// Three quarters of the memory the process can have: room for the statement, and for the
    /// rest of the machine, before the kernel's out-of-memory killer would act.
    package static let defaultLimit: Int = min(physicalBytes, containerBytes ?? Int.max) / 4 * 3

    /// The limit of the statement running now (read by checks that have no context at hand).
    static let current = Atomic<Int>(0)

    static let pageSize = Int(sysconf(Int32(_SC_PAGESIZE)))

    /// The resident size of the process, from /proc/self/statm (0 when it cannot be read).
    package static func residentBytes() -> Int {
        let fd = open("/proc/self/statm", O_RDONLY)
        guard fd >= 0 else { return 0 }
        defer { close(fd) }
        var buffer = [UInt8](repeating: 0, count: 128)
        let n = read(fd, &buffer, 127)
        guard n > 0 else { return 0 }
        let fields = buffer[0..<n].split(separator: UInt8(ascii: " "))
        guard fields.count > 1, let pages = Int(String(decoding: fields[1], as: UTF8.self)) else { return 0 }
        return pages * pageSize
    }

    /// Throws when the process is past the limit of the statement running now.
    static func check(at r: SourceRange? = nil) throws(QueryError) {
        let limit = current.load(ordering: .relaxed)
        guard limit > 0 else { return }
        if residentBytes() > limit { throw .memoryLimitExceeded(limit, at: r) }
    }

    /// Before building a value of `bytes`: throws when it would take the process past the limit.
    /// Small values pass without a look at the process.
    @inline(__always)
    static func reserve(_ bytes: Int, at r: SourceRange?) throws(QueryError) {
        guard bytes > 1 << 20 else { return }
        let limit = current.load(ordering: .relaxed)
        guard limit > 0 else { return }
        if residentBytes() + bytes > limit { throw .memoryLimitExceeded(limit, at: r) }
    }

    package static func describe(_ bytes: Int) -> String {
        let units = [("TB", 1e12), ("GB", 1e9), ("MB", 1e6), ("KB", 1e3)]
        for (name, size) in units where Double(bytes) >= size {
            let n = Double(bytes) / size
            return (n >= 100 ? String(Int(n.rounded())) : String(Double(Int(n * 10)) / 10)) + " " + name
        }
        return "\(bytes) bytes"
    }
}
