import Foundation
@testable import QuarryEngine
import Testing

/// The default dataset's citations against the report itself (in ../shared/sources, read where
/// it lies): every node and relationship cites a passage that exists, and every claim's `quote`
/// is in the very paragraph it cites. Skipped, saying so, where the report is absent.
struct SourceTests {
    static let folder = CaseTests.datasetsRoot + "/kabul-restaurant-bombing"

    static var reportIsHere: Bool {
        guard let library = try? SourceLibrary.load(datasetFolder: folder, confined: false),
              case .found = library.passage(source: "kabul-report", para: 1) else { return false }
        return true
    }

    @Test(.enabled(if: SourceTests.reportIsHere, "the report is not in ../shared/sources beside the repository"))
    func everyCitationOfTheDefaultDatasetIsInTheReport() throws {
        let db = Database(graph: try Database.datasetGraph(folder: Self.folder, confined: false))
        db.sources = try SourceLibrary.load(datasetFolder: Self.folder, confined: false)
        let uncited = try db.execute("""
            MATCH (n) WHERE passage(n) IS NULL RETURN 'node ' + n.name AS element
            UNION MATCH ()-[r]->() WHERE passage(r) IS NULL RETURN 'relationship ' + type(r) AS element
            """)
        #expect(uncited.rows.isEmpty, "\(uncited.rows)")
        // The report's curly quotes are plain in the dataset.
        let misquoted = try db.execute("""
            MATCH (c) WHERE c.quote IS NOT NULL
              AND NOT replace(replace(passage(c), '’', "'"), '“', '"') CONTAINS c.quote
            RETURN c.name, c.quote, c.para
            """)
        #expect(misquoted.rows.isEmpty, "quotes not in the paragraph they cite: \(misquoted.rows)")
        // Q39 of the dataset's README.
        let q39 = try db.execute("MATCH (c:Claim) WHERE c.casualties = 25 RETURN c.name AS claim, c.para AS para, passage(c) CONTAINS 'asserting 25 casualties' AS cited")
        #expect("\(q39.rows)" == "\([[Value.string("ISIS-K casualty figure"), .int(3), .bool(true)]])")
        let quoted = try db.execute("MATCH (c) WHERE c.quote IS NOT NULL AND passage(c) IS NOT NULL RETURN count(c) AS n")
        #expect("\(quoted.rows)" == "\([[Value.int(5)]])", "the quotes checked: \(quoted.rows)")
    }

    @Test func aMissingDocumentSaysWhereItLooked() throws {
        let library = SourceLibrary(documents: ["r": .init(key: "r", title: "A report", file: "r.txt", folders: ["/nowhere"], paragraphs: [1: 1])])
        guard case .missing(let title, let file, let lookedIn) = library.passage(source: "r", para: 1) else {
            Issue.record("a document that is not there was found")
            return
        }
        #expect(title == "A report" && file == "r.txt" && lookedIn == ["/nowhere"])
        guard case .unknown = library.passage(source: "r", para: 2) else {
            Issue.record("a paragraph the declaration lacks was found")
            return
        }
    }
}
