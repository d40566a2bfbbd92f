import Foundation
import QuarryShell
import Testing

/// Every input a fuzz target ever crashed or hung on (`Tests/Fuzz/findings/TARGET/`, copied there
/// from `.build-fuzz/findings/`) is run through that target again: it must come back.
struct FuzzFindingsTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fuzz/findings").path

    static let findings: [String] = FuzzTarget.allCases.flatMap { target in
        ((try? FileManager.default.contentsOfDirectory(atPath: folder + "/" + target.rawValue)) ?? []).sorted().map { target.rawValue + "/" + $0 }
    }

    @Test func findingsAreKept() {
        #expect(!Self.findings.isEmpty, "no findings under \(Self.folder)")
    }

    @Test(arguments: FuzzFindingsTests.findings)
    func findingComesBack(_ name: String) throws {
        let target = try #require(FuzzTarget(rawValue: String(name.prefix { $0 != "/" })))
        let data = try #require(FileManager.default.contents(atPath: Self.folder + "/" + name))
        target.run([UInt8](data))
    }
}
