import Dispatch

/// The in-memory property graph: dense integer ids that are never reused, interned names,
/// one bitset per label, one property column per key, and adjacency in both directions.
///
/// A value type: a copy is an O(1) snapshot (copy-on-write), which read-only statements use. A
/// write statement changes the only copy in place and records an `UndoLog`, which takes it back
/// if the statement fails or is cancelled.
public struct Graph: Sendable {
    public internal(set) var labels = Interner()
    public internal(set) var types = Interner()
    public internal(set) var keys = Interner()

    /// One past the highest node id ever used.
    public internal(set) var nodeIDLimit = 0
    var nodeAlive = Bitset()
    public internal(set) var nodeCount = 0
    var labelMembers: [Bitset] = []
    public internal(set) var labelCounts: [Int] = []
    var nodeProperties: [PropertyColumn] = []

    var relType: [Int32] = []
    var relStart: [NodeID] = []
    var relEnd: [NodeID] = []
    var relAlive = Bitset()
    public internal(set) var relationshipCount = 0
    public internal(set) var typeCounts: [Int] = []
    var relProperties: [PropertyColumn] = []

    var outgoing = Adjacency()
    var incoming = Adjacency()
    /// Set when a relationship has been deleted since the adjacency was last rebuilt: only then
    /// can it hold relationships that are not live.
    var adjacencyMayHoldDeleted = false

    var indexes: [PropertyIndex] = []

    /// The changes made since the last commit, recorded only for a graph backed by a file.
    var changes: ChangeLog?
    /// During a write statement: how to take its changes back if it fails.
    var undo: UndoLog?

    public init() {}

    public var relationshipIDLimit: Int { relType.count }

    // MARK: Names

    public mutating func labelID(_ name: String) -> Int32 {
        let id = labels.intern(name)
        if labelMembers.count <= Int(id) {
            changes?.name(.label, name)
            undo?.steps.append(.label)
        }
        while labelMembers.count <= Int(id) {
            labelMembers.append(Bitset())
            labelCounts.append(0)
        }
        return id
    }

    public mutating func typeID(_ name: String) -> Int32 {
        let id = types.intern(name)
        if typeCounts.count <= Int(id) {
            changes?.name(.type, name)
            undo?.steps.append(.type)
        }
        while typeCounts.count <= Int(id) { typeCounts.append(0) }
        return id
    }

    public mutating func keyID(_ name: String) -> Int32 {
        let id = keys.intern(name)
        if nodeProperties.count <= Int(id) {
            changes?.name(.key, name)
            undo?.steps.append(.key)
        }
        while nodeProperties.count <= Int(id) {
            nodeProperties.append(PropertyColumn())
            relProperties.append(PropertyColumn())
        }
        return id
    }

    // MARK: Nodes

    @inline(__always)
    public func isAlive(node: NodeID) -> Bool { nodeAlive.contains(Int(node)) }

    @inline(__always)
    public func hasLabel(_ node: NodeID, _ label: Int32) -> Bool {
        Int(label) < labelMembers.count && labelMembers[Int(label)].contains(Int(node))
    }

    public func labels(of node: NodeID) -> [Int32] {
        (0..<Int32(labelMembers.count)).filter { hasLabel(node, $0) }
    }

    public mutating func createNode(labels: [Int32] = []) -> NodeID {
        let id = NodeID(nodeIDLimit)
        nodeIDLimit += 1
        nodeAlive.insert(Int(id))
        nodeCount += 1
        changes?.element(.createNode, id)
        for l in labels { addLabel(id, l) }
        return id
    }

    @discardableResult
    public mutating func addLabel(_ node: NodeID, _ label: Int32) -> Bool {
        if hasLabel(node, label) { return false }
        labelMembers[Int(label)].insert(Int(node))
        labelCounts[Int(label)] += 1
        changes?.element(.addLabel, node, label)
        if undo?.predates(node) == true { undo?.steps.append(.addLabel(node, label)) }
        for i in indexes.indices where indexes[i].label == label {
            indexes[i].insert(nodeProperty(node, indexes[i].key), node)
        }
        return true
    }

    @discardableResult
    public mutating func removeLabel(_ node: NodeID, _ label: Int32) -> Bool {
        guard hasLabel(node, label) else { return false }
        labelMembers[Int(label)].remove(Int(node))
        labelCounts[Int(label)] -= 1
        changes?.element(.removeLabel, node, label)
        if undo?.predates(node) == true { undo?.steps.append(.removeLabel(node, label)) }
        for i in indexes.indices where indexes[i].label == label {
            indexes[i].remove(nodeProperty(node, indexes[i].key), node)
        }
        return true
    }

    @inline(__always)
    public func nodeProperty(_ node: NodeID, _ key: Int32) -> Value {
        guard key >= 0 && Int(key) < nodeProperties.count else { return .null }
        return nodeProperties[Int(key)].get(Int(node))
    }

    public mutating func setNodeProperty(_ node: NodeID, _ key: Int32, _ value: Value) {
        if undo?.predates(node) == true {
            let replaced = nodeProperty(node, key)
            undo?.steps.append(.setNodeProperty(node, key, replaced: replaced))
        }
        for i in indexes.indices where indexes[i].key == key && hasLabel(node, indexes[i].label) {
            indexes[i].remove(nodeProperty(node, key), node)
            indexes[i].insert(value, node)
        }
        nodeProperties[Int(key)].set(Int(node), value)
        changes?.property(.setNodeProperty, node, key, value)
    }

