@preconcurrency import CReadline
import Foundation

/// The one place that talks to GNU readline, always from the main thread. It uses readline's
/// callback interface with `poll`, so Ctrl-C abandons the line cleanly (even inside Ctrl-R search)
/// and signals leave the terminal sane (see the notes on readline in the project's shared notes).
final class LineEditor {
    enum Input: Equatable {
        case line(String)
        case interrupted
        case end
    }

    /// What the C callbacks reach: state for the one editor of the process.
    nonisolated(unsafe) static var received: String??
    nonisolated(unsafe) static var completer: ((String, String) -> [String])?
    nonisolated(unsafe) static var earlierLines = ""
    nonisolated(unsafe) static var matches: [String] = []
    nonisolated(unsafe) static var matchIndex = 0

    let historyPath: String?
    static let historyLimit: Int32 = 2000

    init(historyPath: String?, completer: @escaping (String, String) -> [String]) {
        self.historyPath = historyPath.flatMap(LineEditor.safeHistoryPath)
        LineEditor.completer = completer
        setlocale(LC_ALL, "")
        quarry_set_readline_name(strdup("quarry"))
        quarry_set_word_break_characters(strdup(" \t\n()[]{},;:.=<>+-*/%|$'\"`!"))
        rl_attempted_completion_function = LineEditor.attemptCompletion
        rl_getc_function = LineEditor.readKey
        rl_variable_bind("completion-ignore-case", "on")
        rl_persistent_signal_handlers = 1
        rl_catch_signals = 1
        using_history()
        stifle_history(LineEditor.historyLimit)
        if let historyPath = self.historyPath { LineEditor.openHistory(historyPath) }
    }

    /// The history file, unless it is a symbolic link or not a regular file: it is made private
    /// (0600) and cut to its last lines, which must not happen to whatever a link points at.
    static func safeHistoryPath(_ path: String) -> String? {
        var info = stat()
        guard lstat(path, &info) == 0 else { return path }
        let kind = info.st_mode & S_IFMT
        guard kind != S_IFREG else { return path }
        let what = kind == S_IFLNK ? "a symbolic link" : "not a regular file"
        StandardStream.error("quarry: warning: the history file \(path) is \(what); this session's history is not kept\n")
        return nil
    }

    /// Creates the history file (mode 0600) if needed and reads it.
    static func openHistory(_ path: String) {
        let dir = (path as NSString).deletingLastPathComponent
        try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        if !FileManager.default.fileExists(atPath: path) { write_history(path) }
        chmod(path, 0o600)
        read_history(path)
    }

    func read(prompt: String, earlierLines: String = "") -> Input {
        LineEditor.received = nil
        LineEditor.earlierLines = earlierLines
        // The flag is not cleared here: Ctrl-C pressed after the last line was read (while a
        // statement's first line was taken, say) belongs to this read, which drops the statement.
        rl_callback_handler_install(prompt, LineEditor.lineHandler)
        defer { rl_callback_handler_remove() }
        while true {
            // A signal may land on another thread, or while readline is busy rather than in poll:
            // readline then only notes it. Let it act on what it noted, look at the flags every time
            // round, and wake up often enough that Ctrl-C acts within 100 ms.
            rl_check_signals()
            if Signals.leaving != nil {
                rl_callback_sigcleanup()
                return .end
            }
            if interruptFlag.isCancelled {
                interruptFlag.clear()
                rl_callback_sigcleanup()
                rl_free_line_state()
                StandardStream.output("^C\n")
                return .interrupted
            }
            var fds = pollfd(fd: 0, events: Int16(POLLIN), revents: 0)
            let ready = poll(&fds, 1, 100)
            if ready < 0 {
                guard errno == EINTR else { return .end }
                continue
            }
            if ready == 0 { continue }
            rl_callback_read_char()
            if let r = LineEditor.received { return r.map(Input.line) ?? .end }
        }
    }

    /// Adds a statement to the history, as one line, and appends it to the file at once (so a
    /// killed session keeps it and concurrent sessions merge).
    func remember(_ entry: String) {
        let line = entry.split(separator: "\n").map { $0.trimmingWhitespace }.joined(separator: " ")
        guard !line.isEmpty else { return }
        add_history(line)
        if let historyPath { append_history(1, historyPath) }
    }

