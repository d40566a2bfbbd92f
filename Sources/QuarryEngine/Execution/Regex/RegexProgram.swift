/// Syntax tree of a parsed regular expression. Inline flags are already applied: case folding,
/// dot-all and multi-line behaviour are baked into the individual nodes.
indirect enum RegexNode: Sendable {
    case empty
    case scalar(Unicode.Scalar, foldCase: Bool)
    /// `.`; with `dotAll` it also matches line terminators.
    case any(dotAll: Bool)
    case set(RegexCharSet, foldCase: Bool)
    case assertion(RegexAssertion)
    case concat([RegexNode])
    case alternate([RegexNode])
    /// `max == nil` means unbounded. `offset` is the quantifier's position, for error reporting.
    case `repeat`(RegexNode, min: Int, max: Int?, offset: Int)
}

/// Zero-width assertions; all of them depend only on the input position.
enum RegexAssertion: Sendable, Equatable {
    case textStart, textEnd, textEndOrFinalTerminator, lineStart, lineEnd, wordBoundary, notWordBoundary
}

/// A character class: the union of items within each conjunct, intersected across conjuncts
/// (`[a-z&&[^aeiou]]` has two conjuncts), optionally negated.
struct RegexCharSet: Sendable {
    var negated: Bool
    var conjuncts: [[RegexClassItem]]

    init(negated: Bool, conjuncts: [[RegexClassItem]]) {
        self.negated = negated
        self.conjuncts = conjuncts
    }

    init(_ ranges: [ClosedRange<UInt32>], negated: Bool = false) {
        self.negated = negated
        conjuncts = [ranges.map { .range(Unicode.Scalar($0.lowerBound)!, Unicode.Scalar($0.upperBound)!) }]
    }

    /// `caseVariants` (the fold of `c` and its uppercase) are tried at the leaves (ranges) for
    /// case-insensitive matching, so negation applies after folding: `(?i)[^a-z]` rejects `Q`.
    func contains(_ c: Unicode.Scalar, caseVariants: (Unicode.Scalar, Unicode.Scalar)? = nil) -> Bool {
        negated != conjuncts.allSatisfy { items in items.contains { $0.contains(c, caseVariants: caseVariants) } }
    }

    /// The shorthand classes `\d \w \s \h \v` (ASCII definitions, as in Java) and their negations.
    static func named(_ letter: Unicode.Scalar) -> RegexCharSet? {
        let ranges: [ClosedRange<UInt32>]
        switch Unicode.Scalar(letter.value | 0x20)! {  // lowercase ASCII letter
        case "d": ranges = [0x30...0x39]
        case "w": ranges = [0x30...0x39, 0x41...0x5A, 0x5F...0x5F, 0x61...0x7A]
        case "s": ranges = [0x09...0x0D, 0x20...0x20]
        case "h": ranges = [0x09...0x09, 0x20...0x20, 0xA0...0xA0, 0x1680...0x1680, 0x180E...0x180E,
                            0x2000...0x200A, 0x202F...0x202F, 0x205F...0x205F, 0x3000...0x3000]
        case "v": ranges = [0x0A...0x0D, 0x85...0x85, 0x2028...0x2029]
        default: return nil
        }
        return RegexCharSet(ranges, negated: letter.value < 0x61)  // uppercase letter negates
    }

    private static let posixClasses: [String: [ClosedRange<UInt32>]] = [
        "Lower": [0x61...0x7A], "Upper": [0x41...0x5A], "ASCII": [0x00...0x7F],
        "Alpha": [0x41...0x5A, 0x61...0x7A], "Digit": [0x30...0x39],
        "Alnum": [0x30...0x39, 0x41...0x5A, 0x61...0x7A],
        "Punct": [0x21...0x2F, 0x3A...0x40, 0x5B...0x60, 0x7B...0x7E],
        "Graph": [0x21...0x7E], "Print": [0x20...0x7E], "Blank": [0x09...0x09, 0x20...0x20],
        "Cntrl": [0x00...0x1F, 0x7F...0x7F], "XDigit": [0x30...0x39, 0x41...0x46, 0x61...0x66],
        "Space": [0x09...0x0D, 0x20...0x20],
    ]

