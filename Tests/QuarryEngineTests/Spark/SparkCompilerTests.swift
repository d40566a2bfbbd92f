import Foundation
@testable import QuarryEngine
import QuarryTestSupport
import Testing

/// The Spark compiler refuses, by name and at the place, what it cannot translate faithfully; the
/// rows of what it does translate are checked on a real server in QuarrySparkTests.
struct SparkCompilerTests {
    let folder = TemporaryFolder()

    func schema() throws -> SparkGraphSchema {
        try "id:ID(Person),name,born:int\n1,Ada,1815\n2,Bob,1990\n".write(toFile: folder.file("Person.csv"), atomically: true, encoding: .utf8)
        try "id:ID(City),name\nc1,Oslo\n".write(toFile: folder.file("City.csv"), atomically: true, encoding: .utf8)
        try ":START_ID(Person),:END_ID(Person),since:int\n1,2,2001\n".write(toFile: folder.file("KNOWS.csv"), atomically: true, encoding: .utf8)
        try ":START_ID(Person),:END_ID(City)\n1,c1\n".write(toFile: folder.file("LIVES_IN.csv"), atomically: true, encoding: .utf8)
        return try SparkGraphSchema.read(folder: folder.path)
    }

    @Test func theFolderIsReadFromItsHeaders() throws {
        let s = try schema()
        #expect(s.nodes.map(\.label) == ["City", "Person"])
        #expect(s.relationships.map(\.type) == ["KNOWS", "LIVES_IN"])
        #expect(s.idType("Person") == .bigint && s.idType("City") == .string)
        #expect(s.registration.contains { $0.contains("CAST(`born:int` AS BIGINT) AS `born`") })
    }

    @Test(arguments: [
        ("CREATE (:Person {name: 'Eve'})", "a statement that writes", nil),
        ("MATCH (p:Person) RETURN p", "returning a whole node", nil),
        ("MATCH (p:Person)-[:KNOWS*]->(q) RETURN q.name", "without an upper bound", "-[:KNOWS*]->"),
        ("MATCH p = shortestPath((a:Person)-[*..3]-(b:Person)) RETURN length(p)", "shortestPath", "p = shortestPath((a:Person)-[*..3]-(b:Person))"),
        ("MATCH (a:Person) WHERE EXISTS { (a)-->() } RETURN a.name", nil, nil),
        ("MATCH (a:Person) RETURN COUNT { (a)-->() } AS n", "COUNT { } here", "COUNT { (a)-->() }"),
        ("MATCH (a:Person) RETURN a.name + a.born", "+ between text and a value of another type", "a.name + a.born"),
        ("MATCH (a:Person) RETURN reverse([1, 2])", nil, nil),
        ("MATCH (a:Person) RETURN a.name STARTS WITH 'A', split(a.name, 'd')", "the function split()", "split(a.name, 'd')"),
        ("EXPLAIN MATCH (a) RETURN a.name", "EXPLAIN", nil),
    ] as [(String, String?, String?)])
    func refusedByName(_ query: String, _ reason: String?, _ place: String?) throws {
        let s = try schema()
        do {
            _ = try Database.sparkStatement(query, schema: s)
            #expect(reason == nil, "\(query) compiled")
        } catch {
            guard let reason else { Issue.record("\(query): \(error.message)"); return }
            #expect(error.detail == "NotOnSpark" && error.message.contains(reason), "\(query): \(error.message)")
            if let place, let range = error.range {
                let text = Array(query.utf8)
                #expect(String(decoding: text[range.start..<range.end], as: UTF8.self) == place, "\(query)")
            }
        }
    }

    /// A pattern over files that cannot hold it: no rows, not an error.
    @Test func aPatternNoFileHoldsMatchesNothing() throws {
        let s = try schema()
        let statement = try Database.sparkStatement("MATCH (c:City)-[:KNOWS]->(p) RETURN c.name", schema: s)
        #expect(statement.sql.contains("WHERE FALSE"))
    }
}
