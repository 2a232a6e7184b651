/// Rows for ``ParquetWriter/write(batch:)``, held column by column the way Arrow holds them:
/// a column of strings is one byte buffer with end offsets, a numeric column one array of
/// little-endian values, and every column has a presence byte per row. The writer encodes
/// such columns without touching a Swift value per cell (no enum, no reference counting),
/// which is what makes it as fast as Arrow's C++ writer on the same table.
///
/// Build a row by appending exactly one value to every column (in any order), then call
/// ``endRow()``. Every append checks the value against its column (type, nullability, size)
/// and, when it fails, throws naming the column and discards the row being built; the rows
/// already ended stay. After ``ParquetWriter/write(batch:)``, ``removeAll()`` makes the batch
/// ready for the next rows, keeping its memory.
///
/// A reference type (it owns growable buffers that are never shared). Use from one thread.
public final class ParquetRowBatch {
    /// The schema every row follows.
    public let schema: ParquetSchema
    /// Rows ended so far.
    @exclusivity(unchecked) public private(set) var rowCount = 0
    /// One ``ColumnValues`` per schema column, owned by the batch: mutated in place, with no
    /// copy-on-write or exclusivity checks per value (single-threaded by contract).
    let columns: UnsafeMutableBufferPointer<ColumnValues>

    /// An empty batch for rows of `schema`. Throws when the schema is not valid (no columns,
    /// an empty or repeated name).
    public init(schema: ParquetSchema) throws {
        try schema.validate()
        self.schema = schema
        columns = .allocate(capacity: schema.columns.count)
        _ = columns.initialize(from: schema.columns.map { ColumnValues(column: $0) })
    }

    deinit {
        columns.deinitialize()
        columns.deallocate()
    }

    /// Bytes the batch's values take (strings, offsets, fixed-width values, presence bytes):
    /// a caller that hands rows over in batches can bound its memory with it.
    public var byteCount: Int {
        var total = 0
        for j in 0..<columns.count { total &+= columns[j].byteCount }
        return total
    }

    /// Whether some column already has a value for the row being built.
    public var hasUnfinishedRow: Bool {
        columns.contains { $0.count != rowCount }
    }

    // MARK: appending values

    /// Appends a string to a `.string` column.
    public func append(_ value: String, column j: Int) throws {
        try begin(j, .string)
        guard value.utf8.count <= ParquetRowBatch.maxValueBytes else { throw tooLong(value.utf8.count, j) }
        withBytes(of: value) { columns[j].appendBytes($0) }
    }

    /// Calls `body` with the UTF-8 bytes of `string` (without a copy for native strings).
    @inline(__always)
    private func withBytes(of string: String, _ body: (UnsafeRawBufferPointer) -> Void) {
        if string.utf8.withContiguousStorageIfAvailable({ body(UnsafeRawBufferPointer($0)) }) == nil {
            var s = string
            s.withUTF8 { body(UnsafeRawBufferPointer($0)) }
        }
    }

    /// Appends UTF-8 bytes to a `.string` column (the bytes are copied; they are not checked
    /// to be valid UTF-8).
    public func append(utf8 bytes: UnsafeRawBufferPointer, column j: Int) throws {
        try begin(j, .string)
        guard bytes.count <= ParquetRowBatch.maxValueBytes else { throw tooLong(bytes.count, j) }
        columns[j].appendBytes(bytes)
    }

    /// Appends to an `.int32` column, or to a `.date` column (days since 1970-01-01).
    public func append(_ value: Int32, column j: Int) throws {
        try begin(j, .int32, or: .date)
        columns[j].appendFixed(UInt64(UInt32(bitPattern: value)))
    }

    /// Appends to an `.int64` column, or to a `.timestampMicros` column (microseconds since
    /// the Unix epoch, UTC).
    public func append(_ value: Int64, column j: Int) throws {
        try begin(j, .int64, or: .timestampMicros)
        columns[j].appendFixed(UInt64(bitPattern: value))
    }

    /// Appends to a `.double` column.
    public func append(_ value: Double, column j: Int) throws {
        try begin(j, .double)
        columns[j].appendFixed(value.bitPattern)
    }

    /// Appends to a `.boolean` column.
    public func append(_ value: Bool, column j: Int) throws {
        try begin(j, .boolean)
        columns[j].appendFixed(value ? 1 : 0)
    }

    /// Appends a list to a `.stringList` column (`[]` is an empty list, not a null).
    public func append(_ list: [String], column j: Int) throws {
        try begin(j, .stringList)
        for item in list {
            guard item.utf8.count <= ParquetRowBatch.maxValueBytes else { throw tooLong(item.utf8.count, j) }
            withBytes(of: item) { columns[j].appendItem($0) }
        }
        columns[j].endList()
    }

