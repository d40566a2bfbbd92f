/// The values of one property key for nodes (or relationships), indexed by element id.
///
/// Storage starts at the lowest id that ever held the key, so keys used by one label of a graph
/// imported label by label cost memory only over that label's id range. The representation
/// follows the values: integers in an `Int64` array, repeated strings as dictionary codes, other
/// strings in a byte heap, values of one temporal type as words (`TemporalKind`), anything else
/// (or a mix) as `Value`s. A key held by few elements spread
/// over many ids (fewer than one in 16) is `sparse`, a dictionary by id, so that a column costs
/// what it holds rather than the span of its ids. A missing value is null.
struct PropertyColumn: Sendable {
    enum Representation: Sendable, Equatable { case empty, integers, codes, heap, temporal(TemporalKind), mixed, sparse }

    /// A dense column would be mostly empty past this span: it turns sparse.
    static let sparseSpan = 4096

    /// Marks a missing integer; storing this very value turns the column into `mixed`.
    static let absentInteger = Int64.min
    /// A dictionary this large that holds more than a quarter of the values is not worth it.
    static let dictionaryLimit = 1 << 16

    private(set) var representation = Representation.empty
    private(set) var base = 0
    /// Ids `base ..< base + length` have storage.
    private(set) var length = 0
    private(set) var integers: [Int64] = []
    private(set) var codes: [UInt32] = []
    private(set) var dictionary = StringDictionary()
    private(set) var heap = StringHeap()
    /// `.temporal(kind)`: `kind.wordsPerValue` words per id.
    private(set) var words: [Int64] = []
    private(set) var values: [Value] = []
    /// `.sparse`: the values by id (never null); `base` and `length` still span their ids.
    private(set) var sparse: [Int: Value] = [:]
    private(set) var count = 0

    init() {}

    /// A column as a graph file holds it (the reader checks the parts fit together).
    init(representation: Representation, base: Int, length: Int, count: Int, integers: [Int64] = [], codes: [UInt32] = [],
         dictionary: StringDictionary = StringDictionary(), heap: StringHeap = StringHeap(), words: [Int64] = [],
         values: [Value] = [], sparse: [Int: Value] = [:]) {
        self.representation = representation
        self.base = base
        self.length = length
        self.count = count
        self.integers = integers
        self.codes = codes
        self.dictionary = dictionary
        self.heap = heap
        self.words = words
        self.values = values
        self.sparse = sparse
    }

    @inline(__always)
    func get(_ id: Int) -> Value {
        let i = id - base
        guard i >= 0 && i < length else { return .null }
        switch representation {
        case .empty: return .null
        case .integers:
            let x = integers[i]
            return x == Self.absentInteger ? .null : .int(x)
        case .codes:
            return dictionary.value(codes[i])
        case .heap: return heap.string(i).map(Value.string) ?? .null
        case .temporal(let kind): return kind.decode(words, at: i)
        case .mixed: return values[i]
        case .sparse: return sparse[id] ?? .null
        }
    }

    /// The dictionary code at `id` (0 for null), when the column stores codes.
    @inline(__always)
    func code(_ id: Int) -> UInt32 {
        let i = id - base
        return i >= 0 && i < length ? codes[i] : 0
    }

    /// The integer at `id` (`absentInteger` for null), when the column stores integers.
    @inline(__always)
    func integer(_ id: Int) -> Int64 {
        let i = id - base
        return i >= 0 && i < length ? integers[i] : Self.absentInteger
    }

    mutating func set(_ id: Int, _ value: Value) {
        if representation == .sparse { return setSparse(id, value) }
        let span = spanAfter(id)
        if !value.isNull, span > length, span > Self.sparseSpan, count * 16 < span {
            becomeSparse()
            return setSparse(id, value)
        }
        if length == 0 {
            if value.isNull { return }
            base = id
        }
        if !accepts(value) { becomeMixed() }
        if id < base {
            if value.isNull { return }
            pad(front: base - id)
            base = id
        }
        let i = id - base
        if i >= length {
            if value.isNull { return }
            pad(back: i - length + 1)
        }
        let wasNull = isNull(i)
        store(value, at: i)
        count += (wasNull ? 0 : -1) + (value.isNull ? 0 : 1)
    }

    /// Sets values for the consecutive ids `first ..< first + new.count` (bulk import).
    mutating func append(first: Int, _ new: [Value]) {
        if length == 0, let firstValue = new.first(where: { !$0.isNull }) {
            // Start from the representation the first value asks for, with all the room needed.
            base = first
            if !accepts(firstValue) { becomeMixed() }
            pad(back: new.count)
        }
        for (j, v) in new.enumerated() { set(first + j, v) }
    }

    /// How many ids the column would span with `id` in it.
    private func spanAfter(_ id: Int) -> Int {
        guard length > 0 else { return 1 }
        return id < base ? length + (base - id) : max(length, id - base + 1)
    }

    private mutating func setSparse(_ id: Int, _ value: Value) {
        if value.isNull {
            if sparse.removeValue(forKey: id) != nil { count -= 1 }
            return
        }
        if sparse.updateValue(value, forKey: id) == nil { count += 1 }
        defer { if count > Self.sparseSpan && count * 4 > length { becomeDense() } }
        if length == 0 {
            base = id
            length = 1
        } else if id < base {
            length += base - id
            base = id
        } else if id >= base + length {
            length = id - base + 1
        }
    }

