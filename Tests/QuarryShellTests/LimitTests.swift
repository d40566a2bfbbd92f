import Foundation
import Testing

/// Statements that would take too much memory or time stop with a clear error, and the graph stays
/// as it was.
struct LimitTests {
    let sandbox = Sandbox()

    @Test func aStatementPastTheMemoryLimitStopsAndChangesNothing() throws {
        let script = """
            CREATE (:Kept);
            CREATE (:Lost) WITH 1 AS one RETURN size(reduce(s = 'a', x IN range(1, 40) | s + s)) AS n;
            UNWIND range(1, 5000) AS a UNWIND range(1, 5000) AS b RETURN size(collect(a)) AS n;
            MATCH (n) RETURN labels(n) AS l;
            """
        let run = try sandbox.quarry("--empty", "--no-bail", "--memory-limit", "150M", "--format", "csv", stdin: script)
        #expect(run.status == 1)
        let errors = run.errorLines.filter { $0.contains("MemoryLimitExceeded") }
        #expect(errors.count == 2, "\(run.stderr)")
        #expect(errors.first?.hasPrefix("<stdin>:2:") == true, "the place of the growing concatenation: \(run.stderr)")
        #expect(run.stderr.contains("the graph is as it was (--memory-limit or :set memory-limit changes the limit)"))
        #expect(run.lines.suffix(2) == ["l", "['Kept']"])
    }

    /// Node similarity around a hub pairs every two of its neighbours: 36 million pairs here, past
    /// the limit long before the process runs out of memory.
    @Test func similarityPastTheMemoryLimitStops() throws {
        let script = """
            CREATE (h:Hub) WITH h UNWIND range(1, 6000) AS i CREATE (:Leaf {i: i})-[:AT]->(h);
            CALL algo.similarity({labels: ['Leaf', 'Hub'], direction: 'BOTH', topK: 100000}) YIELD similarity RETURN count(*) AS n;
            MATCH (l:Leaf) RETURN count(*) AS leaves;
            """
        let run = try sandbox.quarry("--empty", "--no-bail", "--memory-limit", "300M", "--format", "csv", stdin: script)
        #expect(run.status == 1)
        #expect(run.errorLines.contains { $0.hasPrefix("<stdin>:2:6:") && $0.contains("MemoryLimitExceeded") }, "\(run.stderr)")
        #expect(run.lines.suffix(2) == ["leaves", "6000"])
    }

    @Test func aStatementPastTheTimeLimitStops() throws {
        let started = Date()
        let run = try sandbox.quarry("--empty", "--timeout", "300ms", "-c",
                                     "UNWIND range(1, 100000) AS a UNWIND range(1, 100000) AS b RETURN count(*)")
        #expect(run.status == 1)
        #expect(run.stderr.contains("RuntimeError: Timeout: the statement ran longer than the limit of 300 ms"))
        #expect(Date().timeIntervalSince(started) < 10)
    }

    @Test func setShowsAndChangesTheLimits() throws {
        let run = try sandbox.quarry("--empty", stdin: ":set timeout 2s\n:set memory-limit 1G\n:set\n")
        #expect(run.status == 0)
        #expect(run.lines == ["memory-limit  1.0 GB", "timeout       2 s"])
        let bad = try sandbox.quarry("--empty", stdin: ":set timeout soon\n")
        #expect(bad.status == 1 && bad.stderr.contains("soon is not a time"))
    }

    @Test(arguments: [["--memory-limit", "lots"], ["--timeout", "never"], ["--memory-limit", "0.5%x"], ["--timeout", "-3"], ["--max-rows", "-1"]])
    func badLimitFlagsAreUsageErrors(_ arguments: [String]) throws {
        let run = try sandbox.quarry(arguments: ["--empty", "-c", "RETURN 1"] + arguments)
        #expect(run.status == 2)
        #expect(run.stderr.hasPrefix("quarry: \(arguments[0]): "))
    }
}
