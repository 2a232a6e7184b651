#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Streams rows into one Parquet file: data page v1, PLAIN / RLE_DICTIONARY, one row group
/// buffered in memory at a time (flushed when its estimated uncompressed size reaches
/// `options.rowGroupBytes` or the memory it holds reaches `options.maxBufferedBytes`, checked
/// every 64 rows). Same rows and options give identical bytes.
/// Rows are queued (the writer keeps a reference to each row array, copying no value) and
/// encoded 64 at a time, column by column; ``close()`` encodes the rest and writes the footer.
/// Use from one thread.
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
    private let checks: [ColumnCheck]
    private let compressor: PageCompressor
    private var rowsInGroup: Int64 = 0
    private var totalRows: Int64 = 0
    /// Checked rows not yet encoded: `pendingCount` row arrays are initialized. Holding the
    /// arrays (one retain per row) instead of copying their values saves a retain and a
    /// release per string value.
    private let pendingRows: UnsafeMutablePointer<[ParquetValue]>
    /// The element storage of each pending row: valid while `pendingRows` holds the array (a
    /// caller that mutates its array afterwards gets a copy, leaving this storage as is).
    private let pendingValues: UnsafeMutablePointer<UnsafePointer<ParquetValue>>
    private var pendingCount = 0
    private var rowGroups: [RowGroupMetadata] = []
    private var failed: ParquetError?

    /// Data pages of each column, per finished row group (for tests).
    private(set) var dataPagesPerGroup: [[Int]] = []

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
        self.checks = schema.columns.map { ColumnCheck(type: $0.type, nullable: $0.nullable) }
        guard let handle = fopen(path, "wb") else {
            throw ParquetError("cannot create \(path): \(String(cString: strerror(errno)))")
        }
        // Allocated last: once every stored property is set, deinit owns it (also if a
        // later step of this initializer throws).
        self.pendingRows = UnsafeMutablePointer<[ParquetValue]>.allocate(capacity: Self.batchRows)
        self.pendingValues = UnsafeMutablePointer<UnsafePointer<ParquetValue>>.allocate(capacity: Self.batchRows)
        file = handle
        columns = newColumns()
        try writeBytes(Array("PAR1".utf8))
    }

    deinit {
        if let file { fclose(file) }
        pendingRows.deinitialize(count: pendingCount)
        pendingRows.deallocate()
        pendingValues.deallocate()
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
        guard row.count == schema.columns.count else {
            throw ParquetError("row has \(row.count) values but the schema has \(schema.columns.count) columns")
        }
        // One pass over the values; the slow path says what is wrong with the first bad one.
        var ok = true
        row.withUnsafeBufferPointer { values in
            checks.withUnsafeBufferPointer { checks in
                for j in 0..<checks.count where !Self.isValid(values[j], checks[j]) {
                    ok = false
                    break
                }
            }
        }
        if !ok {
            for j in 0..<row.count { try Self.check(row[j], schema.columns[j]) }
        }
        try appendRow(row)
    }

    /// Appends a row whose length and value types were already checked (by the dataset writer).
    func write(checkedRow row: [ParquetValue]) throws {
        if let failed { throw failed }
        guard file != nil else { throw ParquetError("write after close: \(path)") }
        try appendRow(row)
    }

    /// Queues a checked row (keeping a reference to the array); full batches are encoded
    /// column by column.
    @inline(__always)
    private func appendRow(_ row: [ParquetValue]) throws {
        let n = pendingCount
        (pendingRows + n).initialize(to: row)
        // Arrays are contiguous and `row` has at least one value (schema.validate); the
        // storage stays in place while pendingRows[n] holds it.
        pendingValues[n] = (pendingRows + n).pointee.withUnsafeBufferPointer { $0.baseAddress.unsafelyUnwrapped }
        pendingCount = n + 1
        totalRows += 1
        if pendingCount >= Self.batchRows { try flushPending() }
    }

    /// Rows are buffered and encoded in batches of this many, one column at a time: each
    /// column's loop then stays in cache and its dictionary look-ups overlap. The row group
    /// size is checked after each batch.
    static let batchRows = 64

    /// Encodes the queued rows, then cuts a row group when it is big enough.
    private func flushPending() throws {
        let count = pendingCount
        if count == 0 { return }
        // The rows are let go of once encoded (also when encoding throws).
        defer {
            pendingRows.deinitialize(count: count)
            pendingCount = 0
        }
        do {
            var estimate = 0
            var held = 0
            let rows = UnsafePointer(pendingValues)
            try columns.withUnsafeMutableBufferPointer { writers in
                for j in 0..<writers.count {
                    try writers[j].appendColumn(rows: rows, count: count, column: j)
                    estimate &+= writers[j].estimatedBytes
                    held &+= writers[j].heldBytes
                }
            }
            rowsInGroup += Int64(count)
            if estimate >= options.rowGroupBytes || held >= options.maxBufferedBytes { try flushRowGroup() }
        } catch let error as ParquetError {
            failed = error  // state is inconsistent after a failure mid-batch
            throw error
        }
    }

    /// What the per-value check needs to know about a column.
    struct ColumnCheck {
        var type: ParquetType
        var nullable: Bool
    }

    /// Whether `value` may be written to a column (the fast check; ``check(_:_:)`` explains).
    @inline(__always)
    static func isValid(_ value: borrowing ParquetValue, _ column: ColumnCheck) -> Bool {
        switch value {
        case .null: column.nullable
        case .string(let s): column.type == .string && s.utf8.count <= Int(Int32.max) / 2
        case .int64: column.type == .int64
        case .double: column.type == .double
        case .int32: column.type == .int32
        case .boolean: column.type == .boolean
        case .date: column.type == .date
        case .timestampMicros: column.type == .timestampMicros
        case .stringList, .stringListWithNulls: column.type == .stringList
        }
    }

    /// Type and nullability check for one value.
    @inline(__always)
    static func check(_ value: ParquetValue, _ column: ParquetColumn) throws {
        if case .null = value {
            if !column.nullable { throw ParquetError("null in a non-nullable column", column: column.name) }
            return
        }
        guard value.matches(column.type) else {
            throw ParquetError("expected \(column.type) but got \(value.kindName)", column: column.name)
        }
        if case .string(let s) = value, s.utf8.count > Int(Int32.max) / 2 {
            throw ParquetError("string value too long (\(s.utf8.count) bytes)", column: column.name)
        }
    }

    /// Flushes the last row group and writes the footer. An empty table gives a valid
    /// file with no row groups. Calling it twice throws.
    public func close() throws {
        if let failed { throw failed }
        guard let handle = file else { throw ParquetError("close called twice: \(path)") }
        do {
            try flushPending()
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
