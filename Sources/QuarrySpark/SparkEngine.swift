import Dispatch
import Foundation
import Synchronization
import GRPCCore
import GRPCNIOTransportHTTP2
import QuarryEngine
import SparkConnectProtocol

/// A session on a Spark Connect server (`sc://host:port`) over one graph folder: statements are
/// compiled to Spark SQL (`Database.sparkStatement`), run there, and their Arrow batches read
/// back into rows. The views are registered once, when the session starts. Calls block the
/// caller; Ctrl-C (the cancellation flag) cancels the call and interrupts the server's work.
public final class SparkEngine: @unchecked Sendable {
    public let url: String
    public let schema: SparkGraphSchema
    let client: GRPCClient<HTTP2ClientTransport.Posix>
    let service: Spark_Connect_SparkConnectService.Client<HTTP2ClientTransport.Posix>
    let sessionID = UUID().uuidString.lowercased()
    let connections: Task<Void, Never>
    /// The cluster's cores (`clusterCores`), known once the session has started.
    private(set) var cores = 1

    /// Results larger than gRPC's default 4 MiB per message come in Arrow batches of up to this.
    static let largestMessage = 256 << 20

    public init(url: String, graph folder: String, cancellation: CancellationFlag? = nil) throws(QueryError) {
        self.url = url
        let (host, port) = try Self.address(url)
        schema = try SparkGraphSchema.read(folder: folder)
        let transport: HTTP2ClientTransport.Posix
        do {
            transport = try HTTP2ClientTransport.Posix(target: .dns(host: host, port: port), transportSecurity: .plaintext)
        } catch {
            throw QueryError(.runtimeError, "SparkUnreachable", "cannot use \(url): \(error)")
        }
        let client = GRPCClient(transport: transport)
        self.client = client
        service = Spark_Connect_SparkConnectService.Client(wrapping: client)
        connections = Task { try? await client.runConnections() }
        do {
            cores = try clusterCores(cancellation: cancellation)
            try sizeShuffles(cores: cores, cancellation: cancellation)
            for statement in schema.registration(partitions: cores) { _ = try run(command: statement, cancellation: cancellation) }
        } catch {
            close()
            throw error
        }
    }

    deinit { client.beginGracefulShutdown() }

    /// How many cores the cluster has: `local[N]`'s N, else the partitions `range` is spread
    /// over (a small job).
    func clusterCores(cancellation: CancellationFlag?) throws(QueryError) -> Int {
        let master = try setting("spark.master", cancellation) ?? ""
        if master.hasPrefix("local["), let n = Int(master.dropFirst(6).prefix { $0.isNumber }), n > 0 { return n }
        let query = "SELECT count(*) FROM (SELECT DISTINCT p FROM (SELECT spark_partition_id() AS p FROM range(0, 4096)))"
        guard case .int(let n)? = try Database.sparkRows(try run(query: query, cancellation: cancellation)).first?.first, n > 0 else { return 1 }
        return Int(n)
    }

    /// Spark shuffles into 200 partitions unless told otherwise, which on a few cores costs more
    /// than the work (a join and a grouping over 80,000 relationships took 3× as long on
    /// `local[2]` as with 2 partitions; adaptive execution merges the small partitions only after
    /// writing them). When the server keeps that default, this session shuffles into as many
    /// partitions as the cluster has cores.
    func sizeShuffles(cores: Int, cancellation: CancellationFlag?) throws(QueryError) {
        guard try setting("spark.sql.shuffle.partitions", cancellation) == "200" else { return }
        _ = try run(command: "SET spark.sql.shuffle.partitions=\(cores)", cancellation: cancellation)
    }

    /// The session's value of a Spark setting.
    func setting(_ key: String, _ cancellation: CancellationFlag?) throws(QueryError) -> String? {
        guard case .string(let value)? = try Database.sparkRows(try run(query: "SET \(key)", cancellation: cancellation)).first?.last else { return nil }
        return value
    }

    private let closed = Mutex(false)

    /// Frees what the session holds on the server (the cached files, the session itself; the
    /// cluster's memory is shared by every session) and closes the connection. Done once.
    public func close() {
        guard !closed.withLock({ was in defer { was = true }; return was }) else { return }
        for statement in schema.release { _ = try? run(command: statement, cancellation: nil) }
        var request = Spark_Connect_ReleaseSessionRequest()
        request.sessionID = sessionID
        request.userContext.userID = "quarry"
        let service = self.service, release = request
        _ = try? wait(nil) { try await service.releaseSession(release) }
        client.beginGracefulShutdown()
    }

