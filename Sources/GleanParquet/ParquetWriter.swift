#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Streams rows into one Parquet file: data page v1, PLAIN / RLE_DICTIONARY, one row group
/// buffered in memory at a time (flushed when its estimated uncompressed size reaches
/// `options.rowGroupBytes`). Same rows and options give identical bytes.
/// Use from one thread; call ``close()`` to write the footer.
public final class ParquetWriter {
    /// The file being written.
    public let path: String
    /// The table schema.
    public let schema: ParquetSchema
    /// The options in use.
    public let options: ParquetWriterOptions

    private var file: UnsafeMutablePointer<FILE>?
    private var offset: Int64 = 0
    private var columns: [ColumnChunkWriter] = []
    private let compressor: PageCompressor
    private var rowsInGroup: Int64 = 0
    private var totalRows: Int64 = 0
    private var rowGroups: [RowGroupMetadata] = []
    private var failed: ParquetError?

    /// Number of rows written so far.
    public var rowCount: Int64 { totalRows }

    /// Creates (truncates) `path` and writes the file header.
    public init(path: String, schema: ParquetSchema, options: ParquetWriterOptions = ParquetWriterOptions()) throws {
        try schema.validate()
        try options.validate()
        self.path = path
        self.schema = schema
        self.options = options
        self.compressor = PageCompressor(codec: options.compression, level: options.compressionLevel)
        guard let handle = fopen(path, "wb") else {
            throw ParquetError("cannot create \(path): \(String(cString: strerror(errno)))")
        }
        file = handle
        columns = newColumns()
        try writeBytes(Array("PAR1".utf8))
    }

    deinit {
        if let file { fclose(file) }
    }

    private func newColumns() -> [ColumnChunkWriter] {
        schema.columns.map { ColumnChunkWriter(column: $0, options: options, compressor: compressor) }
    }

    /// Appends one row (one value per schema column, in order). Throws, naming the column,
    /// when a value has the wrong type or is null in a non-nullable column; the row is then
    /// not written and the writer stays usable.
    public func write(row: [ParquetValue]) throws {
        if let failed { throw failed }
        guard file != nil else { throw ParquetError("write after close: \(path)") }
        guard row.count == schema.columns.count else {
            throw ParquetError("row has \(row.count) values but the schema has \(schema.columns.count) columns")
        }
        let columnCount = columns.count
        for j in 0..<columnCount {
            try Self.check(row[j], schema.columns[j])
        }
        do {
            var estimate = 0
            for j in 0..<columnCount {
                let writer = columns[j]
                try writer.append(row[j])
                estimate += writer.estimatedBytes
            }
            rowsInGroup += 1
            totalRows += 1
            if estimate >= options.rowGroupBytes { try flushRowGroup() }
        } catch let error as ParquetError {
            failed = error  // state is inconsistent after a failure mid-row
            throw error
        }
    }

    /// Type and nullability check for one value.
    static func check(_ value: ParquetValue, _ column: ParquetColumn) throws {
        if case .null = value {
            if !column.nullable { throw ParquetError("null in a non-nullable column", column: column.name) }
            return
        }
        guard value.matches(column.type) else {
            throw ParquetError("expected \(column.type) but got \(value.kindName)", column: column.name)
        }
        switch value {
        case .string(let s) where s.utf8.count > Int(Int32.max) / 2:
            throw ParquetError("string value too long (\(s.utf8.count) bytes)", column: column.name)
        default: break
        }
    }

    /// Flushes the last row group and writes the footer. An empty table gives a valid
    /// file with no row groups. Calling it twice throws.
    public func close() throws {
        if let failed { throw failed }
        guard let handle = file else { throw ParquetError("close called twice: \(path)") }
        do {
            if rowsInGroup > 0 { try flushRowGroup() }
            let footer = Footer.encode(schema: schema, rowGroups: rowGroups, numRows: totalRows, options: options)
            try writeBytes(footer)
            var tail: [UInt8] = []
            appendUInt32LE(UInt32(truncatingIfNeeded: footer.count), to: &tail)
            tail.append(contentsOf: Array("PAR1".utf8))
            try writeBytes(tail)
        } catch let error as ParquetError {
            failed = error
            fclose(handle)
            file = nil
            throw error
        }
        file = nil
        if fclose(handle) != 0 {
            throw ParquetError("cannot close \(path): \(String(cString: strerror(errno)))")
        }
    }

    private func flushRowGroup() throws {
        let groupStart = offset
        var chunks: [ChunkMetadata] = []
        var totalUncompressed: Int64 = 0
        var totalCompressed: Int64 = 0
        for writer in columns {
            let (dictionaryPage, metadata) = try writer.finish(fileOffset: offset)
            try writeBytes(dictionaryPage)
            try writeBytes(writer.pages)
            chunks.append(metadata)
            totalUncompressed += metadata.totalUncompressedSize
            totalCompressed += metadata.totalCompressedSize
        }
        rowGroups.append(
            RowGroupMetadata(
                chunks: chunks, numRows: rowsInGroup, fileOffset: groupStart,
                totalByteSize: totalUncompressed, totalCompressedSize: totalCompressed))
        rowsInGroup = 0
        columns = newColumns()
    }

    private func writeBytes(_ bytes: [UInt8]) throws {
        guard !bytes.isEmpty else { return }
        guard let file else { throw ParquetError("file is closed: \(path)") }
        let written = bytes.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, file) }
        guard written == bytes.count else {
            throw ParquetError("write to \(path) failed: \(String(cString: strerror(errno)))")
        }
        offset += Int64(bytes.count)
    }
}
