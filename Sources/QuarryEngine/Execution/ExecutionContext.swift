import Dispatch
import Synchronization

typealias Row = [Value]

/// Counts of what a write statement changed.
public struct WriteStatistics: Sendable, Equatable {
    public var nodesCreated = 0
    public var nodesDeleted = 0
    public var relationshipsCreated = 0
    public var relationshipsDeleted = 0
    public var propertiesSet = 0
    public var labelsAdded = 0
    public var labelsRemoved = 0

    public init() {}

    public var isEmpty: Bool { self == WriteStatistics() }
}

/// A flag another thread (a SIGINT handler, say) sets to stop the running query.
public final class CancellationFlag: Sendable {
    let flag = Atomic<Bool>(false)

    public init() {}

    public func cancel() { flag.store(true, ordering: .relaxed) }
    public func clear() { flag.store(false, ordering: .relaxed) }
    public var isCancelled: Bool { flag.load(ordering: .relaxed) }
}

/// What operators share while one statement runs: the graph (a private copy for writes), the
/// parameters, the statistics and the cancellation flag.
final class ExecutionContext {
    @exclusivity(unchecked) var graph: Graph
    /// The graph as the statement found it, in a statement that does not write (empty in one that
    /// does, so that no second reference makes its writes copy arrays). Reads go through this
    /// constant: a method call on the variable `graph` first copies the whole struct (one retain
    /// per array), since the call could in principle change it.
    let snapshot: Graph
    let parameters: [String: Value]
    @exclusivity(unchecked) var statistics = WriteStatistics()
    let cancellation: CancellationFlag?
    @exclusivity(unchecked) var ticks = 0
    /// Nodes and relationships deleted by this statement (reading them is an error).
    @exclusivity(unchecked) var deletedNodes = Set<NodeID>()
    @exclusivity(unchecked) var deletedRelationships = Set<RelID>()
    @exclusivity(unchecked) var baseDirectory: String
    /// The only folder LOAD CSV may read from (a dataset's), or nil.
    @exclusivity(unchecked) var confinedTo: String?
    /// The statement does not write: the graph stays as it was while it runs.
    let readOnly: Bool
    /// The statement's clock, in the machine's time zone: `date()`, `datetime()` and the others
    /// without arguments give the same moment however often a statement calls them.
    private(set) lazy var clock: DateTimeValue = Functions.now()
    /// Results of pure functions of one node property, by function and key (read-only statements).
    @exclusivity(unchecked) var storedValueMemos: [String: StoredValueMemo] = [:]
    /// The memos that read the node in each slot: an expansion binding that slot warms their
    /// codes for a batch of nodes (`StoredValueMemo.warm`).
    @exclusivity(unchecked) var memosReadingSlot: [Int: [StoredValueMemo]] = [:]
    /// The database's kept projections for graph algorithms, and the graph's version they are for.
    @exclusivity(unchecked) var projections: ProjectionCache?
    @exclusivity(unchecked) var graphVersion: UInt64 = 0
    /// The documents the graph's `source` properties cite (`passage()`), when known.
    @exclusivity(unchecked) var sources: SourceLibrary?
    /// The line and absolute path of the record LOAD CSV handed on last (`linenumber()`, `file()`).
    @exclusivity(unchecked) var csvRecord: (line: Int, file: String)?
    /// PROFILE: operators time their work.
    @exclusivity(unchecked) var profiling = false
    /// EXPLAIN: the statement is planned, not run (parameters may be missing).
    @exclusivity(unchecked) var explaining = false
    /// Warnings found while planning (names the graph has never seen).
    @exclusivity(unchecked) var notices: [Notice] = []
    /// When the statement must stop (uptime nanoseconds), under a time limit.
    let deadline: UInt64?
    let limits: StatementLimits

    init(graph: Graph, parameters: [String: Value], cancellation: CancellationFlag?, baseDirectory: String,
                readOnly: Bool = false, limits: StatementLimits = StatementLimits(memoryBytes: nil)) {
        self.limits = limits
        deadline = limits.seconds.map { DispatchTime.now().uptimeNanoseconds + UInt64($0 * 1e9) }
        self.graph = graph
        self.snapshot = readOnly ? graph : Graph()
        self.readOnly = readOnly
        self.parameters = parameters
        self.cancellation = cancellation
        self.baseDirectory = baseDirectory
    }

