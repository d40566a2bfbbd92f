import Glibc
import QuarryEngine

/// Writes to standard output and standard error without Foundation's `FileHandle.write`, which
/// traps on a full disk or a closed pipe: a failed write comes back as a reason to report.
public enum StandardStream {
    /// Writes all of `text` to the descriptor; the reason ("disk full", "the reader closed the
    /// pipe") when it cannot.
    @discardableResult
    public static func write(_ text: String, to fd: Int32) -> String? {
        var text = text
        return text.withUTF8 { bytes -> String? in
            var done = 0
            while done < bytes.count {
                let n = Glibc.write(fd, bytes.baseAddress! + done, bytes.count - done)
                if n < 0 {
                    if errno == EINTR { continue }
                    return SystemReason.text(errno)
                }
                done += n
            }
            return nil
        }
    }

    @discardableResult
    public static func output(_ text: String) -> String? { write(text, to: 1) }

    public static func error(_ text: String) { write(text, to: 2) }
}
