import Foundation
import QuarryEngine
import QuarryShell

/// libFuzzer's side of the fuzz targets (`FuzzTarget` in QuarryShell): one binary, the target
/// chosen by `QUARRY_FUZZ_TARGET`.
enum Chosen {
    nonisolated(unsafe) static var target = FuzzTarget.query

    static func setUp() {
        let name = ProcessInfo.processInfo.environment["QUARRY_FUZZ_TARGET"] ?? "query"
        guard let target = FuzzTarget(rawValue: name) else {
            StandardStream.error("quarry-fuzz: QUARRY_FUZZ_TARGET must be one of \(FuzzTarget.allCases.map(\.rawValue).joined(separator: ", "))\n")
            exit(2)
        }
        Chosen.target = target
    }
}

@_cdecl("LLVMFuzzerInitialize")
public func fuzzInitialize(_ argc: UnsafeMutableRawPointer, _ argv: UnsafeMutableRawPointer) -> Int32 {
    Chosen.setUp()
    return 0
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    Chosen.target.run(Array(UnsafeBufferPointer(start: data, count: size)))
    return 0
}

#if FUZZING
@_silgen_name("LLVMFuzzerRunDriver")
func runFuzzerDriver(_ argc: UnsafeMutablePointer<Int32>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
                     _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> Int32) -> Int32

/// SwiftPM makes the module's entry point the program's `main`, so libFuzzer's own is not used:
/// this one hands over to libFuzzer's driver.
@main
struct Fuzz {
    static func main() {
        var argc = CommandLine.argc
        var argv = CommandLine.unsafeArgv
        exit(runFuzzerDriver(&argc, &argv, fuzzOneInput))
    }
}
#else
/// Built without libFuzzer (`swift build`), the binary replays inputs: `QUARRY_FUZZ_TARGET=csv
/// quarry-fuzz crash-123 ...` runs each file through the target once, to reproduce a finding.
@main
struct Replay {
    static func main() {
        Chosen.setUp()
        for path in CommandLine.arguments.dropFirst() {
            guard let data = FileManager.default.contents(atPath: path) else {
                print("\(path): cannot be read")
                continue
            }
            Chosen.target.run([UInt8](data))
            print("\(path): ok")
        }
    }
}
#endif
