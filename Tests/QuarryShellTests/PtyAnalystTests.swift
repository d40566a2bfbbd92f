import Foundation
import Testing

/// The analyst's commands as a user sees them on a terminal: `:find` and `:show` on the default
/// dataset and on a graph of thousands of nodes.
@Suite(.serialized)
struct PtyAnalystTests {
    let sandbox = Sandbox()

    @Test func findThenShowOnTheDefaultDataset() throws {
        let terminal = try PseudoTerminal(sandbox)
        try terminal.expect("quarry> ")
        // Wider than the terminal: shown a record at a time, nothing cut.
        try terminal.run(":find islamic state", shows: "matched       │ 'aliases: Islamic State Khorasan Province (starts with)'")
        try terminal.run(":show 6", shows: "Claims about it: 2")
        // A long claim is wrapped onto the next line, never cut.
        terminal.send(":show Kabul restaurant bombing\r")
        let card = try terminal.expect("Cited in: kabul-report para 1, 2, 3, 5")
        #expect(card.contains("Taliban confirmed: The Taliban confirmed at least seven deaths") && !card.contains("…"))
        try terminal.expect("quarry> ")
        try terminal.run(":timeline", shows: "Monday, date unknown  Kabul restaurant bombing (:Event, bombing)")
        try terminal.run(":sources ISIS-K casualty figure", shows: "kabul-report para 3")
        terminal.send(":expanded on\r")
        try terminal.expect("quarry> ")
        try terminal.run("MATCH (a:Actor {name: 'ISIS-K'}) RETURN a, a.kind;", shows: "a.kind │ 'militant_group'")
        try terminal.run(":undo", shows: "Nothing to take back")
        try terminal.run(":help find", shows: ":find [--in KEY,KEY|--in all] TEXT")
    }

    @Test func findAmongThousandsOfNodes() throws {
        let terminal = try PseudoTerminal(sandbox, ["--empty"])
        try terminal.expect("quarry> ")
        try terminal.run("UNWIND range(1, 5000) AS i CREATE (:Person {name: 'Person ' + toString(i), aliases: ['P' + toString(i)]});",
                         shows: "Created 5000 nodes")
        try terminal.run(":find person 4321", shows: "'Person 4321'")
        try terminal.run(":find p4321", shows: "'aliases: P4321 (exact)'")
        try terminal.run(":show Person 17", shows: "No relationships.")
        try terminal.run(":sources Person 17", shows: "It cites no source (no source property).")
        // The index follows the graph: a node created after a search is found by the next one.
        try terminal.run("CREATE (:Person {name: 'Zoë Quartermain'});", shows: "Created 1 node")
        try terminal.run(":find zoe quartermaine", shows: "'Zoë Quartermain'")
        try terminal.run(":undo", shows: "Took back CREATE (:Person {name: 'Zoë Quartermain'})")
        try terminal.run(":find zoe quartermaine", shows: "Nothing matches")
        try terminal.run("UNWIND range(1, 3000) AS i CREATE (:Event {name: 'e' + toString(i), date: toString(1990 + i % 30)});", shows: "Created 3000 nodes")
        try terminal.run(":timeline from 2015 to 2016", shows: "2016  ████████████████████████████████████████ 100")
        try terminal.run("MATCH (p:Person) WITH p SKIP 1 LIMIT 1 MATCH (e:Event {name: 'e1'}) CREATE (p)-[:ATTENDED]->(e);", shows: "Created 1 relationship")
        try terminal.run(":draw ego Person 2 2", shows: "Drew 2 nodes and 1 relationship in /")
    }

    /// On a terminal that shows pictures (kitty, sixel) the drawing comes inline; with
    /// QUARRY_PICTURES=off, or on another terminal, a file is written and its path printed.
    @Test func drawShowsInlineOnKittyAndWritesAFileElsewhere() throws {
        let kitty = try PseudoTerminal(sandbox, environment: ["TERM": "xterm-kitty"])
        try kitty.expect("quarry> ")
        kitty.send(":draw ego ISIS-K 1\r")
        try kitty.expect("quarry> ")
        let raw = String(decoding: kitty.received, as: UTF8.self)
        #expect(raw.contains("\u{1B}_Ga=T,f=100,m=1;iVBORw0KGgo"), "a PNG in kitty's graphics escape")

        let sixel = try PseudoTerminal(sandbox, environment: ["QUARRY_PICTURES": "sixel"])
        try sixel.expect("quarry> ")
        sixel.send(":draw ego ISIS-K 1\r")
        try sixel.expect("quarry> ")
        #expect(String(decoding: sixel.received, as: UTF8.self).contains("\u{1B}P"), "sixel graphics begin with a device control string")

        let plain = try PseudoTerminal(sandbox, environment: ["QUARRY_PICTURES": "off", "TERM": "xterm-kitty"])
        try plain.expect("quarry> ")
        try plain.run(":draw ego ISIS-K 1", shows: "Drew 7 nodes and 6 relationships in /")
        #expect(!String(decoding: plain.received, as: UTF8.self).contains("\u{1B}_G"))
    }
}