    /// The id of a label a query reads, with a notice when the graph has never seen it.
    func readLabel(_ name: String, at r: SourceRange) -> Int32 {
        if graph.labels.id(name) == nil { notice("label", ":" + name, graph.labels.names.map { ":" + $0 }, r) }
        return graph.labelID(name)
    }

    /// The id of a relationship type a query reads. An unknown one gets a notice with the closest
    /// name, or else the types the graph has between the pattern's labels (`from` and `to`, in the
    /// pattern's direction): `(:Actor)-[:MADE]->(:Claim)` when `:CLAIMED` was written.
    func readType(_ name: String, at r: SourceRange, from: String? = nil, to: String? = nil, direction: Direction = .both) -> Int32 {
        if graph.types.id(name) == nil, !graph.types.names.isEmpty {
            let known = graph.types.names.map { ":" + $0 }
            let hint = closestName(to: ":" + name, in: known).map { " (did you mean \($0)?)" }
                ?? typesBetween(from, to, direction).map { " (between those labels the graph has \($0))" } ?? ""
            notices.append(Notice(message: "the relationship type :\(name) is not in the graph\(hint)", range: r))
        }
        return graph.typeID(name)
    }

    /// The commonest relationship types joining the labels (either may be nil: any node), as
    /// patterns, from the first 200,000 relationships; nil when the labels are not both known.
    private func typesBetween(_ from: String?, _ to: String?, _ direction: Direction) -> String? {
        guard from != nil || to != nil else { return nil }
        let fromLabel = from.flatMap { graph.labels.id($0) }, toLabel = to.flatMap { graph.labels.id($0) }
        guard (from == nil || fromLabel != nil) && (to == nil || toLabel != nil) else { return nil }
        func has(_ node: NodeID, _ label: Int32?) -> Bool { label.map { graph.hasLabel(node, $0) } ?? true }
        var counts: [String: Int] = [:]
        for rel in 0..<min(graph.relationshipIDLimit, 200_000) where graph.isAlive(relationship: RelID(rel)) {
            let (start, end) = (graph.startNode(of: RelID(rel)), graph.endNode(of: RelID(rel)))
            let forward = has(start, fromLabel) && has(end, toLabel), backward = has(start, toLabel) && has(end, fromLabel)
            let (startName, endName): (String?, String?)
            switch direction {
            case .outgoing where forward, .both where forward: (startName, endName) = (from, to)
            case .incoming where backward, .both where backward: (startName, endName) = (to, from)
            default: continue
            }
            let text = "(\(startName.map { ":" + $0 } ?? ""))-[:\(graph.types.name(graph.type(of: RelID(rel))))]->(\(endName.map { ":" + $0 } ?? ""))"
            counts[text, default: 0] += 1
        }
        guard !counts.isEmpty else { return nil }
        return counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.prefix(3).map(\.key).joined(separator: ", ")
    }

    func readKey(_ name: String, at r: SourceRange) -> Int32 {
        if graph.keys.id(name) == nil { notice("property key", name, graph.keys.names, r) }
        return graph.keyID(name)
    }

    func notice(_ what: String, _ name: String, _ known: [String], _ r: SourceRange) {
        guard !known.isEmpty else { return }
        let hint = closestName(to: name, in: known).map { " (did you mean \($0)?)" } ?? ""
        notices.append(Notice(message: "the \(what) \(name) is not in the graph\(hint)", range: r))
    }

    /// A cursor over a node's relationships, taken from the snapshot when the statement does
    /// not write (no copy of the graph).
    func neighbours(of node: NodeID, _ direction: Direction, _ types: [Int32]?) -> NeighborCursor {
        if readOnly {
            return NeighborCursor(alive: snapshot.liveRelationshipsToCheck, outgoing: snapshot.outgoing, incoming: snapshot.incoming,
                                  node: node, direction: direction, types: types)
        }
        return NeighborCursor(graph: graph, node: node, direction: direction, types: types)
    }

    @inline(__always)
    func hasLabels(_ node: NodeID, _ labels: [Int32]) -> Bool {
        if readOnly {
            for l in labels where !snapshot.hasLabel(node, l) { return false }
            return true
        }
        return labels.allSatisfy { graph.hasLabel(node, $0) }
    }

    /// Called in every loop that may run long; cheap except every 4096th call.
    @inline(__always)
    func tick() throws(QueryError) {
        ticks &+= 1
        if ticks & 4095 == 0 { try checkLimits() }
    }

