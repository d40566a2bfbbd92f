import Foundation
import Testing

/// The built `quarry` executable.
enum QuarryBinary {
    /// `quarry` in the build products folder the tests run from: on Linux the test executable's
    /// folder (`Bundle.main`), on macOS the folder holding the `.xctest` bundle.
    static let path: String = {
        let bundle = URL(fileURLWithPath: Bundle.main.bundlePath)
        let candidates = [bundle, bundle.deletingLastPathComponent()].map { $0.appendingPathComponent("quarry").path }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) } ?? candidates[0]
    }()
}

/// A temporary folder used as `HOME`, `XDG_STATE_HOME` and working directory of every run, so
/// history and `~/.quarryrc` never touch the user's; removed when released.
final class Sandbox {
    let root: String

    init() {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("quarry-shell-\(UUID().uuidString)").path
        try? FileManager.default.createDirectory(atPath: root + "/state", withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: root) }

    var historyFile: String { root + "/state/quarry/history" }

    /// Writes `text` to `name` (relative to the sandbox) and returns the full path.
    @discardableResult
    func write(_ name: String, _ text: String) -> String {
        let path = root + "/" + name
        try? FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        _ = FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
        return path
    }

    func read(_ name: String) -> String? { try? String(contentsOfFile: root + "/" + name, encoding: .utf8) }

    /// The environment of every run: this sandbox as home, no colour, no dataset folder override.
    func environment() -> [String: String] {
        var env = ProcessInfo.processInfo.environment
        env["HOME"] = root
        env["XDG_STATE_HOME"] = root + "/state"
        env["NO_COLOR"] = "1"
        env["QUARRY_DATASETS"] = nil
        return env
    }
}

/// What a finished run of `quarry` printed, and how it ended.
struct RunResult {
    let status: Int32
    let stdout: String
    let stderr: String

    /// Standard output split into lines, without the empty piece after the final newline.
    var lines: [String] { split(stdout) }
    var errorLines: [String] { split(stderr) }

    private func split(_ text: String) -> [String] {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        return lines
    }
}

/// Data filled in by reader threads.
private final class Collected: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [Int: Data] = [:]

    subscript(key: Int) -> Data {
        get { lock.withLock { values[key] ?? Data() } }
        set { lock.withLock { values[key] = newValue } }
    }
}

extension Sandbox {
    /// Runs `quarry` with pipes for its output, in this sandbox (home, state and working folder).
    /// Standard input is `stdin` when given, else empty. A run longer than a minute is killed.
    func quarry(_ arguments: String..., stdin: String? = nil) throws -> RunResult {
        try quarry(arguments: arguments, stdin: stdin)
    }

    func quarry(arguments: [String], stdin: String? = nil) throws -> RunResult {
        try process(QuarryBinary.path, arguments: arguments, environment: environment(), stdin: stdin)
    }

    /// Runs `executable` the same way, with `environment`.
    func process(_ executable: String, arguments: [String], environment: [String: String], stdin: String? = nil) throws -> RunResult {
        let timeout: TimeInterval = 60
        signal(SIGPIPE, SIG_IGN)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.environment = environment
        process.currentDirectoryURL = URL(fileURLWithPath: root)
        let output = Pipe(), errors = Pipe(), input = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = stdin == nil ? FileHandle.nullDevice : input
        try process.run()

        let collected = Collected()
        let readers = DispatchGroup()
        for (key, handle) in [(1, output.fileHandleForReading), (2, errors.fileHandleForReading)] {
            DispatchQueue.global().async(group: readers) { collected[key] = handle.readDataToEndOfFile() }
        }
        if let stdin {
            let writer = input.fileHandleForWriting
            DispatchQueue.global().async {
                try? writer.write(contentsOf: Data(stdin.utf8))
                try? writer.close()
            }
        }
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { usleep(5_000) }
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            Issue.record("\(executable) \(arguments.joined(separator: " ")) ran longer than \(timeout) s and was killed")
        }
        process.waitUntilExit()
        readers.wait()
        return RunResult(status: process.terminationStatus,
                         stdout: String(decoding: collected[1], as: UTF8.self),
                         stderr: String(decoding: collected[2], as: UTF8.self))
    }
}
