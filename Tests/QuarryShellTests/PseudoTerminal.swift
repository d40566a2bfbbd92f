import Foundation
import Glibc
import Testing

/// `quarry` running under a pseudo-terminal (xterm, 120×40), driven like a user at a keyboard:
/// `send` types, `expect` waits for text on the screen. The child is killed and reaped when the
/// terminal is released, whatever happened.
final class PseudoTerminal {
    static let up = "\u{1B}[A"
    static let ctrlC = "\u{03}"
    static let ctrlD = "\u{04}"

    let pid: pid_t
    private let master: Int32
    /// Everything the child printed, escape sequences included.
    private(set) var received: [UInt8] = []
    /// Where in the text without escapes the next `expect` starts looking.
    private var searchFrom = 0
    private var exitStatus: Int32?

    /// Starts `quarry` with `arguments` in `sandbox` (home, state folder and working directory);
    /// `colour` leaves NO_COLOR unset.
    init(_ sandbox: Sandbox, _ arguments: [String] = [], colour: Bool = false, environment extra: [String: String] = [:]) throws {
        var environment = sandbox.environment().merging(["TERM": "xterm", "COLUMNS": "120", "LINES": "40"]) { $1 }.merging(extra) { $1 }
        if colour { environment["NO_COLOR"] = nil }
        // Everything the child needs is built before fork: after it, only exec is safe.
        let argv = ([QuarryBinary.path] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        let program = argv[0]!, directory = strdup(sandbox.root)!
        defer { (argv + envp + [directory]).forEach { free($0) } }
        var size = winsize(ws_row: 40, ws_col: 120, ws_xpixel: 0, ws_ypixel: 0)
        var master: Int32 = -1
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        let pid = forkpty(&master, nil, nil, &size)
        if pid == 0 {
            // The test thread may block or ignore signals; a user's shell does not.
            sigprocmask(SIG_SETMASK, &noSignals, nil)
            signal(SIGINT, SIG_DFL)
            signal(SIGPIPE, SIG_DFL)
            chdir(directory)
            execve(program, argv, envp)
            _exit(127)
        }
        guard pid > 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        self.pid = pid
        self.master = master
        _ = fcntl(master, F_SETFL, fcntl(master, F_GETFL) | O_NONBLOCK)
    }

    deinit {
        if exitStatus == nil {
            kill(pid, SIGKILL)
            var status: Int32 = 0
            waitpid(pid, &status, 0)
        }
        close(master)
    }

    /// Types `text` (control characters and escape sequences included).
    func send(_ text: String) {
        var bytes = Array(text.utf8)[...]
        let deadline = Date().addingTimeInterval(5)
        while !bytes.isEmpty && Date() < deadline {
            let written = bytes.withUnsafeBytes { write(master, $0.baseAddress, $0.count) }
            if written > 0 { bytes = bytes.dropFirst(written) } else { pump(milliseconds: 10) }
        }
    }

    /// Enters `line` (a statement with its `;`, or a command) and waits for `result` and the next prompt.
    func run(_ line: String, shows result: String) throws {
        send(line + "\r")
        try expect(result)
        try expect("quarry> ")
    }

    /// What did not appear on the screen in time, with the screen since the last match.
    struct ScreenTimeout: Error, CustomStringConvertible {
        let wanted: String
        let timeout: TimeInterval
        let screen: String
        var description: String { "'\(wanted)' did not appear within \(timeout) s; the screen since the last match:\n\(screen)" }
    }

    /// Waits until `text` appears on the screen after what earlier expectations matched, and
    /// returns the text shown in between; throws (ending the test) when it does not come in time.
    @discardableResult
    func expect(_ text: String, timeout: TimeInterval = 10) throws -> String {
        let wanted = Array(text.utf8)
        let deadline = Date().addingTimeInterval(timeout)
        repeat {
            let screen = PseudoTerminal.withoutEscapes(received)
            if let found = PseudoTerminal.find(wanted, in: screen, from: searchFrom) {
                defer { searchFrom = found + wanted.count }
                return String(decoding: screen[searchFrom..<found], as: UTF8.self)
            }
        } while pump(milliseconds: 20) && Date() < deadline
        throw ScreenTimeout(wanted: text, timeout: timeout, screen: screenSinceLastMatch)
    }

    /// The text without escapes that no expectation has matched yet.
    var screenSinceLastMatch: String {
        String(decoding: PseudoTerminal.withoutEscapes(received).dropFirst(searchFrom), as: UTF8.self)
    }

    /// Reads what is available for up to `milliseconds`; false once the child has closed the terminal.
    @discardableResult
    func pump(milliseconds: Int32) -> Bool {
        var descriptor = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
        guard poll(&descriptor, 1, milliseconds) > 0 else { return true }
        var buffer = [UInt8](repeating: 0, count: 4096)
        let count = read(master, &buffer, buffer.count)
        if count > 0 {
            received += buffer[..<count]
            return true
        }
        return count < 0 && (errno == EAGAIN || errno == EINTR)
    }

    /// Waits for the child to exit and returns its exit status; kills it (and records an issue)
    /// after `timeout`.
    func waitForExit(timeout: TimeInterval = 10, sourceLocation: SourceLocation = #_sourceLocation) -> Int32? {
        let deadline = Date().addingTimeInterval(timeout)
        var status: Int32 = 0
        while Date() < deadline {
            if waitpid(pid, &status, WNOHANG) == pid {
                exitStatus = status & 0x7F == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
                return exitStatus
            }
            pump(milliseconds: 20)
        }
        Issue.record("quarry did not exit within \(timeout) s", sourceLocation: sourceLocation)
        return nil
    }

    /// The bytes without the bell and ANSI escape sequences (CSI `ESC [ … final`, OSC `ESC ] … BEL`, `ESC x`).
    static func withoutEscapes(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        while i < bytes.count {
            guard bytes[i] == 0x1B else {
                if bytes[i] != 0x07 { out.append(bytes[i]) }
                i += 1
                continue
            }
            i += 1
            guard i < bytes.count else { break }
            switch bytes[i] {
            case UInt8(ascii: "["):
                i += 1
                while i < bytes.count, !(0x40...0x7E).contains(bytes[i]) { i += 1 }
                i += 1
            case UInt8(ascii: "]"):
                while i < bytes.count, bytes[i] != 0x07, !(bytes[i] == UInt8(ascii: "\\") && bytes[i - 1] == 0x1B) { i += 1 }
                i += 1
            default:
                i += 1
            }
        }
        return out
    }

    static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
        guard !needle.isEmpty, haystack.count >= needle.count, start <= haystack.count - needle.count else { return nil }
        return (start...(haystack.count - needle.count)).first { haystack[$0..<($0 + needle.count)].elementsEqual(needle) }
    }
}
