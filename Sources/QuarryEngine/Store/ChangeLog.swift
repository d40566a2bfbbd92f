/// The changes one write statement made to a graph backed by a file, in the order it made them,
/// encoded for the journal; `Graph.replay` applies them again after a crash. Names are recorded
/// when they are first interned, so a replay gives every label, type and key the same number.
struct ChangeLog: Sendable {
    enum Kind: UInt8 {
        case label = 1, type, key
        case createNode, addLabel, removeLabel, setNodeProperty, deleteNode
        case createRelationship, setRelationshipProperty, deleteRelationship
        case createIndex, dropIndex
    }

    private(set) var writer = ByteWriter()
    /// Whether anything besides new names was recorded: a statement that only interned names
    /// (`MATCH (n:Unknown) SET n.x = 1` matching nothing) changed nothing worth keeping.
    private(set) var hasEffect = false

    var isEmpty: Bool { writer.count == 0 }
    func withBytes<R, E: Error>(_ body: (UnsafeRawBufferPointer) throws(E) -> R) throws(E) -> R { try writer.withBytes(body) }

    mutating func name(_ kind: Kind, _ name: String) {
        writer.u8(kind.rawValue)
        writer.string(name)
    }

    mutating func element(_ kind: Kind, _ id: Int32) {
        hasEffect = true
        writer.fields(5) { $0.put(kind.rawValue); $0.put(id) }
    }

    mutating func element(_ kind: Kind, _ id: Int32, _ other: Int32) {
        hasEffect = true
        writer.fields(9) { $0.put(kind.rawValue); $0.put(id); $0.put(other) }
    }

    mutating func element(_ kind: Kind, _ id: Int32, _ type: Int32, _ from: Int32, _ to: Int32) {
        hasEffect = true
        writer.fields(17) { $0.put(kind.rawValue); $0.put(id); $0.put(type); $0.put(from); $0.put(to) }
    }

    mutating func property(_ kind: Kind, _ element: Int32, _ key: Int32, _ value: Value) {
        hasEffect = true
        writer.fields(9) { $0.put(kind.rawValue); $0.put(element); $0.put(key) }
        writer.value(value)
    }

    mutating func index(_ kind: Kind, _ index: PropertyIndex) {
        hasEffect = true
        writer.u8(kind.rawValue)
        writer.string(index.name)
        writer.i32(index.label)
        writer.i32(index.key)
    }
}

extension Graph {
    /// Applies the changes a `ChangeLog` recorded, checking each against the graph as it stands:
    /// a change that does not fit (an element that does not exist, an id that differs) means the
    /// journal does not belong to this graph.
    mutating func replay(_ bytes: [UInt8]) throws(ByteReader.Malformed) {
        var r = ByteReader(bytes)
        func node(_ id: Int32, alive: Bool = true) throws(ByteReader.Malformed) -> NodeID {
            guard id >= 0, Int(id) < nodeIDLimit, !alive || isAlive(node: id) else { throw .init(what: "node \(id) does not exist") }
            return id
        }
        func relationship(_ id: Int32) throws(ByteReader.Malformed) -> RelID {
            guard id >= 0, Int(id) < relationshipIDLimit, isAlive(relationship: id) else { throw .init(what: "relationship \(id) does not exist") }
            return id
        }
        func interned(_ id: Int32, _ names: Interner) throws(ByteReader.Malformed) -> Int32 {
            guard id >= 0, Int(id) < names.names.count else { throw .init(what: "name \(id) does not exist") }
            return id
        }
        func storable() throws(ByteReader.Malformed) -> Value {
            let v = try r.value()
            guard GraphIntegrity.isStorable(v) else { throw .init(what: "a \(v.typeName) cannot be a property") }
            return v
        }
        while !r.atEnd {
            guard let kind = ChangeLog.Kind(rawValue: try r.u8()) else { throw .init(what: "unknown change") }
            switch kind {
            case .label: _ = labelID(try r.string())
            case .type: _ = typeID(try r.string())
            case .key: _ = keyID(try r.string())
            case .createNode:
                let id = try r.i32()
                guard Int(id) == nodeIDLimit else { throw .init(what: "node \(id) is created out of order") }
                _ = createNode()
            case .addLabel: addLabel(try node(try r.i32()), try interned(try r.i32(), labels))
            case .removeLabel: removeLabel(try node(try r.i32()), try interned(try r.i32(), labels))
            case .setNodeProperty: setNodeProperty(try node(try r.i32()), try interned(try r.i32(), keys), try storable())
            case .deleteNode: deleteNode(try node(try r.i32()))
            case .createRelationship:
                let id = try r.i32(), type = try interned(try r.i32(), types)
                let from = try node(try r.i32()), to = try node(try r.i32())
                guard Int(id) == relationshipIDLimit else { throw .init(what: "relationship \(id) is created out of order") }
                _ = createRelationship(type: type, from: from, to: to)
            case .setRelationshipProperty:
                setRelationshipProperty(try relationship(try r.i32()), try interned(try r.i32(), keys), try storable())
            case .deleteRelationship: deleteRelationship(try relationship(try r.i32()))
            case .createIndex:
                let name = try r.string(), label = try interned(try r.i32(), labels), key = try interned(try r.i32(), keys)
                guard createIndex(name: name, label: labels.name(label), key: keys.name(key)) else { throw .init(what: "index \(name) exists already") }
            case .dropIndex:
                let name = try r.string()
                _ = try r.i32()
                _ = try r.i32()
                guard dropIndex(name: name, label: nil, key: nil) else { throw .init(what: "index \(name) does not exist") }
            }
        }
    }
}