    private mutating func becomeSparse() {
        var byID: [Int: Value] = [:]
        for i in 0..<length where !isNull(i) { byID[base + i] = get(base + i) }
        integers = []
        codes = []
        dictionary = StringDictionary()
        heap = StringHeap()
        words = []
        values = []
        sparse = byID
        representation = .sparse
    }

    /// Back to a dense column once most ids of the span hold a value.
    private mutating func becomeDense() {
        let byID = sparse
        let first = base
        var dense = [Value](repeating: .null, count: length)
        for (id, v) in byID { dense[id - first] = v }
        self = PropertyColumn()
        append(first: first, dense)
    }

    private func isNull(_ i: Int) -> Bool {
        switch representation {
        case .empty: return true
        case .integers: return integers[i] == Self.absentInteger
        case .codes: return codes[i] == 0
        case .heap: return heap.isAbsent(i)
        case .temporal(let kind): return words[i * kind.wordsPerValue] == Self.absentInteger
        case .mixed: return values[i].isNull
        case .sparse: return sparse[base + i] == nil
        }
    }

    /// True when the current representation can hold the value (an empty column takes the
    /// representation of its first value).
    private mutating func accepts(_ value: Value) -> Bool {
        if representation == .empty {
            switch value {
            case .null: return true
            case .int(let x) where x != Self.absentInteger: representation = .integers
            case .string: representation = .codes
            default: representation = TemporalKind(of: value).map(Representation.temporal) ?? .mixed
            }
            return true
        }
        switch (representation, value) {
        case (_, .null), (.mixed, _), (.sparse, _), (.codes, .string), (.heap, .string): return true
        case (.integers, .int(let x)): return x != Self.absentInteger
        case (.temporal(let kind), _): return TemporalKind(of: value) == kind
        default: return false
        }
    }

    private mutating func store(_ value: Value, at i: Int) {
        switch representation {
        case .empty: return
        case .integers:
            if case .int(let x) = value { integers[i] = x } else { integers[i] = Self.absentInteger }
        case .codes:
            guard case .string(let s) = value else { codes[i] = 0; return }
            codes[i] = dictionary.intern(s)
            if dictionary.count > Self.dictionaryLimit && dictionary.count * 4 > count { becomeHeap() }
        case .heap:
            guard case .string(let s) = value else { heap.setAbsent(i); return }
            if !heap.set(i, s) {
                becomeMixed()
                values[i] = value
            }
        case .temporal(let kind):
            if value.isNull {
                words[i * kind.wordsPerValue] = Self.absentInteger
            } else if !kind.encode(value, into: &words, at: i) {
                becomeMixed()
                values[i] = value
            }
        case .mixed:
            values[i] = value
        case .sparse:
            // `set` stores into a sparse column itself.
            break
        }
    }

    /// Drops the storage of ids from `limit` on (the statement that created those elements was
    /// taken back).
    mutating func truncate(below limit: Int) {
        let keep = max(0, limit - base)
        guard keep < length else { return }
        let n = length - keep
        if representation == .sparse {
            let dropped = sparse.keys.filter { $0 >= limit }
            for id in dropped { sparse[id] = nil }
            count -= dropped.count
        } else {
            for i in keep..<length where !isNull(i) { count -= 1 }
        }
        switch representation {
        case .empty, .sparse: break
        case .integers: integers.removeLast(n)
        case .codes: codes.removeLast(n)
        case .heap: heap.removeLast(n)
        case .temporal(let kind): words.removeLast(n * kind.wordsPerValue)
        case .mixed: values.removeLast(n)
        }
        length = keep
    }

    private mutating func pad(front n: Int) {
        switch representation {
        case .empty: break
        case .integers: integers.insert(contentsOf: repeatElement(Self.absentInteger, count: n), at: 0)
        case .codes: codes.insert(contentsOf: repeatElement(0, count: n), at: 0)
        case .heap: heap.pad(front: n)
        case .temporal(let kind): words.insert(contentsOf: Self.absentWords(n, kind), at: 0)
        case .mixed: values.insert(contentsOf: repeatElement(Value.null, count: n), at: 0)
        case .sparse: break
        }
        length += n
    }

    private mutating func pad(back n: Int) {
        switch representation {
        case .empty: break
        case .integers: integers.append(contentsOf: repeatElement(Self.absentInteger, count: n))
        case .codes: codes.append(contentsOf: repeatElement(0, count: n))
        case .heap: heap.pad(back: n)
        case .temporal(let kind): words.append(contentsOf: Self.absentWords(n, kind))
        case .mixed: values.append(contentsOf: repeatElement(Value.null, count: n))
        case .sparse: break
        }
        length += n
    }

    /// `n` missing values of `kind`: each value's first word marks it absent.
    private static func absentWords(_ n: Int, _ kind: TemporalKind) -> [Int64] {
        var out = [Int64](repeating: 0, count: n * kind.wordsPerValue)
        for i in 0..<n { out[i * kind.wordsPerValue] = absentInteger }
        return out
    }

    private mutating func becomeHeap() {
        var h = StringHeap()
        h.pad(back: length)
        for i in 0..<length where codes[i] != 0 {
            if !h.set(i, dictionary.string(codes[i])) { return becomeMixed() }
        }
        heap = h
        codes = []
        dictionary = StringDictionary()
        representation = .heap
    }

    private mutating func becomeMixed() {
        guard representation != .mixed else { return }
        if representation != .empty { values = (0..<length).map { get(base + $0) } }
        integers = []
        codes = []
        dictionary = StringDictionary()
        heap = StringHeap()
        words = []
        representation = .mixed
    }
}