    /// Has the cluster write a Parquet copy of each file read as CSV (see `SparkParquetCopies`),
    /// one file at a time, each recorded when written (so a Ctrl-C keeps the copies made). This
    /// session goes on reading what it registered; the next one reads the copies. Returns the
    /// names of the files converted.
    public func convertToParquet(cancellation: CancellationFlag?) throws(QueryError) -> [String] {
        try SparkParquetCopies.converting(graph: schema.folder) { (copies) throws(QueryError) in
            var converted: [String] = []
            for conversion in schema.conversions(into: copies, partitions: cores) {
                _ = try run(command: conversion.statement, cancellation: cancellation)
                try copies.record(conversion.source, directory: conversion.directory, integerIDs: conversion.integerIDs)
                converted.append(conversion.source.name)
            }
            return converted
        }
    }

    /// `sc://host:port` (port 15002 when left out, as Spark's own clients do).
    static func address(_ url: String) throws(QueryError) -> (String, Int) {
        guard url.hasPrefix("sc://") else { throw QueryError(.argumentError, "SparkAddress", "a Spark Connect address starts with sc:// (sc://host:port), not \(url)") }
        var rest = url.dropFirst(5)
        if let slash = rest.firstIndex(of: "/") { rest = rest[..<slash] }
        if let semicolon = rest.firstIndex(of: ";") { rest = rest[..<semicolon] }
        guard let colon = rest.lastIndex(of: ":") else { return (String(rest), 15002) }
        guard let port = Int(rest[rest.index(after: colon)...]), (1...65535).contains(port), colon != rest.startIndex else {
            throw QueryError(.argumentError, "SparkAddress", "\(url) does not name a host and a port (sc://host:port)")
        }
        return (String(rest[..<colon]), port)
    }

    /// The bounds of the statement under way: when it must stop (`timeout`, with its limit in
    /// seconds) and the memory its result must fit in.
    private struct StatementBounds {
        var deadline: (at: DispatchTime, seconds: Double)?
        var memoryLimit: Int?
    }

    private let bounds = Mutex(StatementBounds())
    /// What a byte of Arrow batch takes besides itself once it is Quarry's rows and printed, in
    /// `--format csv` from a process of 38 MB (measured 2026-12-04): 3.3M rows of two short strings,
    /// 58 MB of Arrow, peaked at 541 MB (7.7 more per byte); 3.3M rows of two integers, 53 MB, at
    /// 552 MB (8.7 more).
    static let rowBytesPerArrowByte = 9

    /// Runs a read-only statement on Spark; past `timeout` seconds it is stopped there too, and
    /// so is a result that would take the process past `memoryLimit` bytes.
    public func execute(_ text: String, parameters: [String: Value] = [:], cancellation: CancellationFlag? = nil,
                        timeout: Double? = nil, memoryLimit limit: Int? = nil) throws(QueryError) -> QueryResult {
        bounds.withLock { $0 = StatementBounds(deadline: timeout.map { (.now() + $0, $0) }, memoryLimit: limit) }
        defer { bounds.withLock { $0 = StatementBounds() } }
        let statement = try Database.sparkStatement(text, schema: schema, parameters: parameters) { sql throws(QueryError) in
            try Database.sparkRows(try self.run(query: sql, cancellation: cancellation))
        }
        if statement.explain {
            return Database.sparkExplanation(statement, plan: try Database.sparkRows(try run(query: "EXPLAIN FORMATTED " + statement.sql, cancellation: cancellation)))
        }
        return try Database.sparkResult(statement, batches: try run(query: statement.sql, cancellation: cancellation), schema: schema)
    }

    /// The Arrow batches of a SQL query.
    public func run(query sql: String, cancellation: CancellationFlag? = nil) throws(QueryError) -> [[UInt8]] {
        var request = request()
        request.plan.root.sql.query = sql
        return try execute(request, cancellation: cancellation)
    }