    /// Appends a list whose elements may be null to a `.stringList` column.
    public func append(_ list: [String?], column j: Int) throws {
        try begin(j, .stringList)
        for item in list {
            if let s = item {
                guard s.utf8.count <= ParquetRowBatch.maxValueBytes else { throw tooLong(s.utf8.count, j) }
                withBytes(of: s) { columns[j].appendItem($0) }
            } else {
                columns[j].appendNullItem()
            }
        }
        columns[j].endList()
    }

    /// Appends a null (only to a nullable column).
    public func appendNull(column j: Int) throws {
        try checkSlot(j)
        guard columns[j].nullable else {
            discardRow()
            throw ParquetError("null in a non-nullable column", column: schema.columns[j].name)
        }
        columns[j].appendNull()
    }

    /// Appends a ``ParquetValue`` (of the column's type, or `.null`).
    public func append(_ value: ParquetValue, column j: Int) throws {
        switch value {
        case .null: try appendNull(column: j)
        case .string(let s): try append(s, column: j)
        case .int32(let v):
            try begin(j, .int32)
            columns[j].appendFixed(UInt64(UInt32(bitPattern: v)))
        case .date(let v):
            try begin(j, .date)
            columns[j].appendFixed(UInt64(UInt32(bitPattern: v)))
        case .int64(let v):
            try begin(j, .int64)
            columns[j].appendFixed(UInt64(bitPattern: v))
        case .timestampMicros(let v):
            try begin(j, .timestampMicros)
            columns[j].appendFixed(UInt64(bitPattern: v))
        case .double(let v): try append(v, column: j)
        case .boolean(let v): try append(v, column: j)
        case .stringList(let l): try append(l, column: j)
        case .stringListWithNulls(let l): try append(l, column: j)
        }
    }

    /// Appends one whole row (one value per schema column, in order) and ends it.
    public func append(row: [ParquetValue]) throws {
        guard row.count == columns.count else {
            discardRow()
            throw ParquetError("row has \(row.count) values but the schema has \(columns.count) columns")
        }
        for j in 0..<row.count { try append(row[j], column: j) }
        try endRow()
    }

    /// Ends the row being built. Throws, naming the first column without a value, when some
    /// column has none; the row is then discarded.
    public func endRow() throws {
        let next = rowCount &+ 1
        for j in 0..<columns.count where columns[j].count != next {
            discardRow()
            throw ParquetError("no value for this row", column: schema.columns[j].name)
        }
        rowCount = next
    }

    /// Drops every row (and any row being built), keeping the memory for the next rows.
    public func removeAll() {
        for j in 0..<columns.count { columns[j].truncate(rows: 0) }
        rowCount = 0
    }

    // MARK: checks

    /// Strings longer than this do not fit a page's Int32 sizes with room to spare.
    static let maxValueBytes = Int(Int32.max) / 2

    /// Checks that column `j` exists and has no value yet for the row being built.
    @inline(__always)
    private func checkSlot(_ j: Int) throws {
        guard j >= 0 && j < columns.count else {
            discardRow()
            throw ParquetError("no column \(j): the schema has \(columns.count) columns")
        }
        guard columns[j].count == rowCount else {
            discardRow()
            throw ParquetError("a second value for the same row", column: schema.columns[j].name)
        }
    }

    /// ``checkSlot(_:)``, then that the column has type `type` (or `other`).
    @inline(__always)
    private func begin(_ j: Int, _ type: ParquetType, or other: ParquetType? = nil) throws {
        try checkSlot(j)
        guard columns[j].type == type || columns[j].type == other else {
            discardRow()
            throw ParquetError("expected \(columns[j].type) but got \(type)", column: schema.columns[j].name)
        }
    }

    private func tooLong(_ count: Int, _ j: Int) -> ParquetError {
        discardRow()
        return ParquetError("string value too long (\(count) bytes)", column: schema.columns[j].name)
    }

    /// Drops the values appended for the row being built.
    private func discardRow() {
        for j in 0..<columns.count where columns[j].count != rowCount { columns[j].truncate(rows: rowCount) }
    }
}

/// One column's values in a ``ParquetRowBatch``. Row `r` is null when `present[r]` is 0.
/// Strings (and list items): item `i` is bytes `ends[i] ..< ends[i + 1]` of `bytes` (`ends`
/// starts with a 0). Lists: row `r` holds items `listEnds[r] ..< listEnds[r + 1]` (`listEnds`
/// starts with a 0), item `i` is null when `itemPresent[i]` is 0. Fixed-width values: `width`
/// bytes per row (0 for a null), booleans one byte.
/// Holds ``ByteBuffer``s: never copy one that is still appended to.
struct ColumnValues {
    let type: ParquetType
    let nullable: Bool
    /// Bytes per value of fixed-width columns (0 for strings and lists).
    let width: Int
    /// Rows with a value.
    private(set) var count = 0
    private(set) var present = ByteBuffer()
    private(set) var fixed = ByteBuffer()
    private(set) var bytes = ByteBuffer()
    private(set) var ends = ByteBuffer()
    private(set) var listEnds = ByteBuffer()
    private(set) var itemPresent = ByteBuffer()
    /// List items so far (lists only).
    private(set) var items = 0