    private static let categories: [(String, Unicode.GeneralCategory)] = [
        ("Lu", .uppercaseLetter), ("Ll", .lowercaseLetter), ("Lt", .titlecaseLetter),
        ("Lm", .modifierLetter), ("Lo", .otherLetter), ("Mn", .nonspacingMark),
        ("Mc", .spacingMark), ("Me", .enclosingMark), ("Nd", .decimalNumber),
        ("Nl", .letterNumber), ("No", .otherNumber), ("Pc", .connectorPunctuation),
        ("Pd", .dashPunctuation), ("Ps", .openPunctuation), ("Pe", .closePunctuation),
        ("Pi", .initialPunctuation), ("Pf", .finalPunctuation), ("Po", .otherPunctuation),
        ("Sm", .mathSymbol), ("Sc", .currencySymbol), ("Sk", .modifierSymbol),
        ("So", .otherSymbol), ("Zs", .spaceSeparator), ("Zl", .lineSeparator),
        ("Zp", .paragraphSeparator), ("Cc", .control), ("Cf", .format), ("Cs", .surrogate),
        ("Co", .privateUse), ("Cn", .unassigned),
    ]

    /// `\p{…}` names: POSIX classes (`Alpha`, `Punct`, … ASCII-only as in Java), general
    /// categories (`L`, `Lu`, `IsLu`, `gc=Lu`) and a few binary properties (`IsAlphabetic`, …).
    static func property(named rawName: String) -> RegexCharSet? {
        if let ranges = posixClasses[rawName] { return RegexCharSet(ranges) }
        var name = Substring(rawName)
        for prefix in ["Is", "gc=", "general_category="] where name.hasPrefix(prefix) {
            name = name.dropFirst(prefix.count)
        }
        let binary: [String: RegexClassItem] = [
            "Alphabetic": .alphabetic, "Letter": .category([.uppercaseLetter, .lowercaseLetter,
            .titlecaseLetter, .modifierLetter, .otherLetter]), "White_Space": .whiteSpace,
            "WhiteSpace": .whiteSpace, "Uppercase": .uppercase, "Lowercase": .lowercase,
            "Digit": .category([.decimalNumber]),
        ]
        if let item = binary[String(name)] { return RegexCharSet(negated: false, conjuncts: [[item]]) }
        let matching = categories.filter { code, _ in
            name == code || name.count == 1 && code.hasPrefix(name) || name == "LC" && ["Lu", "Ll", "Lt"].contains(code)
        }
        guard !matching.isEmpty else { return nil }
        return RegexCharSet(negated: false, conjuncts: [[.category(matching.map { $0.1 })]])
    }
}

enum RegexClassItem: Sendable {
    case range(Unicode.Scalar, Unicode.Scalar)
    case category([Unicode.GeneralCategory])
    case alphabetic, whiteSpace, uppercase, lowercase
    case set(RegexCharSet)

    func contains(_ c: Unicode.Scalar, caseVariants: (Unicode.Scalar, Unicode.Scalar)? = nil) -> Bool {
        switch self {
        case .range(let lower, let upper):
            let range = lower...upper
            guard let (folded, upperCase) = caseVariants else { return range.contains(c) }
            return range.contains(c) || range.contains(folded) || range.contains(upperCase)
        case .category(let categories): return categories.contains(c.properties.generalCategory)
        case .alphabetic: return c.properties.isAlphabetic
        case .whiteSpace: return c.properties.isWhitespace
        case .uppercase: return c.properties.isUppercase
        case .lowercase: return c.properties.isLowercase
        case .set(let set): return set.contains(c, caseVariants: caseVariants)
        }
    }
}

/// Simple case folding: the lowercase of the uppercase (so `ς`, `σ` and `Σ` fold together),
/// falling back to the scalar itself where a mapping is not a single scalar.
func regexFoldCase(_ c: Unicode.Scalar) -> Unicode.Scalar {
    if c.isASCII { return ("A"..."Z").contains(c) ? Unicode.Scalar(c.value + 32)! : c }
    func single(_ s: String) -> Unicode.Scalar? {
        var it = s.unicodeScalars.makeIterator()
        guard let first = it.next(), it.next() == nil else { return nil }
        return first
    }
    let upper = single(c.properties.uppercaseMapping) ?? c
    return single(upper.properties.lowercaseMapping) ?? single(c.properties.lowercaseMapping) ?? c
}

func regexUppercase(_ c: Unicode.Scalar) -> Unicode.Scalar {
    if c.isASCII { return ("a"..."z").contains(c) ? Unicode.Scalar(c.value - 32)! : c }
    let mapping = c.properties.uppercaseMapping.unicodeScalars
    return mapping.count == 1 ? mapping.first! : c
}

