/// A regular expression matched in time linear in the input (no backtracking).
///
/// Patterns use Java syntax (as Cypher's `=~` does): literals, `.`, bracketed classes with ranges,
/// negation, nesting and `&&`, `\d \w \s \h \v` and `\p{…}`, anchors and `\b`, groups, `|`,
/// greedy/lazy/possessive quantifiers and the inline flags `i s m x`. Back-references and
/// lookaround are rejected. Matching runs a Thompson NFA breadth-first (Pike VM), so the cost is
/// O(input length × program size) whatever the pattern; possessive quantifiers and atomic groups
/// are treated like greedy ones.
struct SafeRegex: Sendable {
    /// The source pattern.
    let pattern: String
    let program: RegexProgram

    init(_ pattern: String) throws(RegexSyntaxError) {
        self.pattern = pattern
        program = try RegexProgram(RegexParser.parse(pattern))
    }

    /// True when the whole of `text` matches (Cypher's `=~`).
    /// `check` runs every 4096 characters (a statement's Ctrl-C and limits).
    func matchesWhole(_ text: String, checking check: () throws(QueryError) -> Void = {}) throws(QueryError) -> Bool {
        var matcher = RegexMatcher(program: program, input: Array(text.unicodeScalars))
        return try matcher.run(check)
    }
}

/// A pattern that could not be compiled; `offset` counts Unicode scalars of the pattern.
struct RegexSyntaxError: Error, Sendable, Equatable, CustomStringConvertible {
    let message: String
    let offset: Int

    init(message: String, offset: Int) {
        self.message = message
        self.offset = offset
    }

    var description: String { "\(message) near index \(offset)" }
}

/// Breadth-first simulation of a `RegexProgram` over one input. Each step keeps the set of
/// instructions (threads) waiting to consume the next scalar; `marks` records the position at
/// which an instruction last joined a set, so each instruction runs at most once per position.
struct RegexMatcher {
    private let program: RegexProgram
    private let input: [Unicode.Scalar]
    private var marks: [Int]
    private var stack: [Int] = []

    init(program: RegexProgram, input: [Unicode.Scalar]) {
        self.program = program
        self.input = input
        marks = Array(repeating: -1, count: program.instructions.count)
    }

    mutating func run(_ check: () throws(QueryError) -> Void) throws(QueryError) -> Bool {
        let instructions = program.instructions
        var current: [Int] = [], next: [Int] = []
        addClosure(of: 0, at: 0, to: &current)
        for position in input.indices {
            if current.isEmpty { return false }
            if position & 4095 == 4095 { try check() }
            let c = input[position]
            var folded: Unicode.Scalar = c, foldedUpper: Unicode.Scalar = c
            if program.usesFolding {
                folded = regexFoldCase(c)
                foldedUpper = regexUppercase(folded)
            }
            next.removeAll(keepingCapacity: true)
            for pc in current {
                let accepted: Bool
                switch instructions[pc] {
                case .scalar(let s): accepted = s == c
                case .foldedScalar(let s): accepted = s == folded
                case .any: accepted = true
                case .anyButLineTerminator: accepted = !Self.isLineTerminator(c)
                case .set(let index): accepted = program.sets[index].contains(c)
                case .foldedSet(let index):
                    accepted = program.sets[index].contains(c, caseVariants: (folded, foldedUpper))
                case .match, .assert, .split, .jump: accepted = false
                }
                if accepted { addClosure(of: pc + 1, at: position + 1, to: &next) }
            }
            swap(&current, &next)
        }
        return current.contains(instructions.count - 1)
    }

    /// Adds `start` and everything reachable from it without consuming input to `list`.
    private mutating func addClosure(of start: Int, at position: Int, to list: inout [Int]) {
        stack.append(start)
        while let pc = stack.popLast() {
            if marks[pc] == position { continue }
            marks[pc] = position
            switch program.instructions[pc] {
            case .jump(let target): stack.append(target)
            case .split(let first, let second):
                stack.append(second)
                stack.append(first)
            case .assert(let assertion):
                if holds(assertion, at: position) { stack.append(pc + 1) }
            default: list.append(pc)
            }
        }
    }

    static func isLineTerminator(_ c: Unicode.Scalar) -> Bool {
        switch c.value {
        case 0x0A, 0x0D, 0x85, 0x2028, 0x2029: return true
        default: return false
        }
    }

    private static func isWordScalar(_ c: Unicode.Scalar) -> Bool {
        c == "_" || c.properties.isAlphabetic || c.properties.generalCategory == .decimalNumber
    }

    /// Java semantics: `$` without MULTILINE also matches before a final line terminator, and
    /// `^` with MULTILINE does not match after a terminator that ends the input.
    private func holds(_ assertion: RegexAssertion, at i: Int) -> Bool {
        let n = input.count
        let crlfSplit = i > 0 && i < n && input[i - 1] == "\r" && input[i] == "\n"
        switch assertion {
        case .textStart: return i == 0
        case .textEnd: return i == n
        case .textEndOrFinalTerminator:
            return i == n || (i == n - 1 && Self.isLineTerminator(input[i]))
                || (i == n - 2 && input[i] == "\r" && input[i + 1] == "\n")
        case .lineStart: return i == 0 || (i < n && Self.isLineTerminator(input[i - 1]) && !crlfSplit)
        case .lineEnd: return i == n || (Self.isLineTerminator(input[i]) && !crlfSplit)
        case .wordBoundary, .notWordBoundary:
            let before = i > 0 && Self.isWordScalar(input[i - 1])
            let after = i < n && Self.isWordScalar(input[i])
            return (before != after) == (assertion == .wordBoundary)
        }
    }
}
