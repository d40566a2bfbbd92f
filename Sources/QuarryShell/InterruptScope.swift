import Foundation
import QuarryEngine

/// The flag Ctrl-C sets. A global, initialised before any handler is installed, since a signal
/// handler must not trigger lazy initialisation.
let interruptFlag = CancellationFlag()

/// While an interactive statement runs, Ctrl-C (SIGINT) cancels it instead of ending the process.
enum InterruptScope {
    nonisolated(unsafe) static var enabled = false

    static func run<T>(_ flag: CancellationFlag, _ body: () throws(QueryError) -> T) throws(QueryError) -> T {
        guard enabled else { return try body() }
        interruptFlag.clear()
        var action = sigaction()
        action.__sigaction_handler.sa_handler = { _ in interruptFlag.cancel() }
        sigemptyset(&action.sa_mask)
        action.sa_flags = 0
        var previous = sigaction()
        sigaction(SIGINT, &action, &previous)
        defer { sigaction(SIGINT, &previous, nil) }
        return try body()
    }
}
