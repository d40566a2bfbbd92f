@testable import QuarryEngine
import Testing

/// Unit tests of the in-memory `Graph`: ids, interned names, label bitsets, property columns,
/// adjacency, property indexes and copy-on-write snapshots.
struct StoreTests {
    /// The live neighbours of `node` as (relationship, other end, points away from `node`).
    func neighbours(_ g: Graph, _ node: NodeID, _ direction: Direction, types: [Int32]? = nil) -> [[Int32]] {
        var cursor = NeighborCursor(graph: g, node: node, direction: direction, types: types)
        var out: [[Int32]] = []
        while let (e, outgoing) = cursor.next() { out.append([e.relationship, e.other, outgoing ? 1 : 0]) }
        return out.sorted { $0.lexicographicallyPrecedes($1) }
    }

    func same(_ a: Value, _ b: Value) -> Bool { GroupKey(a) == GroupKey(b) }

    @Test func idsAreNeverReusedAfterDelete() {
        var g = Graph()
        let t = g.typeID("T")
        let a = g.createNode(), b = g.createNode()
        g.deleteNode(b)
        let c = g.createNode()
        #expect(c == b + 1)
        #expect(!g.isAlive(node: b) && g.isAlive(node: a) && g.isAlive(node: c))
        #expect(g.nodeCount == 2 && g.nodeIDLimit == 3)

        let r = g.createRelationship(type: t, from: a, to: c)
        g.deleteRelationship(r)
        g.deleteRelationship(r)
        let s = g.createRelationship(type: t, from: a, to: c)
        #expect(s == r + 1)
        #expect(!g.isAlive(relationship: r) && g.isAlive(relationship: s))
        #expect(g.relationshipCount == 1 && g.relationshipIDLimit == 2 && g.typeCounts[Int(t)] == 1)
    }

    @Test func namesAreInternedOnce() {
        var g = Graph()
        let actor = g.labelID("Actor"), place = g.labelID("Place")
        #expect(g.labelID("Actor") == actor && actor != place)
        #expect(g.labels.names.count == 2 && g.labels.name(place) == "Place" && g.labels.id("Actor") == actor)
        #expect(g.labels.id("actor") == nil, "names are case-sensitive")

        let claimed = g.typeID("CLAIMED")
        #expect(g.typeID("CLAIMED") == claimed && g.types.names.count == 1 && g.types.name(claimed) == "CLAIMED")
        let name = g.keyID("name")
        #expect(g.keyID("name") == name && g.keyID("age") == name + 1 && g.keys.names.count == 2)
        #expect(g.typeID("Actor") == claimed + 1, "labels, types and keys are separate name spaces")
    }

    @Test func labelCountsFollowAddRemoveAndDelete() {
        var g = Graph()
        let actor = g.labelID("Actor"), place = g.labelID("Place")
        let a = g.createNode(labels: [actor]), b = g.createNode(labels: [actor, place]), c = g.createNode()
        #expect(g.labelCounts == [2, 1])
        let addedTwice = g.addLabel(a, actor), added = g.addLabel(c, actor)
        #expect(!addedTwice && added)
        #expect(g.labelCounts == [3, 1])
        let removed = g.removeLabel(b, place), removedTwice = g.removeLabel(b, place)
        #expect(removed && !removedTwice)
        #expect(g.labelCounts == [3, 0] && g.labels(of: b) == [actor])
        g.deleteNode(b)
        #expect(g.labelCounts == [2, 0] && !g.hasLabel(b, actor))
        var members: [Int] = []
        var next = g.nextNode(from: 0, label: actor)
        while let n = next {
            members.append(n)
            next = g.nextNode(from: n + 1, label: actor)
        }
        #expect(members == [Int(a), Int(c)])
    }

