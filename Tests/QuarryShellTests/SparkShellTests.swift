import Foundation
import Testing

/// The real binary on Spark, where a statement's size is the cluster's and not the process's:
/// Ctrl-C under a pseudo-terminal, and a result too large for the memory limit. `make test` runs
/// these after the in-memory suites, beside QuarrySparkTests (a cancelled job's tasks may keep the
/// server's cores busy for a while, which would disturb the timings of the other
/// pseudo-terminal tests); they skip without QUARRY_SPARK_URL.
@Suite(.serialized)
struct SparkShellTests {
    let sandbox = Sandbox()

    /// The server's URL, with a folder `graph` of 3,000 nodes `P` in the sandbox; nil (skip)
    /// without a server.
    func graph() -> String? {
        guard let url = ProcessInfo.processInfo.environment["QUARRY_SPARK_URL"] else {
            print("SKIPPED: QUARRY_SPARK_URL is not set (make test starts a Spark Connect server with .ci/spark-server; it needs Java)")
            return nil
        }
        let nodes = (1...3_000).map { "\($0),P,p\($0)\n" }.joined()
        sandbox.write("graph/nodes_P.csv", ":ID,:LABEL,name:string\n" + nodes)
        return url
    }

    /// Ctrl-C during a statement on Spark: "Cancelled" within 5 s, the prompt back, and the same
    /// session goes on answering.
    @Test func ctrlCCancelsASparkStatementAndTheSessionGoesOn() throws {
        guard let url = graph() else { return }
        let terminal = try PseudoTerminal(sandbox, ["--engine", url, "--graph", "graph"])
        try terminal.expect("quarry> ", timeout: 60)
        // 27 billion rows: minutes of work for two cores.
        terminal.send("MATCH (a:P), (b:P), (c:P) RETURN count(*) AS n;\r")
        let running = Date().addingTimeInterval(3)
        while Date() < running { terminal.pump(milliseconds: 50) }
        #expect(!terminal.screenSinceLastMatch.contains("row"), "the cross product finished before Ctrl-C: too fast to test")
        terminal.send(PseudoTerminal.ctrlC)
        try terminal.expect("Cancelled", timeout: 5)
        try terminal.expect("quarry> ", timeout: 5)
        // The killed tasks may hold the cores a little longer; the next statement waits for them.
        terminal.send("MATCH (p:P) WHERE p.name = 'p42' RETURN count(*) AS n;\r")
        try terminal.expect("│ 1 │", timeout: 60)
        try terminal.expect("quarry> ")
        terminal.send(PseudoTerminal.ctrlD)
        #expect(terminal.waitForExit(timeout: 60) == 0)
    }

    /// Nine million rows fetched under a memory limit of 300 MB: stopped with the limit's error
    /// and exit code 1, not killed by the kernel.
    @Test func aResultLargerThanTheMemoryLimitIsRefused() throws {
        guard let url = graph() else { return }
        let run = try sandbox.quarry("--engine", url, "--graph", "graph", "--memory-limit", "300M",
                                     "-c", "MATCH (a:P), (b:P) RETURN a.name, b.name")
        #expect(run.status == 1, "\(run.stderr)")
        #expect(run.stderr.contains("MemoryLimitExceeded") && run.stderr.contains("the result from Spark would need more memory than the limit of"), "\(run.stderr)")
        #expect(!run.stdout.contains("p3000"), "rows were printed")
    }
}
