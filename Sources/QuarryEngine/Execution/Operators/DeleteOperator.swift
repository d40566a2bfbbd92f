/// DELETE and DETACH DELETE. Relationships go at once; a node is marked deleted, and the
/// statement fails at its end if a deleted node still has relationships (so
/// `MATCH (a)-[r]-() DELETE a, r` works as in Cypher, whatever the row order).
final class DeleteOperator: PipelineOperator {
    let targets: [Evaluator]
    let detach: Bool

    init(_ ctx: ExecutionContext, _ input: PhysicalOperator, targets: [Evaluator], detach: Bool) {
        self.targets = targets
        self.detach = detach
        super.init(ctx, input)
    }

    override func produce() throws(QueryError) -> Row? {
        guard var row = try input.next() else { return nil }
        try ctx.tick()
        for t in targets { try delete(try t(&row)) }
        return row
    }

    func delete(_ v: Value) throws(QueryError) {
        switch v {
        case .null: return
        case .relationship(let r): deleteRelationship(r)
        case .node(let n): deleteNode(n)
        case .path(let p):
            for r in p.relationships { deleteRelationship(r) }
            for n in p.nodes { deleteNode(n) }
        case .list(let l):
            for e in l { try delete(e) }
        default:
            throw .typeMismatch("DELETE takes nodes, relationships or paths", got: v)
        }
    }

    func deleteRelationship(_ r: RelID) {
        guard ctx.graph.isAlive(relationship: r) else { return }
        ctx.graph.deleteRelationship(r)
        ctx.deletedRelationships.insert(r)
        ctx.statistics.relationshipsDeleted += 1
    }

    func deleteNode(_ n: NodeID) {
        guard ctx.graph.isAlive(node: n) else { return }
        if detach {
            for r in ctx.graph.relationships(of: n) { deleteRelationship(r) }
        }
        ctx.graph.deleteNode(n)
        ctx.deletedNodes.insert(n)
        ctx.statistics.nodesDeleted += 1
    }

    override var explanation: String { detach ? "DetachDelete" : "Delete" }
}
