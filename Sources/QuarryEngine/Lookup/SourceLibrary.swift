import Foundation

/// The documents a dataset cites, declared in its `sources.json`: for each source key (the
/// `source` property of nodes and relationships) the document's title, its file name, the
/// folders to look for it in (relative to the dataset, and `$QUARRY_SOURCE_PATH`), and for
/// each paragraph number (the `para` property) the line that holds it. The documents are
/// read where they lie, never copied.
///
/// ```json
/// {"kabul-report": {"title": "...", "file": "report.txt", "folders": ["../../../shared/sources"],
///                   "paragraphs": {"1": 4, "2": 6}}}
/// ```
public struct SourceLibrary: Sendable {
    public struct Document: Sendable {
        public let key: String
        public let title: String
        public let file: String
        /// Where the file is looked for, in order (absolute paths).
        public let folders: [String]
        /// Paragraph number → line (1-based) in the file.
        public let paragraphs: [Int: Int]
    }

    public let documents: [String: Document]

    /// A cited passage, read from its document.
    public struct Passage: Sendable {
        public let text: String
        public let path: String
        public let line: Int
    }

    /// What looking up a citation found.
    public enum Lookup: Sendable {
        case found(Passage)
        /// The document is declared but is not on this disk.
        case missing(title: String, file: String, lookedIn: [String])
        /// The source key is not declared, or the document has no such paragraph.
        case unknown(String)
    }

    /// The library of the dataset in `folder` (nil when it declares no sources). With `confined`
    /// (a dataset that did not come with Quarry) documents are looked for only inside its folder
    /// and on `$QUARRY_SOURCE_PATH`.
    public static func load(datasetFolder folder: String, confined: Bool) throws(QueryError) -> SourceLibrary? {
        let path = folder + "/sources.json"
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        let bytes = try InputFile.bytes(path)
        guard let object = try? JSONSerialization.jsonObject(with: Data(bytes)), let entries = object as? [String: Any] else {
            throw .storage(path, "cannot read", reason: "it is not a JSON object of sources")
        }
        let extra = (ProcessInfo.processInfo.environment["QUARRY_SOURCE_PATH"] ?? "").split(separator: ":").map(String.init)
        var documents: [String: Document] = [:]
        for (key, value) in entries {
            guard let entry = value as? [String: Any], let file = entry["file"] as? String else {
                throw .storage(path, "cannot read", reason: "source '\(key)' has no \"file\"")
            }
            var folders = ((entry["folders"] as? [String]) ?? ["."]).map { URL(fileURLWithPath: folder).appendingPathComponent($0).standardized.path }
            if confined { folders = folders.filter { FolderConfinement.contains(folder, $0) } }
            var paragraphs: [Int: Int] = [:]
            for (number, line) in (entry["paragraphs"] as? [String: Any]) ?? [:] {
                if let n = Int(number), let l = line as? Int { paragraphs[n] = l }
            }
            documents[key] = Document(key: key, title: entry["title"] as? String ?? key, file: file, folders: folders + extra, paragraphs: paragraphs)
        }
        return SourceLibrary(documents: documents)
    }

    /// The passage `source` cites at paragraph `para` (or at `line` of the document).
    public func passage(source: String, para: Int?, line: Int? = nil) -> Lookup {
        guard let document = documents[source] else { return .unknown("no document is declared for the source '\(source)'") }
        let wanted: Int
        if let para {
            guard let l = document.paragraphs[para] else { return .unknown("\(document.title) has no paragraph \(para) in its declaration") }
            wanted = l
        } else if let line {
            wanted = line
        } else {
            return .unknown("the citation names no paragraph or line")
        }
        let candidates = document.folders.map { $0 + "/" + document.file }
        guard let path = candidates.first(where: { FileManager.default.isReadableFile(atPath: $0) }) else {
            return .missing(title: document.title, file: document.file, lookedIn: document.folders)
        }
        guard let text = try? InputFile.text(path) else { return .missing(title: document.title, file: document.file, lookedIn: [path]) }
        var number = 0
        for l in text.split(separator: "\n", omittingEmptySubsequences: false) {
            number += 1
            if number == wanted { return .found(Passage(text: String(l).trimmingCharacters(in: .whitespaces), path: path, line: wanted)) }
        }
        return .unknown("\(path) has \(number) lines, not \(wanted)")
    }
}

extension SourceLibrary {
    /// The passage behind an element with `source` and `para` (or `line`) properties.
    func passage(citedBy properties: (String) -> Value) -> Lookup? {
        guard case .string(let source) = properties("source") else { return nil }
        var para: Int?, line: Int?
        if case .int(let p) = properties("para") { para = Int(p) }
        if case .int(let l) = properties("line") { line = Int(l) }
        return passage(source: source, para: para, line: line)
    }
}
