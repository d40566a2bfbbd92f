/// A pull reader for the XML that graph exchange formats use (GraphML): elements, attributes,
/// text, CDATA, comments, processing instructions, and a DOCTYPE whose internal subset may
/// declare entities. Foundation's `XMLParser` is not used: on Linux it drops the text of declared
/// entities, stops at 10 MB given in one piece, and traps on some malformed names.
///
/// Reading is linear in the input; entity expansion is bounded (`expansionLimit`), so an
/// entity-expansion bomb is refused instead of filling memory. Only UTF-8 is read; external
/// entities and DTDs are never fetched.
struct XMLReader {
    enum Event: Equatable {
        case start(name: String, attributes: [String: String])
        case end(name: String)
        case text(String)
    }

    private let bytes: [UInt8]
    private let file: String
    private var position = 0
    /// Where the last event began, for error messages.
    private(set) var eventOffset = 0
    private var open: [String] = []
    private var sawRoot = false
    private var pendingEnd: String?
    private var entities: [String: Entity] = [:]
    private var expanded = 0
    private let expansionLimit: Int
    private var lines = LineCounter()

    private enum Entity {
        case declared([UInt8])
        case external
    }

    init(bytes: [UInt8], file: String) {
        self.bytes = bytes
        self.file = file
        expansionLimit = max(16 << 20, bytes.count * 4)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { position = 3 }
    }

    /// The 1-based line and column of `offset`.
    mutating func place(_ offset: Int) -> (line: Int, column: Int) { lines.place(of: offset, in: bytes) }

    mutating func error(_ what: String, at offset: Int? = nil) -> QueryError {
        let (line, column) = place(offset ?? eventOffset)
        return .csv(what, file: file, line: line, column: column)
    }

    /// The next event, or nil at the end of a well-formed document.
    mutating func next() throws(QueryError) -> Event? {
        if let name = pendingEnd {
            pendingEnd = nil
            return try close(name)
        }
        while position < bytes.count {
            eventOffset = position
            if bytes[position] != UInt8(ascii: "<") {
                let text = try characterData()
                if open.isEmpty {
                    guard text.allSatisfy({ $0 == " " || $0 == "\n" || $0 == "\t" }) else {
                        throw error(sawRoot ? "text after the root element" : "text before the root element")
                    }
                    continue
                }
                return .text(text)
            }
            if starts("<?") {
                try processingInstruction()
            } else if starts("<!--") {
                try skip(opener: 4, past: "-->", what: "comment")
            } else if starts("<![CDATA[") {
                guard !open.isEmpty else { throw error("CDATA outside the root element") }
                position += 9
                let start = position
                try skip(past: "]]>", what: "CDATA section")
                return .text(normalizedLineEnds(bytes[start..<position - 3]))
            } else if starts("<!DOCTYPE") {
                guard !sawRoot else { throw error("a DOCTYPE after the root element") }
                try doctype()
            } else if starts("</") {
                position += 2
                let name = try self.name()
                skipSpace()
                try expect(">")
                return try close(name)
            } else {
                return try startTag()
            }
        }
        if let element = open.last { throw error("the element <\(element)> is never closed", at: bytes.count) }
        guard sawRoot else { throw error("no root element: the file holds no XML", at: bytes.count) }
        return nil
    }

    private mutating func close(_ name: String) throws(QueryError) -> Event {
        guard let top = open.last else { throw error("</\(name)> closes no element") }
        guard top == name else { throw error("</\(name)> closes <\(top)>") }
        open.removeLast()
        return .end(name: name)
    }

    private mutating func startTag() throws(QueryError) -> Event {
        guard open.isEmpty ? !sawRoot : true else { throw error("a second root element") }
        position += 1
        let name = try self.name()
        var attributes: [String: String] = [:]
        while true {
            let hadSpace = skipSpace()
            if starts("/>") {
                position += 2
                pendingEnd = name
                break
            }
            if starts(">") {
                position += 1
                break
            }
            guard position < bytes.count else { throw error("the tag <\(name)> is never closed") }
            guard hadSpace else { throw error("expected a space, '>' or '/>' in the tag <\(name)>", at: position) }
            let attributeOffset = position
            let attribute = try self.name()
            skipSpace()
            try expect("=")
            skipSpace()
            let value = try attributeValue()
            guard attributes.updateValue(value, forKey: attribute) == nil else {
                throw error("the attribute \(attribute) appears twice in <\(name)>", at: attributeOffset)
            }
        }
        open.append(name)
        sawRoot = true
        return .start(name: name, attributes: attributes)
    }

    // MARK: Pieces

    private func starts(_ literal: StaticString) -> Bool {
        let count = literal.utf8CodeUnitCount
        guard position + count <= bytes.count else { return false }
        let start = literal.utf8Start
        for i in 0..<count where bytes[position + i] != start[i] { return false }
        return true
    }

