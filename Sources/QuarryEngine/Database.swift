import Foundation

/// The result of one statement.
public struct QueryResult: Sendable {
    public var columns: [String]
    public var rows: [[Value]]
    public var statistics: WriteStatistics
    /// The nodes and relationships `rows` mention, as the statement left them (a result does not
    /// hold the graph).
    public var elements: ResultElements
    /// Text to show instead of a table: what a schema command did, or the plan of EXPLAIN/PROFILE.
    public var message: String?
    /// Warnings about the query (a label or key the graph has never seen).
    public var notices: [Notice] = []

    init(columns: [String], rows: [[Value]], statistics: WriteStatistics, elements: ResultElements, message: String? = nil, notices: [Notice] = []) {
        self.columns = columns
        self.rows = rows
        self.statistics = statistics
        self.elements = elements
        self.message = message
        self.notices = notices
    }

    /// A table made outside a statement (the shell's `:find` and `:show`): no changes, and no
    /// nodes or relationships in its values.
    package init(columns: [String], rows: [[Value]]) {
        self.init(columns: columns, rows: rows, statistics: WriteStatistics(), elements: ResultElements())
    }
}

/// The engine's facade: text in, rows out. Parse → analyze → plan → run; a statement that fails
/// leaves the graph exactly as it was.
public final class Database {
    public internal(set) var graph: Graph
    /// Changes whenever a statement changes the graph or it is replaced (`graphChanged`): what
    /// is derived from it (the search index of `find`, its hierarchies) is kept for one version.
    /// Not a `didSet`: a statement that only reads still calls mutating methods on the graph.
    private(set) var graphVersion: UInt64 = 0

    func graphChanged() { graphVersion &+= 1 }
    /// The search index `find` built last, with the version and keys it was built for.
    var findCache: (version: UInt64, index: FindIndex)?
    /// The containment hierarchies of the graph (`ContainmentHints`), for one version.
    var hierarchyCache: (version: UInt64, hierarchies: Set<ContainmentHints.Hierarchy>)?
    /// Subgraphs the graph algorithms projected, for the current version.
    let projections = ProjectionCache()
    /// The last write statement that changed the graph, and how to take it back (`undoLastWrite`).
    var lastWrite: LastWrite?
    /// The documents the graph cites (a dataset's `sources.json`), for `passage()` and `:sources`.
    public var sources: SourceLibrary?
    /// Where relative LOAD CSV paths are resolved.
    public var baseDirectory: String
    /// Set while a dataset's `load.cypher` runs: LOAD CSV may read only files in this folder.
    public var confinedTo: String?
    /// The graph file behind the graph, when there is one: every committed change is journaled
    /// there before `execute` returns.
    package internal(set) var store: GraphStore?
    /// The graph file's path, when the graph has one.
    public var filePath: String? { store?.path }
    /// What each statement may use before it is stopped.
    public var limits = StatementLimits()
    /// Statements changed a graph that lives in memory only since it was loaded or saved.
    public internal(set) var hasUnsavedChanges = false
    /// Set for a script: statements' journal records are synced in groups (`syncJournal`), and the
    /// shell shows their results only after that, so nothing shown is lost and a script of small
    /// writes does not wait for the disk once per statement.
    public var groupsCommits = false
    /// A group's sync failed: the graph in memory holds statements the file does not.
    var syncFailure: QueryError?
    /// Plans of statements run before, by text.
    var planCache = PlanCache()
    /// How many statements reused a cached plan.
    public var planCacheHits: Int { planCache.hits }

    public init(graph: Graph = Graph(), baseDirectory: String = FileManager.default.currentDirectoryPath) {
        self.graph = graph
        self.baseDirectory = baseDirectory
    }

    public func execute(_ text: String, parameters: [String: Value] = [:],
                        cancellation: CancellationFlag? = nil) throws(QueryError) -> QueryResult {
        try DeepStack.run { () throws(QueryError) in try self.executeHere(text, parameters: parameters, cancellation: cancellation) }
    }

