#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Streams rows into one Parquet file: data page v1, PLAIN / RLE_DICTIONARY, one row group
/// buffered in memory at a time (flushed when its estimated uncompressed size reaches
/// `options.rowGroupBytes` or the memory it holds reaches `options.maxBufferedBytes`, checked
/// every 64 rows). Same rows and options give identical bytes, however they are handed over.
///
/// Two ways in: ``write(batch:)`` takes a ``ParquetRowBatch`` (columns laid out like Arrow
/// arrays, the fast way), ``write(row:)`` one row of ``ParquetValue``s (copied into a batch
/// of the writer's own). Rows are encoded 64 at a time, column by column; ``close()``
/// encodes the rest and writes the footer. Use from one thread.
public final class ParquetWriter {
    /// The file being written.
    public let path: String
    /// The table schema.
    public let schema: ParquetSchema
    /// The options in use.
    public let options: ParquetWriterOptions

    private var file: UnsafeMutablePointer<FILE>?
    private var offset: Int64 = 0
    // Single-threaded by contract; unchecked exclusivity keeps per-row runtime checks away.
    @exclusivity(unchecked) private var columns: [ColumnChunkWriter] = []
    private let compressor: PageCompressor
    private var rowsInGroup: Int64 = 0
    /// Rows encoded so far (the rows of `pending` come after them).
    private var encodedRows: Int64 = 0
    /// Rows given to ``write(row:)`` and not yet encoded.
    private let pending: ParquetRowBatch
    private var rowGroups: [RowGroupMetadata] = []
    private var failed: ParquetError?

    /// Data pages of each column, per finished row group (for tests).
    private(set) var dataPagesPerGroup: [[Int]] = []

    /// Number of rows written so far.
    public var rowCount: Int64 { encodedRows + Int64(pending.rowCount) }

    /// Creates (truncates) `path` and writes the file header.
    public init(path: String, schema: ParquetSchema, options: ParquetWriterOptions = ParquetWriterOptions()) throws {
        self.pending = try ParquetRowBatch(schema: schema)  // validates the schema
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
    /// not written and the writer stays usable. Failures while encoding or writing (codec,
    /// disk) may surface on a later call or on ``close()``; the writer is then unusable.
    public func write(row: [ParquetValue]) throws {
        if let failed { throw failed }
        guard file != nil else { throw ParquetError("write after close: \(path)") }
        try pending.append(row: row)
        if (encodedRows + Int64(pending.rowCount)) % Int64(Self.batchRows) == 0 { try encodePending() }
    }

    /// Appends every row of `batch` (whose schema must equal the writer's, with no unfinished
    /// row). The rows are encoded before this returns: the batch can be emptied and refilled
    /// right after. Failures while encoding or writing make the writer unusable.
    public func write(batch: ParquetRowBatch) throws {
        if let failed { throw failed }
        guard file != nil else { throw ParquetError("write after close: \(path)") }
        guard batch.schema == schema else { throw ParquetError("the batch's schema is not the writer's") }
        guard !batch.hasUnfinishedRow else { throw ParquetError("the batch has an unfinished row (call endRow())") }
        try encodePending()
        try encode(batch)
    }

    /// Type, nullability and size check of one value, for callers that must vet a whole row
    /// before writing any of it (the dataset writer). The batch makes the same checks.
    static func check(_ value: ParquetValue, _ column: ParquetColumn) throws {
        if case .null = value {
            if !column.nullable { throw ParquetError("null in a non-nullable column", column: column.name) }
            return
        }
        guard value.matches(column.type) else {
            throw ParquetError("expected \(column.type) but got \(value.kindName)", column: column.name)
        }
        if case .string(let s) = value, s.utf8.count > ParquetRowBatch.maxValueBytes {
            throw ParquetError("string value too long (\(s.utf8.count) bytes)", column: column.name)
        }
    }

    /// Row groups are checked every this many rows: rows are encoded in slices that end on
    /// multiples of it, so group (and page) boundaries depend on the rows alone, not on how
    /// they were handed over.
    static let batchRows = 64

    /// Encodes the rows queued by ``write(row:)``.
    private func encodePending() throws {
        if pending.rowCount == 0 { return }
        defer { pending.removeAll() }
        try encode(pending)
    }

    /// Encodes the rows of `batch`, column by column, a slice at a time; cuts a row group
    /// when one is big enough at the end of a slice.
    private func encode(_ batch: ParquetRowBatch) throws {
        var r = 0
        let end = batch.rowCount
        do {
            while r < end {
                let toBoundary = Self.batchRows - Int(encodedRows % Int64(Self.batchRows))
                let n = min(toBoundary, end - r)
                var estimate = 0
                var held = 0
                let values = batch.columns
                try columns.withUnsafeMutableBufferPointer { writers in
                    for j in 0..<writers.count {
                        try writers[j].appendColumn(values[j], from: r, count: n)
                        estimate &+= writers[j].estimatedBytes
                        held &+= writers[j].heldBytes
                    }
                }
                r += n
                encodedRows += Int64(n)
                rowsInGroup += Int64(n)
                if n == toBoundary && (estimate >= options.rowGroupBytes || held >= options.maxBufferedBytes) {
                    try flushRowGroup()
                }
            }
        } catch let error as ParquetError {
            failed = error  // state is inconsistent after a failure mid-slice
            throw error
        }
    }

    /// Flushes the last row group and writes the footer. An empty table gives a valid
    /// file with no row groups. Calling it twice throws.
    public func close() throws {
        if let failed { throw failed }
        guard let handle = file else { throw ParquetError("close called twice: \(path)") }
        do {
            try encodePending()
            if rowsInGroup > 0 { try flushRowGroup() }
            let footer = Footer.encode(schema: schema, rowGroups: rowGroups, numRows: encodedRows, options: options)
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
        for j in columns.indices {
            let (dictionaryPage, metadata) = try columns[j].finish(fileOffset: offset)
            for segment in dictionaryPage.segments + columns[j].pages.segments {
                try segment.withUnsafeBytes { try writeBytes($0) }
            }
            chunks.append(metadata)
            totalUncompressed += metadata.totalUncompressedSize
            totalCompressed += metadata.totalCompressedSize
        }
        rowGroups.append(
            RowGroupMetadata(
                chunks: chunks, numRows: rowsInGroup, fileOffset: groupStart,
                totalByteSize: totalUncompressed, totalCompressedSize: totalCompressed))
        dataPagesPerGroup.append(columns.map(\.dataPages))
        rowsInGroup = 0
        // The next chunks start with buffers sized as these ended (fewer growth copies).
        let hints = columns.map(\.sizeHints)
        columns = zip(schema.columns, hints).map {
            ColumnChunkWriter(column: $0, options: options, compressor: compressor, hints: $1)
        }
    }

    private func writeBytes(_ bytes: [UInt8]) throws {
        try bytes.withUnsafeBytes { try writeBytes($0) }
    }

    private func writeBytes(_ bytes: UnsafeRawBufferPointer) throws {
        guard !bytes.isEmpty else { return }
        guard let file else { throw ParquetError("file is closed: \(path)") }
        let written = fwrite(bytes.baseAddress, 1, bytes.count, file)
        guard written == bytes.count else {
            throw ParquetError("write to \(path) failed: \(String(cString: strerror(errno)))")
        }
        offset += Int64(bytes.count)
    }
}
