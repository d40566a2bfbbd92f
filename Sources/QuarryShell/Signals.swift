import Glibc
import QuarryEngine
import Synchronization

/// Set by Ctrl-C (SIGINT): a running statement stops, the line editor drops its line. A global,
/// initialised before any handler is installed, since a signal handler must not trigger lazy
/// initialisation.
let interruptFlag = CancellationFlag()

/// Set by SIGTERM, SIGHUP or SIGQUIT in the shell: it stops what runs and leaves cleanly.
let leaveSignal = Atomic<Int32>(0)

/// All of the shell's signal handling. In the interactive shell, SIGINT only sets the interrupt
/// flag and the leaving signals set theirs (and the interrupt flag, to stop a statement); the line
/// editor looks at both whenever it wakes. Scripts keep the default actions.
enum Signals {
    nonisolated(unsafe) private(set) static var interactive = false

    /// Installs the shell's handlers: before readline, which wraps them in its own.
    static func installForShell() {
        interactive = true
        interruptFlag.clear()
        _ = leaveSignal.load(ordering: .relaxed)
        install(SIGINT) { _ in interruptFlag.cancel() }
        for s in [SIGTERM, SIGHUP, SIGQUIT] {
            install(s) { signal in
                leaveSignal.store(signal, ordering: .relaxed)
                interruptFlag.cancel()
            }
        }
    }

    /// The signal that asked the shell to leave, if one did.
    static var leaving: Int32? {
        let s = leaveSignal.load(ordering: .relaxed)
        return s == 0 ? nil : s
    }

    /// Runs a statement with Ctrl-C going straight to the interrupt flag (readline's own handler,
    /// installed while it edits, would also reset the terminal), then puts the previous handler back.
    static func duringStatement<T, E: Error>(_ body: () throws(E) -> T) throws(E) -> T {
        guard interactive else { return try body() }
        var previous = sigaction()
        install(SIGINT, saving: &previous) { _ in interruptFlag.cancel() }
        defer { sigaction(SIGINT, &previous, nil) }
        return try body()
    }

    private static func install(_ signal: Int32, _ handler: @convention(c) (Int32) -> Void) {
        var ignored = sigaction()
        install(signal, saving: &ignored, handler)
    }

    private static func install(_ signal: Int32, saving previous: inout sigaction, _ handler: @convention(c) (Int32) -> Void) {
        var action = sigaction()
        action.__sigaction_handler.sa_handler = handler
        sigemptyset(&action.sa_mask)
        action.sa_flags = 0
        sigaction(signal, &action, &previous)
    }
}