    func executeHere(_ text: String, parameters: [String: Value], cancellation: CancellationFlag?) throws(QueryError) -> QueryResult {
        if let cached = planCache.plan(text, for: graph) {
            return try run(cached.query, cached.plan, text: text, mode: cached.mode, parameters: parameters, cancellation: cancellation)
        }
        let statement = try Parser.parse(text)
        switch statement {
        case .createIndex(let name, let label, let key, _):
            try checkWritable()
            var changed = graph
            let created = changed.createIndex(name: name, label: label, key: key)
            try commit(changed, changed: created)
            return message(created ? "Index created on :\(label)(\(key))." : "An index on :\(label)(\(key)) already exists.")
        case .dropIndex(let name, let label, let key, let ifExists, let range):
            try checkWritable()
            var changed = graph
            guard changed.dropIndex(name: name, label: label, key: key) else {
                if ifExists { return message("There is no index \(name ?? ""); nothing was dropped.") }
                throw .unknownIndex(name ?? ":\(label ?? "")(\(key ?? ""))", at: range)
            }
            try commit(changed, changed: true)
            return message("Index dropped.")
        case .showIndexes:
            let rows: [[Value]] = graph.indexSummaries.map { [.string($0.name), .string($0.label), .string($0.key), .int(Int64($0.entries))] }
            return QueryResult(columns: ["name", "label", "property", "entries"], rows: rows, statistics: WriteStatistics(), elements: ResultElements())
        case .query(let query, let mode):
            return try run(try Analyzer.analyze(query), nil, text: text, mode: mode, parameters: parameters, cancellation: cancellation)
        }
    }

    func message(_ text: String) -> QueryResult {
        QueryResult(columns: [], rows: [], statistics: WriteStatistics(), elements: ResultElements(), message: text)
    }

    /// Runs a checked statement, with its rewritten plan when the cache had it.
    func run(_ checked: CheckedQuery, _ cachedPlan: LogicalPlan?, text: String, mode: ExecutionMode, parameters: [String: Value],
             cancellation: CancellationFlag?) throws(QueryError) -> QueryResult {
        if checked.isUpdating && mode != .explain { try checkWritable() }
        graph.compactIfNeeded()
        let logical: LogicalPlan
        if let cachedPlan { logical = cachedPlan } else { logical = try plan(checked, text, mode) }
        // A write statement takes the graph over (the database keeps no second reference, so
        // nothing is copied when it writes) and gives it back, taken back if it fails.
        let writes = checked.isUpdating && mode != .explain
        let journalBefore = graph.changes
        let ctx = ExecutionContext(graph: graph, parameters: parameters, cancellation: cancellation, baseDirectory: baseDirectory,
                                   readOnly: !checked.isUpdating, limits: limits)
        if writes {
            graph = Graph()
            ctx.graph.undo = UndoLog(for: ctx.graph)
        }
        ctx.confinedTo = confinedTo
        ctx.sources = sources
        ctx.projections = projections
        ctx.graphVersion = graphVersion
        ctx.explaining = mode == .explain
        MemoryGuard.current.store(limits.memoryBytes ?? 0, ordering: .relaxed)
        defer { MemoryGuard.current.store(0, ordering: .relaxed) }
        guard writes else { return try execute(ctx, checked, logical, mode: mode) }
        do {
            let result = try execute(ctx, checked, logical, mode: mode)
            try commit(ctx, text: text)
            return result
        } catch {
            ctx.graph.rollBack()
            ctx.graph.changes = journalBefore
            graph = ctx.graph
            graphChanged()
            throw error
        }
    }

    /// The statement's logical plan after the rewrite rules, made on the graph as it is (and
    /// cached by the statement's text).
    private func plan(_ checked: CheckedQuery, _ text: String, _ mode: ExecutionMode) throws(QueryError) -> LogicalPlan {
        var plan = LogicalPlanner(query: checked).plan()
        try Rewriter.rewrite(&plan, RuleContext(graph: graph, writes: checked.isUpdating, slots: checked.slots))
        planCache.store(text, PlanCache.Entry(query: checked, mode: mode, plan: plan, statistics: PlanningStatistics(graph)))
        return plan
    }