    public func nodePropertyKeys(_ node: NodeID) -> [Int32] {
        (0..<Int32(nodeProperties.count)).filter { !nodeProperties[Int($0)].get(Int(node)).isNull }
    }

    /// The live relationships touching the node (a self-loop once).
    public func relationships(of node: NodeID) -> [RelID] {
        var cursor = NeighborCursor(graph: self, node: node, direction: .both, types: nil)
        var out: [RelID] = []
        while let (e, _) = cursor.next() { out.append(e.relationship) }
        return out
    }

    /// Removes a node that has no relationships left (the caller checks).
    public mutating func deleteNode(_ node: NodeID) {
        guard isAlive(node: node) else { return }
        for l in labels(of: node) { removeLabel(node, l) }
        nodeAlive.remove(Int(node))
        nodeCount -= 1
        changes?.element(.deleteNode, node)
        if undo?.predates(node) == true { undo?.steps.append(.deleteNode(node)) }
    }

    // MARK: Relationships

    @inline(__always)
    public func isAlive(relationship r: RelID) -> Bool { relAlive.contains(Int(r)) }

    /// The live relationships as readers of the adjacency check them: nil when every
    /// relationship it holds is live, so that none need be looked up.
    var liveRelationshipsToCheck: Bitset? { adjacencyMayHoldDeleted ? relAlive : nil }

    @inline(__always)
    public func type(of r: RelID) -> Int32 { relType[Int(r)] }

    @inline(__always)
    public func startNode(of r: RelID) -> NodeID { relStart[Int(r)] }

    @inline(__always)
    public func endNode(of r: RelID) -> NodeID { relEnd[Int(r)] }

    public mutating func createRelationship(type: Int32, from: NodeID, to: NodeID) -> RelID {
        let id = appendRelationship(type: type, from: from, to: to)
        outgoing.add(from, AdjacencyEntry(relationship: id, type: type, other: to))
        incoming.add(to, AdjacencyEntry(relationship: id, type: type, other: from))
        changes?.element(.createRelationship, id, type, from, to)
        undo?.steps.append(.createRelationship(id))
        return id
    }

    public mutating func deleteRelationship(_ r: RelID) {
        guard isAlive(relationship: r) else { return }
        relAlive.remove(Int(r))
        adjacencyMayHoldDeleted = true
        relationshipCount -= 1
        typeCounts[Int(relType[Int(r)])] -= 1
        changes?.element(.deleteRelationship, r)
        undo?.steps.append(.deleteRelationship(r))
    }

    @inline(__always)
    public func relationshipProperty(_ r: RelID, _ key: Int32) -> Value {
        guard key >= 0 && Int(key) < relProperties.count else { return .null }
        return relProperties[Int(key)].get(Int(r))
    }

    public mutating func setRelationshipProperty(_ r: RelID, _ key: Int32, _ value: Value) {
        if let limit = undo?.relationshipLimit, Int(r) < limit {
            let replaced = relationshipProperty(r, key)
            undo?.steps.append(.setRelationshipProperty(r, key, replaced: replaced))
        }
        relProperties[Int(key)].set(Int(r), value)
        changes?.property(.setRelationshipProperty, r, key, value)
    }

    public func relationshipPropertyKeys(_ r: RelID) -> [Int32] {
        (0..<Int32(relProperties.count)).filter { !relProperties[Int($0)].get(Int(r)).isNull }
    }

    // MARK: Maintenance

    /// Folds recently added relationships into the compressed adjacency when enough have piled up.
    public mutating func compactIfNeeded() {
        if outgoing.needsRebuild || incoming.needsRebuild || outgoing.offsets.count < nodeIDLimit / 2 && outgoing.pendingCount > 1024 {
            compact()
        }
    }

    /// Rebuilds both directions from the relationship columns; a large graph's two directions are
    /// built at the same time on two threads (opening a graph file rebuilds them).
    public mutating func compact() {
        let (limit, starts, ends, types, alive) = (nodeIDLimit, relStart, relEnd, relType, relAlive)
        let directions = UnsafeMutablePointer<Adjacency>.allocate(capacity: 2)
        directions.initialize(repeating: Adjacency(), count: 2)
        defer {
            directions.deinitialize(count: 2)
            directions.deallocate()
        }
        nonisolated(unsafe) let built = directions
        let build: @Sendable (Int) -> Void = { i in
            built[i].rebuild(nodeCount: limit, keys: i == 0 ? starts : ends, others: i == 0 ? ends : starts, types: types, alive: alive)
        }
        if starts.count > 100_000 {
            DispatchQueue.concurrentPerform(iterations: 2, execute: build)
        } else {
            build(0)
            build(1)
        }
        outgoing = directions[0]
        incoming = directions[1]
        adjacencyMayHoldDeleted = false
    }

    // MARK: Scans

    /// The next live node at or after `id`, optionally with a label.
    @inline(__always)
    public func nextNode(from id: Int, label: Int32?) -> Int? {
        guard let label else { return nodeAlive.next(from: id) }
        guard Int(label) < labelMembers.count else { return nil }
        return labelMembers[Int(label)].next(from: id)
    }

    public func nextRelationship(from id: Int) -> Int? { relAlive.next(from: id) }

    /// The live nodes with the label (every live node for nil).
    func members(label: Int32?) -> Bitset {
        guard let label else { return nodeAlive }
        return Int(label) < labelMembers.count ? labelMembers[Int(label)] : Bitset()
    }
}