    @Test func settingNullRemovesAProperty() {
        var g = Graph()
        let name = g.keyID("name"), age = g.keyID("age"), t = g.typeID("T")
        let nodes = (0..<6).map { _ in g.createNode() }
        g.setNodeProperty(nodes[5], name, .string("late"))
        g.setNodeProperty(nodes[1], name, .string("early"))
        g.setNodeProperty(nodes[1], age, .int(40))
        #expect(same(g.nodeProperty(nodes[5], name), .string("late")) && same(g.nodeProperty(nodes[1], name), .string("early")))
        #expect(g.nodeProperty(nodes[3], name).isNull && g.nodePropertyKeys(nodes[1]) == [name, age])
        g.setNodeProperty(nodes[1], name, .null)
        #expect(g.nodeProperty(nodes[1], name).isNull && g.nodePropertyKeys(nodes[1]) == [age])
        #expect(g.nodeProperties[Int(name)].count == 1)

        let r = g.createRelationship(type: t, from: nodes[0], to: nodes[1])
        g.setRelationshipProperty(r, age, .float(1.5))
        #expect(same(g.relationshipProperty(r, age), .float(1.5)) && g.relationshipPropertyKeys(r) == [age])
        g.setRelationshipProperty(r, age, .null)
        #expect(g.relationshipProperty(r, age).isNull && g.relationshipPropertyKeys(r).isEmpty)
    }

    @Test func adjacencyAfterCreateCompactAndDelete() {
        var g = Graph()
        let t = g.typeID("T"), u = g.typeID("U")
        let a = g.createNode(), b = g.createNode(), c = g.createNode()
        let ab = g.createRelationship(type: t, from: a, to: b)
        let ac = g.createRelationship(type: u, from: a, to: c)
        let ca = g.createRelationship(type: t, from: c, to: a)
        let aa = g.createRelationship(type: t, from: a, to: a)
        let expectedOut: [[Int32]] = [[ab, b, 1], [ac, c, 1], [aa, a, 1]]
        let expectedBoth: [[Int32]] = [[ab, b, 1], [ac, c, 1], [ca, c, 0], [aa, a, 1]]

        #expect(!g.outgoing.pending.isEmpty, "new relationships wait in the pending lists")
        #expect(neighbours(g, a, .outgoing) == expectedOut)
        #expect(neighbours(g, a, .incoming) == [[ca, c, 0], [aa, a, 0]])
        #expect(neighbours(g, a, .both) == expectedBoth, "a self-loop is seen once")
        #expect(neighbours(g, a, .outgoing, types: [u]) == [[ac, c, 1]])

        g.compact()
        #expect(g.outgoing.pending.isEmpty && g.incoming.pending.isEmpty)
        #expect(g.outgoing.entries[g.outgoing.range(of: a)].map(\.type) == [t, t, u], "sorted by type")
        #expect(neighbours(g, a, .outgoing) == expectedOut)
        #expect(neighbours(g, a, .both) == expectedBoth)
        #expect(neighbours(g, b, .incoming) == [[ab, a, 0]])

        g.deleteRelationship(ab)
        let bc = g.createRelationship(type: u, from: b, to: c)
        #expect(neighbours(g, a, .outgoing) == [[ac, c, 1], [aa, a, 1]], "deleted relationships are skipped")
        #expect(neighbours(g, b, .both) == [[bc, c, 1]])
        #expect(g.relationships(of: a).sorted() == [ac, ca, aa])
        g.compact()
        #expect(g.outgoing.entries.count == 4)
        #expect(neighbours(g, b, .both) == [[bc, c, 1]] && neighbours(g, c, .incoming) == [[ac, a, 0], [bc, b, 0]])
    }

    @Test func indexStaysCorrectThroughWrites() {
        var g = Graph()
        let actor = g.labelID("Actor"), name = g.keyID("name"), age = g.keyID("age")
        let a = g.createNode(labels: [actor]), b = g.createNode()
        g.setNodeProperty(a, name, .string("x"))
        g.setNodeProperty(b, name, .string("y"))
        let created = g.createIndex(name: nil, label: "Actor", key: "name")
        let createdAgain = g.createIndex(name: "again", label: "Actor", key: "name")
        let createdAges = g.createIndex(name: "ages", label: "Actor", key: "age")
        #expect(created && !createdAgain && createdAges)
        func lookup(_ v: String) -> [NodeID] { g.index(label: actor, key: name)!.lookup(.string(v)) }
        #expect(lookup("x") == [a] && lookup("y") == [])

        g.setNodeProperty(a, name, .string("y"))
        #expect(lookup("x") == [] && lookup("y") == [a])
        g.addLabel(b, actor)
        #expect(lookup("y") == [a, b])
        g.removeLabel(a, actor)
        #expect(lookup("y") == [b])
        g.setNodeProperty(b, name, .null)
        #expect(lookup("y") == [] && g.index(label: actor, key: name)!.entryCount == 0)
        g.setNodeProperty(b, name, .string("z"))
        g.deleteNode(b)
        #expect(lookup("z") == [])

        let people = (1...5).map { i in
            let n = g.createNode(labels: [actor])
            g.setNodeProperty(n, age, .int(Int64(i * 10)))
            return n
        }
        g.setNodeProperty(people[0], age, .float(35.0))
        g.removeLabel(people[4], actor)
        g.compactIfNeeded()
        let ages = g.index(label: actor, key: age)!
        #expect(ages.lookup(.float(20.0)) == [people[1]], "1 finds 1.0 and back")
        #expect(ages.range(lower: (.int(20), false), upper: (.int(40), true)) == [people[0], people[2], people[3]])
        #expect(ages.range(lower: nil, upper: (.int(30), false)) == [people[1]])
        #expect(ages.range(lower: (.string("a"), true), upper: nil) == [], "other types are not in range")
    }