    /// A SQL command (CREATE VIEW, CACHE TABLE), run at once.
    func run(command sql: String, cancellation: CancellationFlag?) throws(QueryError) -> [[UInt8]] {
        var request = request()
        request.plan.command.sqlCommand.sql = sql
        return try execute(request, cancellation: cancellation)
    }

    func request() -> Spark_Connect_ExecutePlanRequest {
        var request = Spark_Connect_ExecutePlanRequest()
        request.sessionID = sessionID
        request.userContext.userID = "quarry"
        request.clientType = "quarry"
        return request
    }

    func execute(_ request: Spark_Connect_ExecutePlanRequest, cancellation: CancellationFlag?) throws(QueryError) -> [[UInt8]] {
        var callOptions = CallOptions.defaults
        callOptions.maxResponseMessageBytes = Self.largestMessage
        let options = callOptions, service = self.service, limit = bounds.withLock { $0.memoryLimit }
        /// Set (to the bytes received) when the result passed the memory limit.
        let tooLarge = Outcome<Int>()
        do {
            return try wait(cancellation) {
                try await service.executePlan(request, options: options) { response in
                    var batches: [[UInt8]] = []
                    var received = 0
                    for try await message in response.messages {
                        guard case .arrowBatch(let batch) = message.responseType else { continue }
                        received += batch.data.count
                        // The batches held so far are in the resident size; their rows are not yet.
                        if let limit, MemoryGuard.residentBytes() + received * Self.rowBytesPerArrowByte > limit {
                            tooLarge.set(.success(received))
                            throw QueryError.sparkResultTooLarge(limit, received: received)
                        }
                        batches.append(Array(batch.data))
                    }
                    return batches
                }
            }
        } catch {
            // Ending the call leaves the job running on the server.
            if tooLarge.get() != nil { interruptAll() }
            throw error
        }
    }

    /// Blocks until `body` is done; a cancellation stops it and interrupts the session's work.
    func wait<T: Sendable>(_ cancellation: CancellationFlag?, _ body: @escaping @Sendable () async throws -> T) throws(QueryError) -> T {
        let outcome = Outcome<T>()
        let done = DispatchSemaphore(value: 0)
        let task = Task {
            do { outcome.set(.success(try await body())) } catch { outcome.set(.failure(error)) }
            done.signal()
        }
        while done.wait(timeout: .now() + .milliseconds(50)) == .timedOut {
            let stop: QueryError? = if let limit = bounds.withLock({ $0.deadline }), DispatchTime.now() >= limit.at {
                .timedOut(limit.seconds)
            } else if cancellation?.isCancelled == true {
                .cancelled()
            } else {
                nil
            }
            if let stop {
                task.cancel()
                interruptAll()
                // A call that does not end soon after is left to end on its own: Ctrl-C returns.
                _ = done.wait(timeout: .now() + .seconds(10))
                throw stop
            }
        }
        switch outcome.get() {
        case .success(let value)?: return value
        case .failure(let error)?: throw Self.queryError(error, url)
        case nil: throw .cancelled()
        }
    }

    /// Asks the server to stop every operation of this session (after a Ctrl-C).
    func interruptAll() {
        var request = Spark_Connect_InterruptRequest()
        request.sessionID = sessionID
        request.userContext.userID = "quarry"
        request.interruptType = .all
        let service = self.service
        let done = DispatchSemaphore(value: 0)
        Task {
            _ = try? await service.interrupt(request)
            done.signal()
        }
        _ = done.wait(timeout: .now() + .seconds(5))
    }

    /// Spark's own message (its error class first) or why the server could not be reached.
    static func queryError(_ error: any Error, _ url: String) -> QueryError {
        if let q = error as? QueryError { return q }
        guard let rpc = error as? RPCError else { return QueryError(.runtimeError, "SparkError", "Spark: \(error)") }
        switch rpc.code {
        case .unavailable:
            return QueryError(.runtimeError, "SparkUnreachable", "the Spark Connect server at \(url) cannot be reached (\(rpc.message)); is it running?")
        case .deadlineExceeded, .cancelled:
            return .cancelled()
        default:
            return Database.sparkError(rpc.message)
        }
    }

}

/// The result a task hands back to the thread that waits for it.
final class Outcome<T: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Result<T, any Error>?

    func set(_ v: Result<T, any Error>) { lock.withLock { value = v } }
    func get() -> Result<T, any Error>? { lock.withLock { value } }
}
