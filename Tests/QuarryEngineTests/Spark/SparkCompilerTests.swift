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
        #expect(s.registration().contains { $0.contains("CAST(`c2` AS BIGINT) AS `born`") })
        #expect(s.registration().contains { $0.contains("(c0 STRING, c1 STRING, c2 STRING) USING csv") })
    }

    @Test(arguments: [
        ("CREATE (:Person {name: 'Eve'})", "a statement that writes", "CREATE (:Person {name: 'Eve'})"),
        ("MATCH (a:Person) SET a.seen = true", "a statement that writes", "SET a.seen = true"),
        ("MATCH p = allShortestPaths((a:Person)-[*..3]-(b:Person)) RETURN length(p)", "allShortestPaths", "p = allShortestPaths((a:Person)-[*..3]-(b:Person))"),
        ("MATCH (a:Person) RETURN [1, 'one'] AS l", "a list mixing values of different types", "[1, 'one']"),
        ("MATCH (a:Person) RETURN a.name < a.born", nil, nil),
        ("MATCH (p:Person)-[:KNOWS*]->(q) RETURN q.name", "without an upper bound", "-[:KNOWS*]->"),
        ("MATCH p = shortestPath((a:Person)-[*..3]-(b:Person)) RETURN length(p)", "shortestPath without a server", "p = shortestPath((a:Person)-[*..3]-(b:Person))"),
        ("MATCH p = shortestPath((a:Person)-[*..3]-(b:Person)) WHERE length(p) > 1 RETURN a", "a WHERE on a shortestPath's path", "length(p) > 1"),
        ("MATCH (a:Person) WHERE EXISTS { (a)-->() } RETURN a.name", nil, nil),
        ("MATCH (a:Person) RETURN COUNT { (a)-->() } AS n", nil, nil),
        ("MATCH (a:Person) RETURN [x IN [1] | COUNT { (a)-->() }] AS n", "COUNT { } inside a list comprehension", "COUNT { (a)-->() }"),
        ("CALL db.indexes()", "the procedure db.indexes", nil),
        ("MATCH (a:Person) CALL { WITH a MATCH (a)-->(b) RETURN b LIMIT 1 } RETURN b", "SKIP or LIMIT inside a subquery", "1"),
        ("MATCH (a:Person) RETURN a.name + a.born", "+ between text and a value of another type", "a.name + a.born"),
        ("MATCH (a:Person) RETURN reverse([1, 2])", nil, nil),
        ("MATCH (a:Person) RETURN a.name STARTS WITH 'A', toBoolean(a.name)", "the function toboolean()", "toBoolean(a.name)"),
        ("PROFILE MATCH (a) RETURN a.name", "PROFILE", nil),
        ("EXPLAIN MATCH (a) RETURN a.name", nil, nil),
    ] as [(String, String?, String?)])
    func refusedByName(_ query: String, _ reason: String?, _ place: String?) throws {
        let s = try schema()
        do {
            _ = try Database.sparkStatement(query, schema: s)
            #expect(reason == nil, "\(query) compiled")
        } catch {
            guard let reason else { Issue.record("\(query): \(error.message)"); return }
            #expect(error.detail == "NotOnSpark" && error.message.contains(reason), "\(query): \(error.message)")
            if let place {
                guard let range = error.range else { Issue.record("\(query): no place given"); return }
                let text = Array(query.utf8)
                #expect(String(decoding: text[range.start..<range.end], as: UTF8.self) == place, "\(query)")
            }
        }
    }

    /// Files with a `:LABEL` or `:TYPE` column (what `:export csv` writes) give each row's labels
    /// or type; a group of several node files is also one union view, which an unlabelled node of
    /// the pattern is matched over once.
    @Test func labelAndTypeColumnsAndGroupUnions() throws {
        try ":ID,:LABEL,name:string\n0,A;B,x\n".write(toFile: folder.file("nodes_0.csv"), atomically: true, encoding: .utf8)
        try ":ID,:LABEL,name:long\n1,B,7\n".write(toFile: folder.file("nodes_1.csv"), atomically: true, encoding: .utf8)
        try ":START_ID,:END_ID,:TYPE\n0,1,T\n".write(toFile: folder.file("rels_2.csv"), atomically: true, encoding: .utf8)
        let s = try SparkGraphSchema.read(folder: folder.path)
        #expect(s.nodes.allSatisfy { $0.label == nil } && s.relationships.allSatisfy { $0.type == nil })
        #expect(s.unions.map(\.view) == ["g__nodes"] && s.unions.first?.members == ["n_nodes_0", "n_nodes_1"])
        #expect(s.unions.first?.property("name")?.mixed == true)
        let statement = try Database.sparkStatement("MATCH (a:A)-[r:T]->(b) RETURN a, type(r), b", schema: s)
        #expect(statement.sql.contains("array_contains(") && statement.sql.contains("_type IN ('T')") && statement.sql.contains("`g__nodes`"))
        do {
            _ = try Database.sparkStatement("MATCH (b:B) RETURN b.name + 1", schema: s)
            Issue.record("a key of two types was compiled")
        } catch {
            #expect(error.message.contains("whose values are of several types"))
        }
    }

    /// What Cypher rejects for the values' types is rejected with its class before Spark runs.
    @Test(arguments: [
        ("MATCH (a:Person) RETURN a.born.x", ErrorClass.typeError, "a.born.x"),
        ("RETURN [1, 2][true]", .typeError, "true"),
        ("RETURN range(1, 'x')", .argumentError, "'x'"),
        ("RETURN percentileDisc(1, 1.5)", .argumentError, "1.5"),
    ] as [(String, ErrorClass, String)])
    func typeErrorsBeforeSparkRuns(_ query: String, _ errorClass: ErrorClass, _ place: String) throws {
        let s = try schema()
        do {
            _ = try Database.sparkStatement(query, schema: s)
            Issue.record("\(query) compiled")
        } catch {
            #expect(error.errorClass == errorClass, "\(query): \(error)")
            if let range = error.range {
                #expect(String(decoding: Array(query.utf8)[range.start..<range.end], as: UTF8.self) == place, "\(query)")
            }
        }
    }

    /// A pattern over files that cannot hold it: no rows, not an error.
    @Test func aPatternNoFileHoldsMatchesNothing() throws {
        let s = try schema()
        let statement = try Database.sparkStatement("MATCH (c:City)-[:KNOWS]->(p) RETURN c.name", schema: s)
        #expect(statement.sql.contains("WHERE FALSE"))
    }

    /// A node named in the pattern but never read again is as good as anonymous: its file is not
    /// joined when the relationship's end says which file holds it. Read again, or under
    /// `RETURN *`, it is joined.
    @Test func aNamedNodeNeverReadIsNotJoined() throws {
        let s = try schema()
        let unread = try Database.sparkStatement("MATCH (a:Person)-[:LIVES_IN]->(c:City) RETURN a.name", schema: s)
        #expect(!unread.sql.contains("`n_City`"))
        for query in ["MATCH (a:Person)-[:LIVES_IN]->(c:City) RETURN a.name, c.name", "MATCH (a:Person)-[:LIVES_IN]->(c:City) RETURN *",
                      "MATCH (a:Person)-[:LIVES_IN]->(c:City {name: 'Oslo'}) RETURN a.name"] {
            #expect(try Database.sparkStatement(query, schema: s).sql.contains("`n_City`"), "\(query)")
        }
    }

    /// A file whose Parquet copy the manifest records, with the file's size and time as they are,
    /// is read from the copy (and the manifest says whether its ids are integers); one changed
    /// since is read as CSV.
    @Test func currentParquetCopiesAreRead() throws {
        _ = try schema()
        let copies = folder.file(".quarry-parquet")
        try FileManager.default.createDirectory(atPath: copies, withIntermediateDirectories: true)
        func entry(_ name: String, sizeDelta: Int64, integerIDs: Bool) throws -> String {
            let attributes = try FileManager.default.attributesOfItem(atPath: folder.file(name))
            let size = try #require((attributes[.size] as? NSNumber)?.int64Value) + sizeDelta
            let modified = try #require(attributes[.modificationDate] as? Date).timeIntervalSince1970
            return "\"\(name)\": {\"directory\": \"copy-\(name)\", \"size\": \(size), \"modified\": \(modified), \"integerIDs\": \(integerIDs)}"
        }
        // The copy of Person.csv says its ids are not all integers, which only the manifest can tell.
        let manifest = "{" + [try entry("Person.csv", sizeDelta: 0, integerIDs: false), try entry("KNOWS.csv", sizeDelta: 1, integerIDs: false)].joined(separator: ", ") + "}"
        try manifest.write(toFile: (copies as NSString).appendingPathComponent("manifest.json"), atomically: true, encoding: .utf8)
        let s = try SparkGraphSchema.read(folder: folder.path)
        #expect(s.sources.filter { $0.copy != nil }.map(\.name) == ["Person.csv"])
        #expect(s.idType("Person") == .string)
        #expect(s.registration().contains { $0.contains("`n_Person_parquet` (`c0` STRING, `c1` STRING, `c2` BIGINT) USING parquet OPTIONS (path '\(copies)/copy-Person.csv')") })
        #expect(s.registration().contains { $0.contains("`r_KNOWS_csv`") })
        // What `:spark convert` would do: write copies of the three files read as CSV.
        let conversions = s.conversions(into: s.copies)
        #expect(conversions.map(\.source.name).sorted() == ["City.csv", "KNOWS.csv", "LIVES_IN.csv"])
        #expect(conversions.allSatisfy { $0.statement.hasPrefix("INSERT OVERWRITE DIRECTORY '\(copies)/") && $0.statement.contains("USING parquet SELECT") })
    }
}

