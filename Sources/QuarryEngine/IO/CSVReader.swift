import Foundation

/// An RFC 4180 reader: quoted fields with doubled quotes and embedded newlines, any one-byte
/// delimiter, CRLF or LF. Reports the line and column of what it cannot read.
public struct CSVReader {
    public struct Record {
        public let fields: [String?]
        /// 1-based line where the record starts.
        public let line: Int
    }

    let bytes: [UInt8]
    let delimiter: UInt8
    let file: String
    var position = 0
    var line = 1

    public init(data: [UInt8], delimiter: UInt8 = UInt8(ascii: ","), file: String) {
        var start = 0
        if data.count >= 3, data[0] == 0xEF, data[1] == 0xBB, data[2] == 0xBF { start = 3 }
        bytes = Array(data[start...])
        self.delimiter = delimiter
        self.file = file
    }

    public static func open(path: String, delimiter: UInt8 = UInt8(ascii: ",")) throws(QueryError) -> CSVReader {
        guard let data = FileManager.default.contents(atPath: path) else {
            var isDir: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDir) {
                throw .file(isDir.boolValue ? "is a folder, not a file" : "cannot be read", path: path)
            }
            throw .file("no such file", path: path)
        }
        guard String(data: data, encoding: .utf8) != nil else { throw .file("is not UTF-8 text", path: path) }
        return CSVReader(data: [UInt8](data), delimiter: delimiter, file: path)
    }

    /// The next record; an empty field (nothing between delimiters) is nil, `""` is the empty string.
    public mutating func next() throws(QueryError) -> Record? {
        guard position < bytes.count else { return nil }
        let startLine = line
        var fields: [String?] = []
        var lineStart = position
        while true {
            if position < bytes.count, bytes[position] == UInt8(ascii: "\"") {
                let quoteLine = line, quoteColumn = position - lineStart + 1
                position += 1
                var field: [UInt8] = []
                while true {
                    guard position < bytes.count else {
                        throw .csv("the quoted field that starts here is never closed", file: file, line: quoteLine, column: quoteColumn)
                    }
                    let c = bytes[position]
                    if c == UInt8(ascii: "\"") {
                        if position + 1 < bytes.count, bytes[position + 1] == UInt8(ascii: "\"") {
                            field.append(c)
                            position += 2
                            continue
                        }
                        position += 1
                        break
                    }
                    if c == 10 {
                        line += 1
                        lineStart = position + 1
                    }
                    field.append(c)
                    position += 1
                }
                fields.append(String(decoding: field, as: UTF8.self))
                if position < bytes.count, bytes[position] != delimiter, bytes[position] != 10, bytes[position] != 13 {
                    throw .csv("unexpected text after a closing quote", file: file, line: line, column: position - lineStart + 1)
                }
            } else {
                let start = position
                while position < bytes.count, bytes[position] != delimiter, bytes[position] != 10, bytes[position] != 13 {
                    if bytes[position] == UInt8(ascii: "\"") {
                        throw .csv("a quote inside an unquoted field", file: file, line: line, column: position - lineStart + 1)
                    }
                    position += 1
                }
                fields.append(start == position ? nil : String(decoding: bytes[start..<position], as: UTF8.self))
            }
            if position < bytes.count, bytes[position] == delimiter {
                position += 1
                continue
            }
            if position < bytes.count, bytes[position] == 13 { position += 1 }
            if position < bytes.count, bytes[position] == 10 { position += 1 }
            line += 1
            return Record(fields: fields, line: startLine)
        }
    }
}