    @Test func copyIsUnaffectedByLaterWrites() {
        var g = Graph()
        let actor = g.labelID("Actor"), name = g.keyID("name"), t = g.typeID("T")
        let a = g.createNode(labels: [actor]), b = g.createNode()
        g.setNodeProperty(a, name, .string("x"))
        let r = g.createRelationship(type: t, from: a, to: b)
        _ = g.createIndex(name: nil, label: "Actor", key: "name")
        let snapshot = g

        g.setNodeProperty(a, name, .string("y"))
        g.deleteRelationship(r)
        _ = g.createRelationship(type: t, from: b, to: a)
        g.addLabel(b, actor)
        _ = g.createNode(labels: [g.labelID("Place")])
        g.compact()

        #expect(snapshot.nodeCount == 2 && snapshot.labels.names.count == 1 && snapshot.labelCounts == [1])
        #expect(same(snapshot.nodeProperty(a, name), .string("x")))
        #expect(snapshot.isAlive(relationship: r) && snapshot.relationshipIDLimit == 1)
        #expect(neighbours(snapshot, a, .both) == [[r, b, 1]] && neighbours(snapshot, b, .outgoing) == [])
        #expect(!snapshot.hasLabel(b, actor))
        #expect(snapshot.index(label: actor, key: name)!.lookup(.string("x")) == [a])
        #expect(g.index(label: actor, key: name)!.lookup(.string("x")) == [])
    }

    @Test func columnsChangeRepresentationWithoutLosingValues() {
        var c = PropertyColumn()
        c.set(10, .int(7))
        c.set(4, .int(Int64.min + 1))
        #expect(c.representation == .integers && c.count == 2)
        c.set(12, .int(Int64.min))
        #expect(c.representation == .mixed)
        #expect(same(c.get(12), .int(Int64.min)) && same(c.get(4), .int(Int64.min + 1)) && same(c.get(10), .int(7)))
        #expect(c.get(5).isNull && c.get(3).isNull && c.get(13).isNull && c.count == 3)
        c.set(10, .null)
        #expect(c.count == 2 && c.get(10).isNull)

        var s = PropertyColumn()
        s.set(0, .string("a"))
        s.set(1, .string("a"))
        #expect(s.representation == .codes && s.dictionary.count == 1)
        for i in 2..<(PropertyColumn.dictionaryLimit + 10) { s.set(i, .string("s\(i)")) }
        #expect(s.representation == .heap)
        #expect(same(s.get(0), .string("a")) && same(s.get(70), .string("s70")))
        s.set(70, .null)
        s.set(71, .string("é"))
        #expect(s.get(70).isNull && same(s.get(71), .string("é")) && s.count == PropertyColumn.dictionaryLimit + 9)
        s.set(72, .float(1.5))
        #expect(s.representation == .mixed && same(s.get(72), .float(1.5)) && same(s.get(71), .string("é")))
    }

    @Test func heapSearchFindsWholeOccurrencesOnly() {
        var h = StringHeap()
        h.pad(back: 6)
        for (i, s) in ["xxab", "cdxx", "abcd", "", "zzzzzzzzzzzzzzzzzzzzabcd", "ab"].enumerated() { _ = h.set(i, s) }
        h.setAbsent(3)
        let found = h.elementsContaining(Array("abcd".utf8))
        #expect(found.map { b in (0..<6).filter { b.contains($0) } } == [2, 4])
        #expect(h.elementsContaining(Array("bc".utf8)).map { b in (0..<6).filter { b.contains($0) } } == [2, 4])
        _ = h.set(0, "abcd")
        #expect(h.elementsContaining(Array("abcd".utf8)) == nil, "after an update the slots are out of heap order")
    }

