/// A pattern part with every element given a slot (anonymous ones get fresh slots).
struct PlannedNode {
    let slot: Int
    let name: String?
    let labels: [String]
    let properties: Expr?
    let range: SourceRange
}

struct PlannedRelationship {
    let slot: Int
    let name: String?
    let types: [String]
    let direction: Direction
    let length: (min: Int?, max: Int?)?
    let properties: Expr?
    let range: SourceRange
    /// A quantified path pattern in this step's place; `slot` then receives every relationship
    /// it went through, in order (for the path and for relationship uniqueness).
    var group: PlannedGroup? = nil
}

/// A quantified path pattern's chain with its own slots, one iteration's worth: each variable
/// has a slot for the current iteration and, from the scope, a slot for its list.
struct PlannedGroup {
    let nodes: [PlannedNode]
    let relationships: [PlannedRelationship]
    let predicate: Expr?
    /// The outer scope with the group's names on their iteration slots.
    let scope: [String: Int]
    /// Each named element's iteration slot and list slot.
    let collected: [(element: Int, list: Int)]
    let min: Int
    let max: Int?
    /// The group as written, for plans.
    let text: String

    init(_ group: QuantifiedGroup, slots: SlotAllocator, outer: [String: Int]) {
        var scope = outer
        var collected: [(Int, Int)] = []
        for v in group.variables {
            let slot = slots.next()
            if let list = outer[v.name] { collected.append((slot, list)) }
            scope[v.name] = slot
        }
        func slot(_ name: String?) -> Int { name.flatMap { scope[$0] } ?? slots.next() }
        nodes = ([group.inner.start] + group.inner.steps.map(\.node)).map {
            PlannedNode(slot: slot($0.variable), name: $0.variable, labels: $0.labels, properties: $0.properties, range: $0.range)
        }
        relationships = group.inner.steps.map(\.relationship).map {
            PlannedRelationship(slot: slot($0.variable), name: $0.variable, types: $0.types, direction: $0.direction,
                                length: nil, properties: $0.properties, range: $0.range)
        }
        predicate = group.predicate
        self.scope = scope
        self.collected = collected
        min = group.min
        max = group.max
        text = group.canonicalText
    }
}

struct PlannedPart {
    var nodes: [PlannedNode]
    var relationships: [PlannedRelationship]
    let pathSlot: Int?
    let shortest: ShortestKind
    let range: SourceRange

    /// Gives every element a slot: the variable's slot where it has one, otherwise a fresh one.
    init(_ part: PatternPart, slots: SlotAllocator, scope: inout [String: Int]) {
        func slot(_ name: String?) -> Int {
            guard let name else { return slots.next() }
            if let s = scope[name] { return s }
            let s = slots.next()
            scope[name] = s
            return s
        }
        nodes = ([part.start] + part.steps.map(\.node)).map {
            PlannedNode(slot: slot($0.variable), name: $0.variable, labels: $0.labels, properties: $0.properties, range: $0.range)
        }
        let outer = scope
        relationships = part.steps.map(\.relationship).map {
            PlannedRelationship(slot: slot($0.variable), name: $0.variable, types: $0.types, direction: $0.direction,
                                length: $0.length, properties: $0.properties, range: $0.range,
                                group: $0.group.map { PlannedGroup($0, slots: slots, outer: outer) })
        }
        pathSlot = part.pathVariable.map { slot($0) }
        shortest = part.shortest
        range = part.range
    }
}

extension Expr {
    /// The name a pattern element without a variable is given where an expression must read it
    /// (a name no query can write).
    static func elementName(_ slot: Int) -> String { "\u{1}element\(slot)" }

    /// `element.key = value`: one entry of a pattern's `{k: v}` as a condition.
    static func propertyEquality(_ element: String, _ key: String, _ value: Expr) -> Expr {
        Expr(.binary(.equal, Expr(.property(Expr(.variable(element), value.range), key), value.range), value), value.range)
    }

    /// Variables the expression reads, including those named inside pattern expressions.
    var referencedNames: Set<String> {
        var out: Set<String> = []
        collectNames(into: &out)
        return out
    }

    func collectNames(into out: inout Set<String>) {
        switch kind {
        case .variable(let n): out.insert(n)
        case .subquery(_, _, _, let names): out.formUnion(names)
        case .patternPredicate(let p), .patternComprehension(let p, _, _):
            for n in [p.start] + p.steps.map(\.node) {
                if let v = n.variable { out.insert(v) }
                n.properties?.collectNames(into: &out)
            }
            for s in p.steps {
                if let v = s.relationship.variable { out.insert(v) }
                s.relationship.properties?.collectNames(into: &out)
            }
        default: break
        }
        for c in children { c.collectNames(into: &out) }
    }

    /// The conjuncts of an AND chain.
    var conjuncts: [Expr] {
        if case .binary(.and, let a, let b) = kind { return a.conjuncts + b.conjuncts }
        return [self]
    }
}
