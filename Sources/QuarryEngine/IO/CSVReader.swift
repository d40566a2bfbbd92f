import Foundation

/// An RFC 4180 reader: quoted fields with doubled quotes and embedded newlines, any one-byte
/// delimiter, CRLF or LF. Reports the line and column of what it cannot read.
package struct CSVReader {
    package struct Record {
        package let fields: [String?]
        /// 1-based line where the record starts.
        package let line: Int
        /// Byte offset of the record, to find a field's place when an error needs it.
        let offset: Int
        let lineStart: Int
    }

    /// Line and 1-based column where field `index` of the record starts (for error messages only:
    /// it reads the record again).
    package func place(of index: Int, in record: Record) -> (line: Int, column: Int) {
        var line = record.line, lineStart = record.lineStart, field = 0, p = record.offset, quoted = false
        while p < bytes.count, field < index {
            let c = bytes[p]
            if c == UInt8(ascii: "\"") { quoted.toggle() }
            if c == 10 {
                if !quoted { break }
                line += 1
                lineStart = p + 1
            }
            if c == delimiter, !quoted { field += 1 }
            p += 1
        }
        return (line, p - lineStart + 1)
    }

    let bytes: [UInt8]
    let delimiter: UInt8
    let file: String
    var position = 0
    var line = 1

    package init(data: [UInt8], delimiter: UInt8 = UInt8(ascii: ","), file: String) {
        var start = 0
        if data.count >= 3, data[0] == 0xEF, data[1] == 0xBB, data[2] == 0xBF { start = 3 }
        bytes = Array(data[start...])
        self.delimiter = delimiter
        self.file = file
    }

    package static func open(path: String, delimiter: UInt8 = UInt8(ascii: ",")) throws(QueryError) -> CSVReader {
        let bytes = try InputFile.bytes(path)
        guard CSVReader.isUTF8(bytes) else { throw .file("is not UTF-8 text", path: path) }
        return CSVReader(data: bytes, delimiter: delimiter, file: path)
    }


    /// Validates UTF-8 without building a String of the whole file.
    static func isUTF8(_ bytes: [UInt8]) -> Bool {
        var i = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            if b < 0x80 {
                i += 1
                continue
            }
            let length: Int
            switch b {
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: return false
            }
            guard i + length <= n else { return false }
            for k in 1..<length where bytes[i + k] & 0xC0 != 0x80 { return false }
            if b == 0xE0 && bytes[i + 1] < 0xA0 || b == 0xED && bytes[i + 1] > 0x9F
                || b == 0xF0 && bytes[i + 1] < 0x90 || b == 0xF4 && bytes[i + 1] > 0x8F { return false }
            i += length
        }
        return true
    }

    /// The next record; an empty field (nothing between delimiters) is nil, `""` is the empty string.
    package mutating func next() throws(QueryError) -> Record? {
        guard position < bytes.count else { return nil }
        let startLine = line
        var fields: [String?] = []
        var lineStart = position
        let recordStart = position, recordLineStart = lineStart
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
            return Record(fields: fields, line: startLine, offset: recordStart, lineStart: recordLineStart)
        }
    }
}