    /// Bitsets against a Set under random inserts and removals far from zero and in both
    /// directions; the words span only the members.
    @Test func bitsetsAgreeWithASetAndSpanOnlyTheirMembers() {
        var rng = SystemRandomNumberGenerator()
        for round in 0..<200 {
            var bits = Bitset(), model = Set<Int>()
            let base = round % 2 == 0 ? 0 : Int.random(in: 0...5_000_000, using: &rng)
            for _ in 0..<Int.random(in: 1...300, using: &rng) {
                let i = base + Int.random(in: 0...5_000, using: &rng)
                if Bool.random(using: &rng) || model.isEmpty {
                    bits.insert(i)
                    model.insert(i)
                } else {
                    bits.remove(i)
                    model.remove(i)
                }
            }
            var members: [Int] = []
            var n = bits.next(from: 0)
            while let m = n {
                members.append(m)
                n = bits.next(from: m + 1)
            }
            #expect(members == model.sorted())
            #expect(bits.count == model.count && bits.limit == (model.max().map { $0 + 1 } ?? 0))
            #expect(model.allSatisfy(bits.contains) && !bits.contains(base + 6_000))
            #expect(bits.words.count <= 5_000 / 64 * 2 + 4, "the words cover the span of the members, not their size")
            var wider = bits
            wider.insert(base + 9_000)
            #expect(bits.isSubset(of: wider) && (model.isEmpty || !wider.isSubset(of: bits)))
        }
    }

    /// 20,000 labels, each on one node of a growing graph: each label costs a word, not the
    /// graph's size.
    @Test func aLabelCostsWhatItsMembersSpan() {
        var g = Graph()
        for i in 0..<20_000 { _ = g.createNode(labels: [g.labelID("L\(i)")]) }
        #expect(g.labelMembers.map(\.words.count).max() == 1)
        #expect(g.hasLabel(19_999, g.labels.id("L19999")!) && !g.hasLabel(19_998, g.labels.id("L19999")!))
    }

    /// Import ids: a large id alone costs a few bytes; ids counting up from anywhere go to the
    /// array; scattered ones to the dictionary; every id is found again.
    @Test func importIdsCostWhatIsStored() {
        var space = IDSpace()
        space["67108863"] = 0
        #expect(space.dense.count < 10 && space["67108863"] == 0)
        var rng = SystemRandomNumberGenerator()
        var model: [String: NodeID] = [:]
        for n in 0..<20_000 {
            let id = n % 3 == 0 ? String(Int.random(in: Int(Int32.min)...Int(Int32.max), using: &rng))
                : n % 3 == 1 ? String(1_000_000 + n) : "text-\(n)"
            guard model[id] == nil else { continue }
            model[id] = NodeID(n)
            space[id] = NodeID(n)
        }
        for (id, node) in model { #expect(space[id] == node, "\(id)") }
        #expect(space.dense.count <= 2 * space.stored + 4096)
        #expect(space["999"] == nil && space["text-1"] == nil)
    }

    /// A key held by one element in a thousand costs what it holds (a sparse column), reads back
    /// every value, and turns dense again once most elements hold it.
    @Test func sparseKeysCostWhatTheyHold() {
        var column = PropertyColumn()
        var model: [Int: Value] = [:]
        for id in stride(from: 5, to: 200_000, by: 1000) {
            let v: Value = id % 2 == 0 ? .int(Int64(id)) : .string("v\(id)")
            column.set(id, v)
            model[id] = v
        }
        #expect(column.representation == .sparse && column.sparse.count == model.count && column.count == model.count)
        for id in stride(from: 0, to: 200_000, by: 1) where id % 997 == 0 || model[id] != nil {
            #expect("\(column.get(id))" == "\(model[id] ?? .null)")
        }
        column.set(5, .null)
        #expect(column.count == model.count - 1 && column.get(5).isNull)
        for id in 0..<200_000 { column.set(id, .int(Int64(id))) }
        #expect(column.representation != .sparse && column.count == 200_000 && "\(column.get(199_999))" == "\(Value.int(199_999))")
    }
}
