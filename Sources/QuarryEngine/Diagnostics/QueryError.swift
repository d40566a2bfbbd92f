import Foundation

/// The error classes of the openCypher TCK.
public enum ErrorClass: String, Sendable {
    case syntaxError = "SyntaxError"
    case semanticError = "SemanticError"
    case parameterMissing = "ParameterMissing"
    case typeError = "TypeError"
    case argumentError = "ArgumentError"
    case arithmeticError = "ArithmeticError"
    case entityNotFound = "EntityNotFound"
    case constraintVerificationFailed = "ConstraintVerificationFailed"
    case constraintValidationFailed = "ConstraintValidationFailed"
    case runtimeError = "RuntimeError"
    case importError = "ImportError"
    case storageError = "StorageError"
    case cancelled = "Cancelled"
    case procedureError = "ProcedureError"
}

/// Every error a user can cause: a class and TCK detail code, a message, and where it happened.
public struct QueryError: Error, Sendable, CustomStringConvertible {
    public let errorClass: ErrorClass
    public let detail: String
    public let message: String
    public var range: SourceRange?
    public var hint: String?
    /// For errors in a data file (CSV, JSON Lines, GraphML, DOT): where, to show the line.
    public var fileLocation: FileLocation?

    public init(_ errorClass: ErrorClass, _ detail: String, _ message: String,
                at range: SourceRange? = nil, hint: String? = nil) {
        self.errorClass = errorClass
        self.detail = detail
        self.message = message
        self.range = range
        self.hint = hint
    }

    /// `SyntaxError: UndefinedVariable: ...`, with the hint when there is one.
    public var description: String {
        var s = "\(errorClass.rawValue): \(detail): \(message)"
        if let hint { s += " (\(hint))" }
        return s
    }

    /// The full display: `FILE:LINE:COL: message`, the source line, and a caret under the spot.
    /// `baseOffset` locates the statement inside `text` (a script holding several statements).
    public func rendered(in text: String, file: String? = nil, baseOffset: Int = 0) -> String {
        let statement = SourceDisplay.render(description, range: range, in: text, file: file, baseOffset: baseOffset)
        guard let fileLocation, let shown = fileLocation.excerpt() else { return statement }
        return statement + "\n" + shown
    }
}

/// A place in a data file; the offending line is read back only to show the error.
public struct FileLocation: Sendable, Equatable {
    public let path: String
    public let line: Int
    public let column: Int

    /// The line of the file and a caret under the column, or nil when the file cannot be read.
    public func excerpt() -> String? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        guard line >= 1, line <= lines.count else { return nil }
        var text = String(lines[line - 1])
        if text.hasSuffix("\r") { text.removeLast() }
        if text.count > 160 { text = String(text.prefix(160)) + "…" }
        let pad = String(repeating: " ", count: max(0, min(column - 1, text.count)))
        return "  \(text)\n  \(pad)^"
    }
}

/// Something worth telling that is not an error: a label, type or property key the graph has
/// never seen (probably a typo).
public struct Notice: Sendable, CustomStringConvertible {
    public let message: String
    public let range: SourceRange?
    /// Why a statement found nothing (the shell's `:hints off` hides these), not a warning about
    /// the statement itself.
    public var isHint = false

    public var description: String { "warning: " + message }

    public func rendered(in text: String, file: String? = nil, baseOffset: Int = 0) -> String {
        SourceDisplay.render(description, range: range, in: text, file: file, baseOffset: baseOffset)
    }
}

/// Messages shown with their place in the source: `FILE:LINE:COL: message`, the line, a caret.
package enum SourceDisplay {
    package static func render(_ message: String, range: SourceRange?, in text: String, file: String?, baseOffset: Int) -> String {
        guard let range else {
            return (file.map { "\($0): " } ?? "") + message
        }
        let loc = SourceLocation(offset: baseOffset + range.start, in: text)
        let prefix = file.map { "\($0):\(loc.line):\(loc.column): " } ?? "line \(loc.line), column \(loc.column): "
        let bytes = Array(text.utf8)
        let endOffset = min(bytes.count, baseOffset + range.end)
        let startOffset = min(bytes.count, baseOffset + range.start)
        let spanText = String(decoding: bytes[startOffset..<endOffset], as: UTF8.self)
        let firstLine = spanText.split(separator: "\n", omittingEmptySubsequences: false).first ?? ""
        var line = Array(loc.lineText)
        var column = loc.column
        // A very long line is shown as a window around the spot.
        if line.count > 160 {
            let from = max(0, column - 1 - 70), to = min(line.count, column - 1 + 70)
            line = (from > 0 ? ["…"] : []) + Array(line[from..<to]) + (to < line.count ? ["…"] : [])
            column -= from - (from > 0 ? 1 : 0)
        }
        let width = max(1, min(firstLine.count, line.count - column + 1))
        let pad = String(line.prefix(column - 1).map { $0 == "\t" ? "\t" : " " })
        return "\(prefix)\(message)\n  \(String(line))\n  \(pad)\(String(repeating: "^", count: width))"
    }
}

/// Runs `body`, giving an error that has no place in the query the place `range`.
@inline(__always)
func placed<T>(at range: SourceRange, _ body: () throws(QueryError) -> T) throws(QueryError) -> T {
    do {
        return try body()
    } catch {
        throw error.placed(at: range)
    }
}

extension QueryError {
    /// The error, at `range` when it has no place in the query yet.
    func placed(at range: SourceRange) -> QueryError {
        var placedError = self
        if placedError.range == nil { placedError.range = range }
        return placedError
    }
}
