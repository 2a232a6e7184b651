import Foundation

/// How a CSV file is written.
public struct CSVOptions: Sendable, Equatable {
    /// Spreadsheet-friendly: a UTF-8 BOM, CRLF line ends, and every text cell quoted so that a
    /// spreadsheet importing quoted fields as text keeps "0001" and "14/06/2024" as written.
    public var excel: Bool
    /// The field separator (one character).
    public var delimiter: Character
    /// The separator used to join list cells.
    public var listSeparator: String

    public init(excel: Bool = true, delimiter: Character = ",", listSeparator: String = " | ") {
        self.excel = excel
        self.delimiter = delimiter
        self.listSeparator = listSeparator
    }
}

/// Writes one table as RFC 4180 CSV, streaming. The header comes from the declared schema.
public final class CSVTableWriter: TableWriter {
    public let schema: TableSchema
    public let options: CSVOptions
    public let path: String
    private let handle: FileHandle
    private var buffer: [UInt8] = []
    private let newline: [UInt8]
    private let delimiter: [UInt8]

    /// Creates (or truncates) the file at `path` and writes the header.
    public init(path: String, schema: TableSchema, options: CSVOptions = .init()) throws {
        self.schema = schema
        self.options = options
        self.path = path
        guard FileManager.default.createFile(atPath: path, contents: nil),
              let handle = FileHandle(forWritingAtPath: path) else {
            throw TableWriteError(table: schema.name, path: path, message: "cannot create the file; check that its folder exists and is writable")
        }
        self.handle = handle
        self.newline = options.excel ? [13, 10] : [10]
        self.delimiter = Array(String(options.delimiter).utf8)
        buffer.reserveCapacity(1 << 16)
        if options.excel { buffer += [0xEF, 0xBB, 0xBF] }
        for (i, column) in schema.columns.enumerated() {
            if i > 0 { buffer += delimiter }
            appendField(column.name, quoteAlways: options.excel)
        }
        buffer += newline
    }

    public func write(_ row: Row) throws {
        guard row.count == schema.columns.count else {
            throw TableWriteError(table: schema.name, path: path, message: "row has \(row.count) cells, the schema \(schema.columns.count) columns")
        }
        for (i, cell) in row.enumerated() {
            if i > 0 { buffer += delimiter }
            appendCell(cell, column: schema.columns[i])
        }
        buffer += newline
        if buffer.count >= 1 << 16 { try flush() }
    }

    public func close() throws {
        // No fsync here: the output store flushes every file of a run before publishing it.
        try flush()
        try handle.close()
    }

    private func flush() throws {
        guard !buffer.isEmpty else { return }
        do {
            try handle.write(contentsOf: buffer)
        } catch {
            throw TableWriteError(table: schema.name, path: path, message: "write failed: \(error)")
        }
        buffer.removeAll(keepingCapacity: true)
    }

    // MARK: - Cells

    private func appendCell(_ cell: Cell, column: Column) {
        switch cell {
        case .null:
            return
        case .string(let s):
            appendField(neutralises(column) ? Self.neutralised(s) : s, quoteAlways: options.excel)
        case .list(let items):
            let neutralise = neutralises(column)
            let joined = items.map { neutralise ? Self.neutralised($0) : $0 }
                .joined(separator: options.listSeparator)
            appendField(joined, quoteAlways: options.excel)
        case .int(let v):
            buffer += Array(String(v).utf8)
        case .double(let v):
            if let s = ValueFormatting.plain(v) { buffer += Array(s.utf8) }
        case .bool(let v):
            buffer += Array((v ? "true" : "false").utf8)
        case .date(let d):
            appendField(ValueFormatting.isoDate(days: d), quoteAlways: options.excel)
        case .timestamp(let t):
            appendField(ValueFormatting.isoTimestamp(micros: t), quoteAlways: options.excel)
        }
    }

    /// Whether a column's text cells are guarded against formula injection: free text always; in
    /// spreadsheet mode (`excel`) every text cell, identifiers included, since a doc_id comes from
    /// a file name anyone can choose. Parquet keeps the raw value.
    private func neutralises(_ column: Column) -> Bool {
        options.excel || column.role == .freeText
    }

    private func appendField(_ s: String, quoteAlways: Bool) {
        var s = s
        let delimiterByte = delimiter.count == 1 ? delimiter[0] : 34
        let quoteForDelimiter = delimiter.count > 1 && s.contains(options.delimiter)
        // One pass over contiguous UTF-8, appending runs rather than bytes: this is the export
        // sink's inner loop and runs on the thread that every document's rows go through.
        s.withUTF8 { bytes in
            var needsQuotes = quoteAlways || quoteForDelimiter
            if !needsQuotes {
                for b in bytes where b == 34 || b == 10 || b == 13 || b == delimiterByte {
                    needsQuotes = true
                    break
                }
            }
            guard needsQuotes else {
                buffer.append(contentsOf: bytes)
                return
            }
            buffer.append(34)
            var start = 0
            for i in bytes.indices where bytes[i] == 34 {
                buffer.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start...i]))
                buffer.append(34)
                start = i + 1
            }
            buffer.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start...]))
            buffer.append(34)
        }
    }

    /// The OWASP rule against CSV formula injection: a free-text cell starting with = + - @,
    /// a tab or a carriage return gets a leading apostrophe so a spreadsheet shows it as text.
    public static func neutralised(_ s: String) -> String {
        guard let first = s.unicodeScalars.first else { return s }
        switch first {
        case "=", "+", "-", "@", "\t", "\r": return "'" + s
        default: return s
        }
    }
}