/// One instruction of the NFA program. Consuming instructions advance to the next instruction.
enum RegexInstruction: Sendable {
    case scalar(Unicode.Scalar)
    /// Matches when the case-folded input scalar equals the (folded) operand.
    case foldedScalar(Unicode.Scalar)
    case any
    case anyButLineTerminator
    case set(Int)
    /// Matches the set case-insensitively (see `RegexCharSet.contains`).
    case foldedSet(Int)
    case assert(RegexAssertion)
    /// Continue at both targets.
    case split(Int, Int)
    case jump(Int)
    case match
}

/// A compiled regular expression: a Thompson NFA executed by `RegexMatcher`.
struct RegexProgram: Sendable {
    static let maxInstructions = 100_000

    private(set) var instructions: [RegexInstruction] = []
    private(set) var sets: [RegexCharSet] = []
    private(set) var usesFolding = false

    init(_ node: RegexNode) throws(RegexSyntaxError) {
        try emit(node)
        instructions.append(.match)
        if instructions.count > Self.maxInstructions {
            throw RegexSyntaxError(message: "pattern too large (over \(Self.maxInstructions) instructions)", offset: 0)
        }
    }

    /// Number of instructions `node` compiles to, saturating just above the limit.
    static func size(of node: RegexNode) -> Int {
        let cap = maxInstructions + 1
        switch node {
        case .empty: return 0
        case .scalar, .any, .set, .assertion: return 1
        case .concat(let items): return min(cap, items.reduce(0) { min(cap, $0 + size(of: $1)) })
        case .alternate(let branches):
            return min(cap, branches.reduce(2 * (branches.count - 1)) { min(cap, $0 + size(of: $1)) })
        case .repeat(let body, let low, let high, _):
            let each = size(of: body)
            guard let high else { return min(cap, low == 0 ? each + 2 : low * each + 1) }
            return min(cap, low * each + (high - low) * (each + 1))
        }
    }

    @discardableResult
    private mutating func append(_ instruction: RegexInstruction) -> Int {
        instructions.append(instruction)
        return instructions.count - 1
    }

    private mutating func emit(_ node: RegexNode) throws(RegexSyntaxError) {
        switch node {
        case .empty: break
        case .scalar(let c, let fold):
            usesFolding = usesFolding || fold
            append(fold ? .foldedScalar(regexFoldCase(c)) : .scalar(c))
        case .any(let dotAll): append(dotAll ? .any : .anyButLineTerminator)
        case .set(let set, let fold):
            usesFolding = usesFolding || fold
            sets.append(set)
            append(fold ? .foldedSet(sets.count - 1) : .set(sets.count - 1))
        case .assertion(let assertion): append(.assert(assertion))
        case .concat(let items):
            for item in items { try emit(item) }
        case .alternate(let branches):
            var exits: [Int] = []
            for branch in branches.dropLast() {
                let split = append(.split(0, 0))
                try emit(branch)
                exits.append(append(.jump(0)))
                instructions[split] = .split(split + 1, instructions.count)
            }
            try emit(branches[branches.count - 1])
            for exit in exits { instructions[exit] = .jump(instructions.count) }
        case .repeat(let body, let low, let high, let offset):
            if instructions.count + Self.size(of: node) > Self.maxInstructions {
                throw RegexSyntaxError(
                    message: "repetition makes the pattern too large (over \(Self.maxInstructions) instructions)",
                    offset: offset)
            }
            try emitRepeat(body, low, high)
        }
    }

    private mutating func emitRepeat(_ body: RegexNode, _ low: Int, _ high: Int?) throws(RegexSyntaxError) {
        if Self.size(of: body) == 0 { return }  // e.g. `(){1000}`: nothing to emit, however often
        guard let high else {
            if low == 0 {  // L: split body, exit; body; jump L
                let loop = append(.split(0, 0))
                try emit(body)
                append(.jump(loop))
                instructions[loop] = .split(loop + 1, instructions.count)
            } else {  // body{low-1}, then L: body; split L, exit
                for _ in 1..<low { try emit(body) }
                let loop = instructions.count
                try emit(body)
                append(.split(loop, instructions.count + 1))
            }
            return
        }
        for _ in 0..<low { try emit(body) }
        var exits: [Int] = []
        for _ in low..<high {
            exits.append(append(.split(0, 0)))
            try emit(body)
        }
        for exit in exits { instructions[exit] = .split(exit + 1, instructions.count) }
    }
}
