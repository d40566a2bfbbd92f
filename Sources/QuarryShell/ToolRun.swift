import Foundation
import QuarryEngine

/// A program found on the PATH, run to its end: its exit status, what it printed and its
/// complaints. Output goes to files, not pipes (a pipe nobody reads while the program runs can
/// fill up and stop it); Ctrl-C stops it.
struct ToolRun {
    let status: Int32
    let output: [UInt8]
    let errors: String

    static func start(_ arguments: [String], interrupt: CancellationFlag?) -> Result<ToolRun, CommandProblem> {
        let folder = NSTemporaryDirectory() + "quarry-drawings"
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let outPath = folder + "/out-\(UUID().uuidString)", errPath = outPath + ".err"
        defer {
            try? FileManager.default.removeItem(atPath: outPath)
            try? FileManager.default.removeItem(atPath: errPath)
        }
        guard FileManager.default.createFile(atPath: outPath, contents: nil), FileManager.default.createFile(atPath: errPath, contents: nil),
              let out = FileHandle(forWritingAtPath: outPath), let err = FileHandle(forWritingAtPath: errPath) else {
            return .failure(CommandProblem(message: "cannot make files in \(folder) for \(arguments[0])"))
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            return .failure(CommandProblem(message: "cannot run \(arguments[0]): \(error.localizedDescription)"))
        }
        while process.isRunning {
            if interrupt?.isCancelled == true {
                process.terminate()
                process.waitUntilExit()
                return .failure(CommandProblem(message: "Cancelled: \(arguments[0]) was stopped"))
            }
            usleep(20_000)
        }
        try? out.close()
        try? err.close()
        let output = FileManager.default.contents(atPath: outPath).map { [UInt8]($0) } ?? []
        let errors = FileManager.default.contents(atPath: errPath).map { String(decoding: $0, as: UTF8.self) } ?? ""
        return .success(ToolRun(status: process.terminationStatus, output: output, errors: errors.trimmingWhitespace))
    }
}