    /// Ctrl-C, the time limit and the memory limit.
    @inline(never)
    func checkLimits() throws(QueryError) {
        if let cancellation, cancellation.isCancelled { throw .cancelled() }
        if let deadline, DispatchTime.now().uptimeNanoseconds > deadline { throw .timedOut(limits.seconds ?? 0) }
        if limits.memoryBytes != nil { try MemoryGuard.check() }
    }
}

/// A physical operator: pulls rows from its input and produces rows. `reset()` restarts it for
/// a new argument row (nested plans: OPTIONAL MATCH, pattern predicates, MERGE).
///
/// The stored state of operators, the execution context and column filters is marked
/// `@exclusivity(unchecked)`: each object is used by one statement on one thread, its state only
/// through its own methods, and the dynamic exclusivity checks Swift would otherwise make on
/// every access cost a fifth more instructions on the benchmark than the work itself.
class PhysicalOperator {
    let ctx: ExecutionContext
    @exclusivity(unchecked) var rowsProduced = 0
    @exclusivity(unchecked) var nanoseconds: UInt64 = 0

    init(_ ctx: ExecutionContext) { self.ctx = ctx }

    /// The next row, counted for PROFILE.
    @inline(__always)
    final func next() throws(QueryError) -> Row? {
        guard ctx.profiling else {
            let row = try produce()
            if row != nil { rowsProduced += 1 }
            return row
        }
        let started = DispatchTime.now().uptimeNanoseconds
        let row = try produce()
        nanoseconds += DispatchTime.now().uptimeNanoseconds - started
        if row != nil { rowsProduced += 1 }
        return row
    }

    /// Each operator's own work: the next row, or nil when it has no more.
    func produce() throws(QueryError) -> Row? { nil }

    /// Hands each of its rows to `body` in turn: the rows `next()` gives, counted the same way.
    /// Operators of a pipeline (an expansion, an unwind, a projection, a filter) pass one row
    /// down through `body` and write their next row into it: no call through each operator per
    /// row and no copy of a row kept for the next. Under PROFILE the rows are pulled instead, so
    /// that each operator's own time is measured.
    final func forEachRow(_ body: (inout Row) throws(QueryError) -> Void) throws(QueryError) {
        if ctx.profiling {
            while var row = try next() { try body(&row) }
        } else {
            try pushRows(body)
        }
    }

    /// `forEachRow` without PROFILE. An operator that overrides it may write into the row its
    /// input hands it, and `body` may write into the row it is handed: each reads only the
    /// slots it owns or that were bound before it.
    func pushRows(_ body: (inout Row) throws(QueryError) -> Void) throws(QueryError) {
        while var row = try produce() {
            rowsProduced += 1
            try body(&row)
        }
    }

    func reset() { for c in children { c.reset() } }

    var children: [PhysicalOperator] { [] }

    /// One line of EXPLAIN: the operator and its arguments.
    var explanation: String { String(describing: type(of: self)) }
}

/// An operator with one input.
class PipelineOperator: PhysicalOperator {
    let input: PhysicalOperator
    /// The projection right above, done here on the kept row before it is handed on (set by
    /// `ProjectOperator.init`, only for an operator with `keptRowSlots`).
    @exclusivity(unchecked) final var fusedProjection: RowProjection?

    /// For an operator that keeps the row it hands on and writes the next one into it: the
    /// slots it writes. Nil for the others.
    var keptRowSlots: [Int]? { nil }

    /// The kept row, handed on after the fused projection (if any) is applied to it.
    @inline(__always)
    final func handOn(_ row: inout Row?) throws(QueryError) -> Row? {
        if let fusedProjection { try fusedProjection.apply(&row!) }
        return row
    }

    /// The fused projection's closure, for a push loop to take into a local once: read from
    /// the operator per row, it would be retained and released around every call.
    final var projectionToApply: RowProjection.Apply? { fusedProjection?.apply }

    /// A row made in push mode handed to `body`, after `project` (`projectionToApply`).
    @inline(__always)
    final func pass(_ row: inout Row, _ project: RowProjection.Apply?, to body: (inout Row) throws(QueryError) -> Void) throws(QueryError) {
        try project?(&row)
        rowsProduced += 1
        try body(&row)
    }

    init(_ ctx: ExecutionContext, _ input: PhysicalOperator) {
        self.input = input
        super.init(ctx)
    }

    override var children: [PhysicalOperator] { [input] }
}