    private mutating func expect(_ literal: StaticString) throws(QueryError) {
        guard starts(literal) else { throw error("expected '\(literal)'", at: position) }
        position += literal.utf8CodeUnitCount
    }

    @discardableResult
    private mutating func skipSpace() -> Bool {
        let start = position
        while position < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[position]) { position += 1 }
        return position > start
    }

    /// Moves past the opener (`opener` bytes: `<!--` is 4), then past the next `terminator`.
    private mutating func skip(opener: Int = 0, past terminator: StaticString, what: String) throws(QueryError) {
        position += opener
        while position < bytes.count {
            if starts(terminator) {
                position += terminator.utf8CodeUnitCount
                return
            }
            position += 1
        }
        throw error("the \(what) is never closed")
    }

    private static func isNameByte(_ b: UInt8, first: Bool) -> Bool {
        switch b {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "_"), UInt8(ascii: ":"), 0x80...: return true
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."): return !first
        default: return false
        }
    }

    private mutating func name() throws(QueryError) -> String {
        let start = position
        while position < bytes.count, Self.isNameByte(bytes[position], first: position == start) { position += 1 }
        guard position > start else { throw error("expected a name", at: position) }
        return String(decoding: bytes[start..<position], as: UTF8.self)
    }

    private mutating func quoted() throws(QueryError) -> ArraySlice<UInt8> {
        guard position < bytes.count, bytes[position] == UInt8(ascii: "\"") || bytes[position] == UInt8(ascii: "'") else {
            throw error("expected a quoted value", at: position)
        }
        let quote = bytes[position]
        let start = position + 1
        guard let end = bytes[start...].firstIndex(of: quote) else { throw error("a quoted value is never closed", at: position) }
        position = end + 1
        return bytes[start..<end]
    }

    private func normalizedLineEnds(_ raw: ArraySlice<UInt8>) -> String {
        guard raw.contains(0x0D) else { return String(decoding: raw, as: UTF8.self) }
        var out: [UInt8] = []
        out.reserveCapacity(raw.count)
        var i = raw.startIndex
        while i < raw.endIndex {
            if raw[i] == 0x0D {
                out.append(0x0A)
                if i + 1 < raw.endIndex, raw[i + 1] == 0x0A { i += 1 }
            } else {
                out.append(raw[i])
            }
            i += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    // MARK: Text and references

    private mutating func characterData() throws(QueryError) -> String {
        let start = position
        while position < bytes.count, bytes[position] != UInt8(ascii: "<") { position += 1 }
        let raw = bytes[start..<position]
        guard raw.contains(UInt8(ascii: "&")) else { return normalizedLineEnds(raw) }
        var out: [UInt8] = []
        try expandReferences(raw, into: &out, active: [])
        return normalizedLineEnds(out[...])
    }

    private mutating func attributeValue() throws(QueryError) -> String {
        let valueOffset = position
        let raw = try quoted()
        if raw.contains(UInt8(ascii: "<")) { throw error("'<' inside an attribute value", at: valueOffset) }
        // Attribute-value normalisation: each literal line break or tab is a space (a character
        // reference such as &#10; keeps its character).
        var literal: [UInt8] = []
        literal.reserveCapacity(raw.count)
        var previous: UInt8 = 0
        for b in raw {
            if !(b == 0x0A && previous == 0x0D) { literal.append([0x09, 0x0A, 0x0D].contains(b) ? 0x20 : b) }
            previous = b
        }
        var out: [UInt8] = []
        try expandReferences(literal[...], into: &out, active: [])
        return String(decoding: out, as: UTF8.self)
    }

    /// Copies `raw` into `out`, replacing character and entity references.
    private mutating func expandReferences(_ raw: ArraySlice<UInt8>, into out: inout [UInt8], active: [String]) throws(QueryError) {
        var i = raw.startIndex
        while i < raw.endIndex {
            guard raw[i] == UInt8(ascii: "&") else {
                out.append(raw[i])
                i += 1
                continue
            }
            guard let semicolon = raw[i...].firstIndex(of: UInt8(ascii: ";")), semicolon > i + 1 else {
                throw error("'&' that starts no reference (write &amp;)", at: active.isEmpty ? i : nil)
            }
            let reference = String(decoding: raw[(i + 1)..<semicolon], as: UTF8.self)
            let referenceOffset = active.isEmpty ? i : eventOffset
            i = semicolon + 1
            if reference.hasPrefix("#") {
                let digits = reference.dropFirst()
                let value = digits.hasPrefix("x") ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits, radix: 10)
                guard let value, let scalar = Unicode.Scalar(value), value >= 0x20 || [0x09, 0x0A, 0x0D].contains(value) else {
                    throw error("&\(reference); is not a character XML can hold", at: referenceOffset)
                }
                out.append(contentsOf: Array(String(Character(scalar)).utf8))
                continue
            }
            switch reference {
            case "lt": out.append(UInt8(ascii: "<"))
            case "gt": out.append(UInt8(ascii: ">"))
            case "amp": out.append(UInt8(ascii: "&"))
            case "apos": out.append(UInt8(ascii: "'"))
            case "quot": out.append(UInt8(ascii: "\""))
            default:
                switch entities[reference] {
                case nil: throw error("the entity &\(reference); is not declared", at: referenceOffset)
                case .external:
                    throw error("the external entity &\(reference); is not read (only this file is)", at: referenceOffset)
                case .declared(let replacement):
                    guard !active.contains(reference) else { throw error("the entity &\(reference); refers to itself", at: referenceOffset) }
                    guard active.count < 32 else { throw error("entities nested more than 32 deep", at: referenceOffset) }
                    if replacement.contains(UInt8(ascii: "<")) {
                        throw error("the entity &\(reference); holds markup, which is not read", at: referenceOffset)
                    }
                    expanded += replacement.count
                    guard expanded <= expansionLimit else {
                        throw error("entities expand to more than \(expansionLimit >> 20) MB (an entity-expansion bomb?); refused", at: referenceOffset)
                    }
                    try expandReferences(replacement[...], into: &out, active: active + [reference])
                }
            }
        }
    }

    // MARK: Prolog

    private mutating func processingInstruction() throws(QueryError) {
        let start = position
        try skip(opener: 2, past: "?>", what: "processing instruction")
        let body = String(decoding: bytes[(start + 2)..<(position - 2)], as: UTF8.self)
        guard body.hasPrefix("xml ") || body == "xml", let range = body.range(of: "encoding") else { return }
        let rest = body[range.upperBound...].drop { $0 == " " || $0 == "=" || $0 == "\"" || $0 == "'" }
        let encoding = rest.prefix { $0 != "\"" && $0 != "'" && $0 != " " }.lowercased()
        guard ["utf-8", "utf8", "us-ascii", "ascii"].contains(encoding) else {
            throw error("the file says its encoding is \(encoding); only UTF-8 is read (convert it with iconv)", at: start)
        }
    }

    private mutating func doctype() throws(QueryError) {
        position += 9
        skipSpace()
        _ = try name()
        skipSpace()
        if starts("SYSTEM") || starts("PUBLIC") {
            position += 6
            skipSpace()
            _ = try quoted()
            skipSpace()
            if position < bytes.count, bytes[position] == UInt8(ascii: "\"") || bytes[position] == UInt8(ascii: "'") { _ = try quoted() }
            skipSpace()
        }
        if starts("[") {
            position += 1
            try internalSubset()
        }
        skipSpace()
        try expect(">")
    }

    private mutating func internalSubset() throws(QueryError) {
        while true {
            skipSpace()
            guard position < bytes.count else { throw error("the DOCTYPE is never closed") }
            if starts("]") {
                position += 1
                return
            }
            if starts("<!--") {
                try skip(opener: 4, past: "-->", what: "comment")
            } else if starts("<?") {
                try skip(opener: 2, past: "?>", what: "processing instruction")
            } else if starts("<!ENTITY") {
                try entityDeclaration()
            } else if starts("<!") {
                try skipDeclaration()
            } else if starts("%") {
                try skip(past: ";", what: "parameter-entity reference")
            } else {
                throw error("unexpected text in the DOCTYPE", at: position)
            }
        }
    }

    private mutating func entityDeclaration() throws(QueryError) {
        let declarationOffset = position
        position += 8
        skipSpace()
        if starts("%") { return try skipDeclaration() }
        let entity = try name()
        skipSpace()
        let value: Entity
        if starts("SYSTEM") || starts("PUBLIC") {
            value = .external
        } else {
            let literal = try quoted()
            if literal.contains(UInt8(ascii: "%")) {
                throw error("parameter entities inside an entity value are not read", at: declarationOffset)
            }
            value = .declared(Array(literal))
        }
        // The first declaration of a name is the binding one.
        if entities[entity] == nil { entities[entity] = value }
        try skipDeclaration()
    }

    /// Moves past the `>` ending a declaration, stepping over quoted strings.
    private mutating func skipDeclaration() throws(QueryError) {
        while position < bytes.count {
            switch bytes[position] {
            case UInt8(ascii: ">"):
                position += 1
                return
            case UInt8(ascii: "\""), UInt8(ascii: "'"):
                _ = try quoted()
            default:
                position += 1
            }
        }
        throw error("a declaration in the DOCTYPE is never closed")
    }
}

/// Turns byte offsets into lines and columns, moving forward only (offsets asked for mostly grow).
struct LineCounter {
    private var offset = 0
    private var line = 1
    private var lineStart = 0

    mutating func place(of target: Int, in bytes: [UInt8]) -> (line: Int, column: Int) {
        if target < offset { self = LineCounter() }
        let end = min(target, bytes.count)
        while offset < end {
            if bytes[offset] == 0x0A {
                line += 1
                lineStart = offset + 1
            }
            offset += 1
        }
        let column = bytes[lineStart..<end].reduce(1) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
        return (line, column)
    }
}
