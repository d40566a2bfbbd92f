import QuarryEngine
import Testing

/// Names the graph has never seen are reported with a "did you mean" where one is close.
struct NoticeTests {
    func notices(_ query: String) throws -> [String] {
        let db = Database()
        _ = try db.execute("CREATE (:Actor {name: 'ISIS-K'})-[:CLAIMED]->(:Event {name: 'bombing'})")
        return try db.execute(query).notices.map(\.description)
    }

    @Test func unknownLabelTypeAndKey() throws {
        #expect(try notices("MATCH (a:Actr) RETURN a") == ["warning: the label :Actr is not in the graph (did you mean :Actor?)"])
        #expect(try notices("MATCH ()-[:CLAIMD]->() RETURN 1") == ["warning: the relationship type :CLAIMD is not in the graph (did you mean :CLAIMED?)"])
        #expect(try notices("MATCH (a:Actor) RETURN a.nmae") == ["warning: the property key nmae is not in the graph (did you mean name?)"])
        #expect(try notices("MATCH (a:Actor)-[:CLAIMED]->(e) RETURN a.name, e.name").isEmpty)
    }

    /// `[*5..1]` matches nothing, as openCypher says, but not without a word.
    /// A type far from every name: the types the graph has between the pattern's labels, in the
    /// pattern's direction.
    @Test func anUnknownTypeGetsTheTypesBetweenItsLabels() throws {
        #expect(try notices("MATCH (a:Actor)-[:PERPETRATED]->(e:Event) RETURN e") == [
            "warning: the relationship type :PERPETRATED is not in the graph (between those labels the graph has (:Actor)-[:CLAIMED]->(:Event))",
        ])
        #expect(try notices("MATCH (e:Event)<-[:PERPETRATED]-(a) RETURN e") == [
            "warning: the relationship type :PERPETRATED is not in the graph (between those labels the graph has ()-[:CLAIMED]->(:Event))",
        ])
        #expect(try notices("MATCH (e:Event)-[:PERPETRATED]->(a) RETURN e") == [
            "warning: the relationship type :PERPETRATED is not in the graph",
        ])
    }

    /// A pattern that stops at a named place with places inside it says how to reach them too,
    /// whether it found rows or not; a type that is no hierarchy (allies) says nothing.
    @Test func aNamedNodeWithAHierarchyUnderItIsPointedOut() throws {
        let db = Database()
        _ = try db.execute("""
            CREATE (c:Place {name: 'Country'}), (p:Place {name: 'Province'})-[:IN]->(c), (t:Place {name: 'Town'})-[:IN]->(p),
                   (:Event {name: 'e1'})-[:OCCURRED_IN]->(c), (:Event {name: 'e2'})-[:OCCURRED_IN]->(t),
                   (a:Actor {name: 'A'})-[:ALLIED_WITH]->(:Actor {name: 'B'})
            """)
        func notices(_ query: String) throws -> [String] { try db.execute(query).notices.map(\.description) }
        let fix = "warning: 'Country' has 2 :Place nodes under it through :IN, which this pattern does not reach; to include them: "
        #expect(try notices("MATCH (e:Event)-[:OCCURRED_IN]->(:Place {name: 'Country'}) RETURN e") == [fix + "-[:OCCURRED_IN]->()-[:IN*0..]->(:Place {name: 'Country'})"])
        #expect(try notices("MATCH (:Place {name: 'Country'})<-[:OCCURRED_IN]-(e) RETURN e") == [fix + "(:Place {name: 'Country'})<-[:IN*0..]-()<-[:OCCURRED_IN]-"])
        #expect(try db.execute("MATCH (e:Event)-[:OCCURRED_IN]->()-[:IN*0..]->(:Place {name: 'Country'}) RETURN e.name ORDER BY e.name").rows.count == 2,
                "the pattern the hint writes finds both events")
        #expect(try notices("MATCH (e:Event)-[:OCCURRED_IN]->(:Place {name: 'Town'}) RETURN e").isEmpty, "nothing under the town")
        #expect(try notices("MATCH (a:Actor {name: 'B'})<-[:ALLIED_WITH]-(x) RETURN x").isEmpty)
    }

    /// No rows because a text value is not in the graph: the value with another case, the node
    /// that has it among other names, or the nearest value is named. Rows, or a value that exists,
    /// give no hint.
    @Test func zeroRowsBecauseOfAValueAreExplained() throws {
        let db = Database()
        _ = try db.execute("CREATE (:Actor {name: 'China', aliases: ['Beijing']}), (:Actor {name: 'Guo Jiakun'}), (:Place {name: 'Kabul'}), (:Actor {name: 'Chinese businesspeople'}), (:Actor {name: 'ISIS-K'})")
        func notices(_ query: String) throws -> [String] { try db.execute(query).notices.map(\.description) }
        #expect(try notices("MATCH (a:Actor {name: 'Beijing'}) RETURN a") == ["warning: no :Actor has name 'Beijing' ('China' has it among its other names)"])
        #expect(try notices("MATCH (a:Actor) WHERE a.name = 'Guo Jaikun' RETURN a") == ["warning: no :Actor has name 'Guo Jaikun' (did you mean 'Guo Jiakun'?)"])
        #expect(try notices("MATCH (p {name: 'kabul'}) RETURN p") == ["warning: no node has name 'kabul' ('Kabul' differs only in case)"])
        #expect(try notices("MATCH (a:Actor) WHERE a.name CONTAINS 'Business' RETURN a") == [
            "warning: no :Actor has name CONTAINS 'Business' as written ('Chinese businesspeople' does in another case: toLower(a.name) CONTAINS 'business' ignores case)"])
        #expect(try notices("MATCH (a:Actor) WHERE a.name STARTS WITH 'isis' RETURN a") == [
            "warning: no :Actor has name STARTS WITH 'isis' as written ('ISIS-K' does in another case: toLower(a.name) STARTS WITH 'isis' ignores case)"])
        // No value to point at: the step of the plan where the rows ran out is named instead.
        #expect(try notices("MATCH (a:Actor) WHERE a.name CONTAINS 'zzz' RETURN a") == [
            "warning: nothing matched at NodeByLabelScan :Actor WHERE (a.name CONTAINS 'zzz') (PROFILE shows each step's rows)"])
        #expect(try notices("MATCH (a:Actor {name: 'Kabul'}) RETURN a") == [
            "warning: nothing matched at NodeByLabelScan :Actor WHERE {name: 'Kabul'} (PROFILE shows each step's rows)"])
        #expect(try notices("MATCH (a:Actor {name: 'China'})-[:GOVERNS]->(p) RETURN p") == [
            "warning: nothing matched at Expand (a)-[:GOVERNS]->(p), for the one row before it (PROFILE shows each step's rows)"])
        #expect(try notices("MATCH (a:Actor) WHERE a.name = 'China' RETURN a").isEmpty, "rows: nothing to say")
        #expect(try notices("RETURN 1 AS x LIMIT 0").isEmpty, "a step never asked for rows is not where they ran out")
    }

    @Test func anEmptyLengthRangeIsPointedOut() throws {
        #expect(try notices("MATCH (a)-[:CLAIMED*2..1]->(b) RETURN b") == [
            "warning: the length *2..1 matches nothing: its lower bound is above its upper bound (did you mean *1..2?)",
        ])
        #expect(try notices("MATCH (a)-[:CLAIMED*1..2]->(b) RETURN b").isEmpty)
    }
}