    func close() {
        if let historyPath { history_truncate_file(historyPath, LineEditor.historyLimit) }
    }

    /// readline's own key reader blocks in `read` and, on Ctrl-C, goes back to blocking: the
    /// terminal has just thrown away what was typed, so Ctrl-C would only act at the next key. This
    /// one waits with `poll`, reads without blocking (so bytes thrown away between the two cannot
    /// stall it, and an end of input still comes through as EOF), and on Ctrl-C or a leaving signal
    /// hands readline a harmless NUL (set-mark) so that the editor's loop takes over.
    static let readKey: @convention(c) (UnsafeMutablePointer<FILE>?) -> Int32 = { _ in
        while true {
            if interruptFlag.isCancelled || Signals.leaving != nil { return 0 }
            var fds = pollfd(fd: 0, events: Int16(POLLIN), revents: 0)
            let ready = poll(&fds, 1, 100)
            if ready < 0 && errno != EINTR { return EOF }
            if ready <= 0 {
                rl_check_signals()
                continue
            }
            var byte: UInt8 = 0
            let flags = fcntl(0, F_GETFL)
            _ = fcntl(0, F_SETFL, flags | O_NONBLOCK)
            let n = Glibc.read(0, &byte, 1)
            let failure = errno
            _ = fcntl(0, F_SETFL, flags)
            if n == 1 { return Int32(byte) }
            if n == 0 { return EOF }
            if failure == EAGAIN || failure == EINTR {
                rl_check_signals()
                continue
            }
            return EOF
        }
    }

    /// Removing the handler here stops readline from drawing the next prompt before the
    /// statement has run.
    static let lineHandler: @convention(c) (UnsafeMutablePointer<CChar>?) -> Void = { line in
        rl_callback_handler_remove()
        guard let line else {
            LineEditor.received = .some(nil)
            return
        }
        LineEditor.received = .some(String(cString: line))
        free(line)
    }

    static let attemptCompletion: @convention(c) (UnsafePointer<CChar>?, Int32, Int32) -> UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = { text, _, end in
        rl_attempted_completion_over = 1
        guard let text, let buffer = rl_line_buffer, let completer = LineEditor.completer else { return nil }
        let bytes = Array(UnsafeBufferPointer(start: UnsafeRawPointer(buffer).assumingMemoryBound(to: UInt8.self), count: Int(end)))
        let before = LineEditor.earlierLines + String(decoding: bytes, as: UTF8.self)
        LineEditor.matches = completer(before, String(cString: text))
        LineEditor.matchIndex = 0
        // A space after keywords and variables; none after names that usually continue (`:Actor)`).
        let start = Int(end) - Int(strlen(text))
        let opener = start > 0 ? bytes[start - 1] : 0
        let continues = LineEditor.matches.allSatisfy { $0.hasSuffix("(") || $0.hasSuffix("/") }
            || [UInt8(ascii: ":"), UInt8(ascii: "."), UInt8(ascii: "$"), UInt8(ascii: "'"), UInt8(ascii: "\""), UInt8(ascii: "|")].contains(opener)
        // Inside a quote, a value that is complete gets its closing quote (not a space inside it).
        let head = String(decoding: bytes[0..<max(0, start)], as: UTF8.self)
        if let open = Completer.openQuote(LineEditor.earlierLines + head), let quote = open.quote.asciiValue {
            rl_completion_append_character = Int32(quote)
        } else {
            rl_completion_append_character = continues ? 0 : 32
        }
        return rl_completion_matches(text, LineEditor.nextMatch)
    }

    static let nextMatch: @convention(c) (UnsafePointer<CChar>?, Int32) -> UnsafeMutablePointer<CChar>? = { _, _ in
        guard LineEditor.matchIndex < LineEditor.matches.count else { return nil }
        LineEditor.matchIndex += 1
        return strdup(LineEditor.matches[LineEditor.matchIndex - 1])
    }
}
