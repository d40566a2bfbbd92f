import QuarryEngine
import Testing

/// A result carries the nodes and relationships it mentions, not the graph: it renders the same
/// after the graph has changed, and holds only what its rows reach.
struct ResultElementsTests {
    @Test func aResultRendersAsTheStatementLeftTheGraph() throws {
        let db = Database()
        _ = try db.execute("CREATE (:A {name: 'a'})-[:R {w: 1}]->(:B {name: 'b'}), (:C)")
        let result = try db.execute("MATCH p = (a:A)-[r:R]->(b) RETURN a, r, p, [b] AS l")
        _ = try db.execute("MATCH (n) DETACH DELETE n")
        let r = ValueRenderer(elements: result.elements)
        #expect(result.rows[0].map(r.cypher) == ["(:A {name: 'a'})", "[:R {w: 1}]", "<(:A {name: 'a'})-[:R {w: 1}]->(:B {name: 'b'})>",
                                                 "[(:B {name: 'b'})]"])
        #expect(result.elements.nodes.count == 2, "the :C node is not in the result")
        #expect(result.elements.relationships.count == 1)
        #expect(r.json(result.rows[0][1]).contains("\"type\":\"R\""))
    }
}