    /// Maps and runs a statement's plan on `ctx`'s graph; a write statement's graph is committed after.
    private func execute(_ ctx: ExecutionContext, _ checked: CheckedQuery, _ plan: LogicalPlan, mode: ExecutionMode) throws(QueryError) -> QueryResult {
        ctx.notices += plan.notices
        let mapper = PhysicalMapper(ctx: ctx, slotCount: plan.slotCount, subqueries: plan.subqueries)
        let root = try mapper.map(plan.root)
        ctx.notices += mapper.rules.notices
        let width = mapper.slots.count
        for leaf in mapper.leaves { leaf.row = Row(repeating: .null, count: width) }
        if mode == .explain {
            let lines = LogicalPlanPrinter.lines(plan) + ["Physical plan:"] + PlanPrinter.lines(root, profile: false, depth: 1)
            return QueryResult(columns: ["plan"], rows: lines.map { [.string($0)] }, statistics: WriteStatistics(), elements: ResultElements(),
                               message: lines.joined(separator: "\n"))
        }
        ctx.profiling = mode == .profile
        let slots = checked.parts[0].columnSlots
        var rows: [[Value]] = []
        let started = DispatchTime.now().uptimeNanoseconds
        while let row = try root.next() {
            if !slots.isEmpty { rows.append(slots.map { row[$0] }) }
        }
        let elapsed = DispatchTime.now().uptimeNanoseconds - started
        for n in ctx.deletedNodes where !ctx.graph.relationships(of: n).isEmpty { throw .deleteConnectedNode() }
        if mode == .profile {
            var lines = PlanPrinter.lines(root, profile: true)
            lines.append(String(format: "Total: %.3f ms, %d rows", Double(elapsed) / 1e6, rows.count))
            return QueryResult(columns: ["plan"], rows: lines.map { [.string($0)] }, statistics: ctx.statistics, elements: ResultElements(),
                               message: lines.joined(separator: "\n"))
        }
        return QueryResult(columns: checked.columns, rows: rows, statistics: ctx.statistics, elements: ResultElements(rows: rows, in: ctx.graph),
                           notices: checked.isUpdating ? [] : readerNotices(ctx, checked, root, rowless: rows.isEmpty))
    }

    /// What a read-only statement's reader is told besides its rows: warnings about names, a
    /// hierarchy the pattern stops short of, and, with no rows, why (a value, or the step where
    /// the rows ran out, when nothing else has explained it).
    private func readerNotices(_ ctx: ExecutionContext, _ checked: CheckedQuery, _ root: PhysicalOperator, rowless: Bool) -> [Notice] {
        let containment = ContainmentHints.notices(for: checked, in: ctx.graph) {
            if let cached = hierarchyCache, cached.version == graphVersion { return cached.hierarchies }
            let found = ContainmentHints.hierarchies(in: ctx.graph)
            hierarchyCache = (graphVersion, found)
            return found
        }
        let why = rowless ? ZeroRowHints.notices(for: checked, in: ctx.graph, plan: root, explained: !ctx.notices.isEmpty || !containment.isEmpty) : []
        return ctx.notices + why + containment
    }
}

/// EXPLAIN and PROFILE output: the operator tree, one operator per line.
enum PlanPrinter {
    static func lines(_ root: PhysicalOperator, profile: Bool, depth: Int = 0) -> [String] {
        var out: [String] = []
        func walk(_ op: PhysicalOperator, _ depth: Int) {
            let indent = String(repeating: "  ", count: depth)
            let cost = String(format: "  (%d rows, %.3f ms including inputs)", op.rowsProduced, Double(op.nanoseconds) / 1e6)
            out.append(indent + op.explanation + (profile ? cost : ""))
            for c in op.children where !(c is ArgumentOperator) { walk(c, depth + 1) }
        }
        walk(root, depth)
        return out
    }
}