    init(column: ParquetColumn) {
        type = column.type
        nullable = column.nullable
        switch column.type {
        case .int32, .date: width = 4
        case .int64, .timestampMicros, .double: width = 8
        case .boolean: width = 1
        case .string, .stringList: width = 0
        }
        present.reserve(64)
        if width > 0 {
            fixed.reserve(64 &* width)
        } else {
            bytes.reserve(256)
            ends.appendUInt64LE(0)
            if type == .stringList {
                listEnds.appendUInt64LE(0)
                itemPresent.reserve(64)
            }
        }
    }

    @inline(__always)
    mutating func appendBytes(_ value: UnsafeRawBufferPointer) {
        bytes.append(value)
        ends.appendUInt64LE(UInt64(bytes.count))
        present.append(1)
        count &+= 1
    }

    @inline(__always)
    mutating func appendFixed(_ bits: UInt64) {
        fixed.appendLow(bits, bytes: width)
        present.append(1)
        count &+= 1
    }

    mutating func appendNull() {
        if width > 0 { fixed.appendLow(0, bytes: width) }
        if type == .string { ends.appendUInt64LE(UInt64(bytes.count)) }
        if type == .stringList { listEnds.appendUInt64LE(UInt64(items)) }
        present.append(0)
        count &+= 1
    }

    @inline(__always)
    mutating func appendItem(_ value: UnsafeRawBufferPointer) {
        bytes.append(value)
        ends.appendUInt64LE(UInt64(bytes.count))
        itemPresent.append(1)
        items &+= 1
    }

    mutating func appendNullItem() {
        ends.appendUInt64LE(UInt64(bytes.count))
        itemPresent.append(0)
        items &+= 1
    }

    /// Closes the list whose items were just appended.
    mutating func endList() {
        listEnds.appendUInt64LE(UInt64(items))
        present.append(1)
        count &+= 1
    }

    /// Keeps the first `rows` rows (also drops list items appended for an unfinished list).
    mutating func truncate(rows: Int) {
        count = rows
        present.truncate(to: rows)
        if width > 0 {
            fixed.truncate(to: rows &* width)
            return
        }
        if type == .stringList {
            items = Int(listEnds.loadUInt64LE(at: rows &* 8))
            listEnds.truncate(to: (rows &+ 1) &* 8)
            itemPresent.truncate(to: items)
            ends.truncate(to: (items &+ 1) &* 8)
            bytes.truncate(to: Int(ends.loadUInt64LE(at: items &* 8)))
        } else {
            ends.truncate(to: (rows &+ 1) &* 8)
            bytes.truncate(to: Int(ends.loadUInt64LE(at: rows &* 8)))
        }
    }

    var byteCount: Int {
        present.count &+ fixed.count &+ bytes.count &+ ends.count &+ listEnds.count &+ itemPresent.count
    }

    // MARK: reading (for the column writer)

    @inline(__always) func isPresent(_ r: Int) -> Bool { present.loadByte(at: r) != 0 }
    @inline(__always) func isItemPresent(_ i: Int) -> Bool { itemPresent.loadByte(at: i) != 0 }
    /// Fixed-width value `r` in the low `width` bytes.
    @inline(__always) func fixedBits(_ r: Int) -> UInt64 {
        width == 8 ? fixed.loadUInt64LE(at: r &* 8) : width == 4 ? UInt64(fixed.loadUInt32LE(at: r &* 4)) : UInt64(fixed.loadByte(at: r))
    }
    /// String `i` (a row of a `.string` column, an item of a list).
    @inline(__always) func string(_ i: Int) -> UnsafeRawBufferPointer {
        let start = Int(truncatingIfNeeded: ends.loadUInt64LE(at: i &* 8))
        let end = Int(truncatingIfNeeded: ends.loadUInt64LE(at: (i &+ 1) &* 8))
        return UnsafeRawBufferPointer(start: bytes.rawStart + start, count: end &- start)
    }
    /// The items of list `r`.
    @inline(__always) func listItems(_ r: Int) -> Range<Int> {
        Int(truncatingIfNeeded: listEnds.loadUInt64LE(at: r &* 8)) ..< Int(truncatingIfNeeded: listEnds.loadUInt64LE(at: (r &+ 1) &* 8))
    }
}
