/// What a write statement changed, with what it replaced, so that a statement that fails or is
/// cancelled can be taken back (`Graph.rollBack`) instead of keeping a copy of the graph: with no
/// second reference to its arrays, a statement changes the graph in place, whatever its size.
struct UndoLog: Sendable {
    enum Step: Sendable {
        case label, type, key
        case addLabel(NodeID, Int32)
        case removeLabel(NodeID, Int32)
        case setNodeProperty(NodeID, Int32, replaced: Value)
        case deleteNode(NodeID)
        case createRelationship(RelID)
        case setRelationshipProperty(RelID, Int32, replaced: Value)
        case deleteRelationship(RelID)
    }

    /// The id limits when the statement began. Nothing is recorded of the nodes the statement
    /// created (their labels, properties, deletion), nor of the properties of its relationships:
    /// taking back their creation drops them whole, by id, however many there are.
    let nodeLimit: Int
    let relationshipLimit: Int
    var steps: [Step] = []

    init(for graph: Graph) {
        nodeLimit = graph.nodeIDLimit
        relationshipLimit = graph.relationshipIDLimit
    }

    /// Whether `node` was there before the statement (what happens to it is recorded).
    @inline(__always)
    func predates(_ node: NodeID) -> Bool { Int(node) < nodeLimit }

    /// Whether the statement changed an element of `graph` (not only interned names).
    func hasEffect(on graph: Graph) -> Bool {
        graph.nodeIDLimit > nodeLimit || steps.contains { step in
            switch step {
            case .label, .type, .key: false
            default: true
            }
        }
    }
}

extension Interner {
    /// Forgets the name interned last (taking back a statement that interned it).
    mutating func removeLast() {
        guard let name = names.popLast() else { return }
        ids[name] = nil
    }
}

extension Adjacency {
    /// Takes back the entry added last for `node`.
    mutating func removeLastAdded(_ node: NodeID) {
        guard var list = pending[node], !list.isEmpty else { return }
        list.removeLast()
        pending[node] = list.isEmpty ? nil : list
        pendingCount -= 1
    }
}

extension Graph {
    /// Takes back every change recorded in `undo`, newest first, and stops recording. Names the
    /// statement interned are forgotten too, so the graph matches its journal.
    mutating func rollBack() {
        guard let log = undo else { return }
        undo = nil
        let journal = changes
        changes = nil
        for step in log.steps.reversed() {
            switch step {
            case .label:
                labels.removeLast()
                labelMembers.removeLast()
                labelCounts.removeLast()
            case .type:
                types.removeLast()
                typeCounts.removeLast()
            case .key:
                keys.removeLast()
                nodeProperties.removeLast()
                relProperties.removeLast()
            case .addLabel(let n, let l): removeLabel(n, l)
            case .removeLabel(let n, let l): addLabel(n, l)
            case .setNodeProperty(let n, let k, let replaced): setNodeProperty(n, k, replaced)
            case .deleteNode(let n):
                nodeAlive.insert(Int(n))
                nodeCount += 1
            case .createRelationship(let r):
                let (from, to, type) = (relStart[Int(r)], relEnd[Int(r)], relType[Int(r)])
                outgoing.removeLastAdded(from)
                incoming.removeLastAdded(to)
                relType.removeLast()
                relStart.removeLast()
                relEnd.removeLast()
                relAlive.remove(Int(r))
                adjacencyMayHoldDeleted = true
                relationshipCount -= 1
                typeCounts[Int(type)] -= 1
            case .setRelationshipProperty(let r, let k, let replaced): setRelationshipProperty(r, k, replaced)
            case .deleteRelationship(let r):
                relAlive.insert(Int(r))
                relationshipCount += 1
                typeCounts[Int(relType[Int(r)])] += 1
            }
        }
        dropNodes(from: log.nodeLimit)
        for i in nodeProperties.indices { nodeProperties[i].truncate(below: nodeIDLimit) }
        for i in relProperties.indices { relProperties[i].truncate(below: relationshipIDLimit) }
        changes = journal
    }

    /// Removes the nodes from id `first` up (those a statement created), with their labels and
    /// index entries, a word of 64 ids at a time.
    private mutating func dropNodes(from first: Int) {
        guard nodeIDLimit > first else { return }
        for i in indexes.indices where labelMembers[Int(indexes[i].label)].limit > first { indexes[i].removeNodes(from: first) }
        for l in labelMembers.indices { labelCounts[l] -= labelMembers[l].removeAll(from: first) }
        nodeCount -= nodeAlive.removeAll(from: first)
        nodeIDLimit = first
    }
}
