import Foundation
@testable import QuarryEngine
import QuarryTestSupport
import Testing

/// The crash harness: a child `quarry` runs a random workload of write statements against a graph
/// file and is killed with SIGKILL at a random moment, again and again. After each kill the file
/// is opened and must hold exactly the statements whose results were shown, or those and some
/// that followed (journaled, their results held until a group of them was synced), in order, and
/// pass the full integrity check.
/// `QUARRY_CRASH_KILLS` sets the number of kills (`make crash-test` runs more); `QUARRY_CRASH_SEED`
/// repeats a run.
@Suite(.serialized)
struct CrashHarnessTests {
    let sandbox = Sandbox()

    static var kills: Int { ProcessInfo.processInfo.environment["QUARRY_CRASH_KILLS"].flatMap(Int.init) ?? 200 }

    /// One statement of the workload, and whether it fails (and so changes nothing and shows nothing).
    struct Step {
        var text: String
        var fails = false
        var isMeta: Bool { text.hasPrefix(":") }
    }

    /// A deterministic random workload: creates, updates, relationships, deletes, label changes,
    /// batches, index changes, checkpoints (`:save`) and statements that fail after writing.
    static func workload(count: Int, seed: UInt64) -> [Step] {
        var rng = SplitMix64(seed: seed)
        var steps: [Step] = []
        var nextID = 0
        func some() -> Int { nextID == 0 ? 0 : Int(rng.next() % UInt64(nextID)) }
        for _ in 0..<count {
            switch rng.next() % 20 {
            case 0...5:
                steps.append(Step(text: "CREATE (:L\(rng.next() % 3) {id: \(nextID), v: \(Int64(bitPattern: rng.next()) % 1000), s: 'n\(nextID) é'})"))
                nextID += 1
            case 6, 7:
                steps.append(Step(text: "MATCH (n {id: \(some())}) SET n.v = \(rng.next() % 100), n.f = \(Double(rng.next() % 1000) / 8)"))
            case 8, 9, 10:
                steps.append(Step(text: "MATCH (a {id: \(some())}), (b {id: \(some())}) CREATE (a)-[:T\(rng.next() % 2) {w: \(rng.next() % 10)}]->(b)"))
            case 11:
                steps.append(Step(text: "MATCH (n {id: \(some())}) DETACH DELETE n"))
            case 12:
                steps.append(Step(text: "MATCH (n {id: \(some())}) SET n:Tagged REMOVE n:L0"))
            case 13, 14:
                let batch = nextID
                steps.append(Step(text: "UNWIND range(1, 40) AS i CREATE (:Bulk {id: \(batch) * 1000 + i, batch: \(batch), text: 'row ' + toString(i)})"))
            case 15:
                steps.append(Step(text: "MATCH ()-[r:T0]->() WHERE r.w = \(rng.next() % 10) DELETE r"))
            case 16:
                steps.append(Step(text: rng.next() % 2 == 0 ? "CREATE INDEX IF NOT EXISTS FOR (n:L1) ON (n.v)" : "DROP INDEX index_L1_v IF EXISTS"))
            case 17:
                steps.append(Step(text: ":save"))
            case 18:
                steps.append(Step(text: "CREATE (:Doomed {id: -1}) WITH 1 AS one RETURN one / 0", fails: true))
            default:
                steps.append(Step(text: "MATCH (n:L2) RETURN count(n) AS c"))
            }
        }
        return steps
    }

    /// Runs `steps` in a child on `file`, kills it after `delay` microseconds, and returns how
    /// many statement results it printed (END lines of the jsonl format).
    func runAndKill(_ steps: [Step], file: String, delay: UInt32) throws -> Int {
        let script = sandbox.write("workload.cypher", steps.map { $0.isMeta ? $0.text + "\n" : $0.text + ";\n" }.joined())
        let process = Process()
        process.executableURL = URL(fileURLWithPath: QuarryBinary.path)
        process.arguments = [file, "--no-bail", "--format", "jsonl", "--no-rc", script]
        process.environment = sandbox.environment()
        process.currentDirectoryURL = URL(fileURLWithPath: sandbox.root)
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        usleep(delay)
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        return text.split(separator: "\n").filter { $0.hasPrefix("{\"@end\"") }.count
    }

    @Test func killedAtRandomTheFileHoldsWhatWasShown() throws {
        let seed = ProcessInfo.processInfo.environment["QUARRY_CRASH_SEED"].flatMap(UInt64.init) ?? UInt64(Date().timeIntervalSince1970)
        let file = sandbox.root + "/crash.quarry"
        let steps = Self.workload(count: Self.kills * 12, seed: seed)
        var rng = SplitMix64(seed: seed ^ 0xDEAD)
        let reference = Database()
        var done = 0
        var inFlightCommitted = 0
        for kill in 0..<Self.kills where done < steps.count {
            let pending = Array(steps[done...].prefix(40))
            let shown = try runAndKill(pending, file: file, delay: UInt32(5_000 + rng.next() % 60_000))
            // Statements before the shown count (meta-commands and failures show no END line).
            var applied = 0, results = 0
            while applied < pending.count && results < shown {
                if !pending[applied].isMeta && !pending[applied].fails { results += 1 }
                applied += 1
            }
            for step in pending[..<applied] where !step.isMeta { _ = try? reference.execute(step.text) }
            var expected = GraphDump.text(reference.graph)
            let opened = Database()
            do {
                // Killed before the file was made: nothing was shown, and there is nothing to open.
                if shown > 0 || FileManager.default.fileExists(atPath: file) { _ = try opened.open(file, readOnly: true) }
            } catch {
                Issue.record("seed \(seed), kill \(kill): the file cannot be opened: \(error.message)")
                return
            }
            var actual = GraphDump.text(opened.graph)
            if actual != expected {
                // Statements after the last result shown may have been journaled, their results
                // held: the file may hold any number of them, in order.
                let before = reference.graph
                var next = applied
                var extra = 0
                while next < pending.count && GraphDump.text(reference.graph) != actual {
                    if !pending[next].isMeta {
                        _ = try? reference.execute(pending[next].text)
                        if !pending[next].fails { extra += 1 }
                    }
                    next += 1
                }
                if GraphDump.text(reference.graph) == actual {
                    applied = next
                    expected = actual
                    inFlightCommitted += extra
                } else {
                    try reference.replaceGraph(before)
                }
            }
            actual = GraphDump.text(opened.graph)
            if actual != expected {
                let e = Set(expected.split(separator: "\n")), a = Set(actual.split(separator: "\n"))
                Issue.record("""
                    seed \(seed), kill \(kill): the reopened file differs from the \(shown) statements shown
                    only expected: \(e.subtracting(a).sorted().prefix(10))
                    only in the file: \(a.subtracting(e).sorted().prefix(10))
                    """)
            }
            #expect(GraphIntegrity.problems(in: opened.graph, full: true) == [], "seed \(seed), kill \(kill)")
            guard actual == expected else { return }
            opened.close()
            done += applied
        }
        #expect(done > Self.kills, "seed \(seed): the workload hardly advanced (\(done) statements in \(Self.kills) kills)")
        print("CrashHarnessTests: seed \(seed): \(Self.kills) kills, \(done) statements committed, \(inFlightCommitted) journaled while their result was not yet shown")
    }
}
