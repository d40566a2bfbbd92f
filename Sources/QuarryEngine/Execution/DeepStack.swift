import Foundation

/// Runs the engine's recursive work (parsing, analysis, compiled expressions) on a stack large
/// enough for the deepest query the parser accepts. A thread that already has one (the `quarry`
/// command's worker) runs it directly; a small-stack thread hands it to a fresh thread and waits.
enum DeepStack {
    static let needed = 256 << 20

    /// Whether the calling thread's stack is big enough, remembered per thread.
    static func currentStackIsLarge() -> Bool {
        if let cached = pthread_getspecific(key) { return cached == largeMarker }
        // Foundation knows the size of the threads it started; others count as small.
        let large = Thread.current.stackSize >= needed
        pthread_setspecific(key, large ? largeMarker : smallMarker)
        return large
    }

    static let key: pthread_key_t = {
        var k = pthread_key_t()
        pthread_key_create(&k, nil)
        return k
    }()

    nonisolated(unsafe) static let largeMarker = UnsafeMutableRawPointer(bitPattern: 2)!
    nonisolated(unsafe) static let smallMarker = UnsafeMutableRawPointer(bitPattern: 1)!

    static func run<T>(_ body: @escaping () throws(QueryError) -> T) throws(QueryError) -> T {
        if currentStackIsLarge() { return try body() }
        let outcome = DeepStackOutcome<T>()
        nonisolated(unsafe) let work = body
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            do throws(QueryError) {
                outcome.result = .success(try work())
            } catch {
                outcome.result = .failure(error)
            }
            done.signal()
        }
        thread.stackSize = needed
        thread.start()
        done.wait()
        return try outcome.result!.get()
    }
}

/// The result handed back from the big-stack thread.
final class DeepStackOutcome<T>: @unchecked Sendable {
    var result: Result<T, QueryError>?
}
