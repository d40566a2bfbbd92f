import Glibc

/// Files read whole (scripts, CSV, graph exports): a FIFO, device or folder is refused before it
/// is opened (opening a FIFO would wait for a writer, reading it would never end), and text that
/// is not UTF-8 is refused with the place of the first bad byte.
package enum InputFile {
    /// `pipes`: a script named on the command line may be a pipe (`quarry <(make-script)`), read to its end.
    package static func bytes(_ path: String, pipes: Bool = false) throws(QueryError) -> [UInt8] {
        var info = stat()
        guard stat(path, &info) == 0 else {
            throw .file(errno == ENOENT ? "no such file" : "cannot be read: \(SystemReason.text(errno))", path: path)
        }
        switch info.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFIFO where pipes:
            let file = try FileDescriptor.open(path, flags: O_RDONLY, action: "cannot be read")
            return try file.readToEnd()
        case S_IFDIR: throw .file("is a folder, not a file", path: path)
        case S_IFIFO: throw .file("is a FIFO (named pipe), not a file: it is not read, since it might never end", path: path)
        case S_IFCHR, S_IFBLK: throw .file("is a device, not a file", path: path)
        default: throw .file("is not a regular file", path: path)
        }
        let file = try FileDescriptor.open(path, flags: O_RDONLY | O_NONBLOCK, action: "cannot be read")
        return try file.readAll()
    }

    package static func text(_ path: String, pipes: Bool = false) throws(QueryError) -> String {
        try decode(try bytes(path, pipes: pipes), path: path)
    }

    /// Standard input read to its end (a read interrupted by a signal is repeated), as text.
    package static func standardInput() throws(QueryError) -> String {
        try decode(try FileDescriptor.standardInput().readToEnd(), path: "<stdin>")
    }

    /// `data` as text, or an error at its first byte that is not UTF-8.
    static func decode(_ data: [UInt8], path: String) throws(QueryError) -> String {
        if let text = String(validating: data, as: UTF8.self) { return text }
        // The first byte that does not fit: count lines and characters up to it.
        var line = 1, lineStart = 0, i = 0
        while i < data.count {
            let n = sequenceLength(data, at: i)
            if n == 0 { break }
            if data[i] == 10 {
                line += 1
                lineStart = i + 1
            }
            i += n
        }
        let column = String(decoding: data[lineStart..<i], as: UTF8.self).count + 1
        throw .file("is not UTF-8 text: byte 0x\(String(data[min(i, data.count - 1)], radix: 16, uppercase: true)) at line \(line), column \(column)", path: path)
    }

    /// The length of the valid UTF-8 sequence at `i`, or 0.
    static func sequenceLength(_ b: [UInt8], at i: Int) -> Int {
        let c = b[i]
        let (n, lowest): (Int, UInt32) = c < 0x80 ? (1, 0) : c >> 5 == 0b110 ? (2, 0x80) : c >> 4 == 0b1110 ? (3, 0x800) : c >> 3 == 0b11110 ? (4, 0x10000) : (0, 0)
        guard n > 0, i + n <= b.count else { return 0 }
        var scalar = n == 1 ? UInt32(c) : UInt32(c) & (0x7F >> n)
        for k in 1..<n {
            guard b[i + k] >> 6 == 0b10 else { return 0 }
            scalar = scalar << 6 | UInt32(b[i + k] & 0x3F)
        }
        guard scalar >= lowest, scalar <= 0x10FFFF, !(0xD800...0xDFFF).contains(scalar) else { return 0 }
        return n
    }
}
