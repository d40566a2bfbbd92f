/// The layout of a graph file (`docs/graph-file.md` describes it for readers of the bytes).
///
/// A 64-byte header, then sections, each a contiguous array or a small encoded record starting
/// at a multiple of 8, then a table of the sections (kind, element size, offset, length, XXH64
/// checksum) with a checksum of its own. Large arrays are written as they lie in memory and read
/// back straight into the arrays the graph uses, so opening copies each byte once. The adjacency
/// is not stored: rebuilding it from the relationship columns on open costs less than reading it.
enum GraphFileFormat {
    static let magic: [UInt8] = Array("QRYGRAPH".utf8)
    static let version: UInt32 = 1
    static let byteOrderMark: UInt32 = 0x0102_0304
    static let headerSize = 64
    static let tableEntrySize = 32

    enum Section: UInt32, CaseIterable {
        case names = 1
        case nodes, nodeAlive, labelMembers
        case relationships, relationshipTypes, relationshipStarts, relationshipEnds, relationshipAlive
        case columns, integers, codes, dictionary, heapBytes, heapStarts, heapLengths, values
        case indexes

        var title: String {
            switch self {
            case .names: return "names"
            case .nodes: return "node counts"
            case .nodeAlive: return "live nodes"
            case .labelMembers: return "label members"
            case .relationships: return "relationship counts"
            case .relationshipTypes: return "relationship types"
            case .relationshipStarts: return "relationship start nodes"
            case .relationshipEnds: return "relationship end nodes"
            case .relationshipAlive: return "live relationships"
            case .columns: return "property columns"
            case .integers: return "integer column"
            case .codes: return "dictionary codes"
            case .dictionary: return "dictionary strings"
            case .heapBytes: return "string heap"
            case .heapStarts: return "string heap starts"
            case .heapLengths: return "string heap lengths"
            case .values: return "value column"
            case .indexes: return "indexes"
            }
        }
    }

    /// One row of the section table.
    struct Entry {
        var section: Section
        var elementSize: Int
        var offset: Int
        var length: Int
        var checksum: UInt64
    }

    /// What the header says besides the layout.
    struct Identity: Equatable, Sendable {
        /// Made when the file is created and kept by every checkpoint: ties the journal to it.
        var fileID: [UInt8]
        /// The last journal record folded into the file.
        var sequence: UInt64

        static func fresh() -> Identity {
            Identity(fileID: (0..<16).map { _ in UInt8.random(in: 0...255) }, sequence: 0)
        }
    }
}

/// Column representations as numbered in the file.
extension PropertyColumn.Representation {
    var fileCode: UInt8 {
        switch self {
        case .empty: return 0
        case .integers: return 1
        case .codes: return 2
        case .heap: return 3
        case .mixed: return 4
        case .sparse: return 5
        case .temporal(let kind): return 16 + kind.rawValue
        }
    }

    init?(fileCode: UInt8) {
        switch fileCode {
        case 0: self = .empty
        case 1: self = .integers
        case 2: self = .codes
        case 3: self = .heap
        case 4: self = .mixed
        case 5: self = .sparse
        case 16...:
            guard let kind = TemporalKind(rawValue: fileCode - 16) else { return nil }
            self = .temporal(kind)
        default: return nil
        }
    }
}
