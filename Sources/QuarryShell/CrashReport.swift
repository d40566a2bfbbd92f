import Foundation

/// What a user sees if Quarry itself breaks (a trap, a bad memory access, an abort): one line
/// saying so, instead of Swift's backtrace and its "Press space to interact" prompt, then the
/// signal's own ending (exit status 128 + signal). A graph file keeps every statement committed
/// before it, since each is journaled before its result is shown. `QUARRY_BACKTRACE=1` keeps
/// Swift's crash report, for developers.
public enum CrashReport {
    static let signals: [(Int32, String)] = [
        (SIGSEGV, "SIGSEGV"), (SIGBUS, "SIGBUS"), (SIGILL, "SIGILL"), (SIGTRAP, "SIGTRAP"), (SIGFPE, "SIGFPE"), (SIGABRT, "SIGABRT"),
    ]

    /// The message for each signal number, made before any crash: a handler may only call
    /// `write`, and reads a plain array.
    nonisolated(unsafe) static let messages = UnsafeMutableBufferPointer<UnsafeMutableBufferPointer<UInt8>>.allocate(capacity: 64)

    /// Replaces Swift's crash handlers with the one-line report (once, at start).
    public static func install() {
        guard ProcessInfo.processInfo.environment["QUARRY_BACKTRACE"] != "1" else { return }
        for (signal, name) in signals {
            let text = "\nquarry: internal error (\(name)): this is a bug in Quarry, which stopped. A graph file keeps every "
                + "statement committed before this; a graph in memory only is lost. Please report what you ran.\n"
            let buffer = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: text.utf8.count)
            _ = buffer.initialize(from: text.utf8)
            messages[Int(signal)] = buffer
            var action = sigaction()
            action.__sigaction_handler.sa_handler = report
            action.sa_flags = Int32(SA_ONSTACK) | Int32(bitPattern: UInt32(SA_RESETHAND))
            sigemptyset(&action.sa_mask)
            sigaction(signal, &action, nil)
        }
        prepareThread()
    }

    /// Gives the calling thread an alternate signal stack, so that a stack overflow can still be
    /// reported. Each thread that runs deep recursion calls it.
    public static func prepareThread() {
        let size = 1 << 16
        guard let memory = malloc(size) else { return }
        var stack = stack_t()
        stack.ss_sp = memory
        stack.ss_size = size
        stack.ss_flags = 0
        sigaltstack(&stack, nil)
    }

    /// Writes the prepared line and re-raises the signal, whose handler is back to the default.
    private static let report: @convention(c) (Int32) -> Void = { signal in
        let message = messages[Int(signal)]
        _ = write(2, message.baseAddress, message.count)
        raise(signal)
    }
}
