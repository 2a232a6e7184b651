#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a Parquet file back, a row group at a time: what ``ParquetWriter`` writes and what
/// pyarrow writes for the same kinds of columns (strings, INT32/INT64 with DATE and
/// TIMESTAMP annotations, FLOAT/DOUBLE, BOOLEAN, lists of strings; PLAIN and dictionary
/// encodings; data pages v1 and v2; uncompressed, snappy, gzip and zstd).
///
/// The footer is read when the reader opens; each row group's column chunks are read and
/// decoded when asked for, so memory holds one row group (its decoded values and one column
/// chunk's bytes). A corrupt or truncated file throws a ``ParquetReadError`` saying where and
/// what is wrong; every length and offset is checked before it is used. Use from one thread.
public final class ParquetReader {
    /// The file being read.
    public let path: String
    /// The table's columns, as the writer's schema describes them.
    public let schema: ParquetSchema
    /// Rows in the file (the footer's count, checked against its row groups).
    public let rowCount: Int64
    /// `key_value_metadata` of the footer, in order.
    public let keyValueMetadata: [ParquetKeyValue]
    /// `created_by` of the footer, when set.
    public let createdBy: String?

    private let leaves: [LeafColumn]
    private let metadata: FileMetadata
    private let descriptor: Int32
    /// Where the footer starts: column chunks must end before it.
    private let dataEnd: Int64
    private let decompressor = PageDecompressor()

    /// Opens `path` and reads its footer and schema.
    public init(path: String) throws {
        self.path = path
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else {
            throw ParquetReadError(path: path, message: "cannot open the file: \(String(cString: strerror(errno)))")
        }
        descriptor = fd
        do {
            var info = stat()
            guard fstat(fd, &info) == 0 else { throw ParquetReadError(path: path, message: "cannot stat the file") }
            let size = Int64(info.st_size)
            guard size >= 12 else {
                throw ParquetReadError(path: path, message: "\(size) bytes: too short to be a Parquet file (it is truncated or not Parquet)")
            }
            let head = try Self.read(fd, path, at: 0, count: 4)
            let tail = try Self.read(fd, path, at: size - 8, count: 8)
            guard head == Array("PAR1".utf8) else {
                throw ParquetReadError(path: path, message: "does not start with PAR1: not a Parquet file")
            }
            if Array(tail[4...]) == Array("PARE".utf8) {
                throw ParquetReadError(path: path, message: "an encrypted Parquet file: not supported")
            }
            guard Array(tail[4...]) == Array("PAR1".utf8) else {
                throw ParquetReadError(path: path, message: "does not end with PAR1: the file is truncated or still being written")
            }
            let footerLength = Int64(UInt32(tail[0]) | UInt32(tail[1]) << 8 | UInt32(tail[2]) << 16 | UInt32(tail[3]) << 24)
            guard footerLength > 0, footerLength <= size - 12 else {
                throw ParquetReadError(path: path, message: "footer length \(footerLength) does not fit the file's \(size) bytes")
            }
            dataEnd = size - 8 - footerLength
            let footer = try Self.read(fd, path, at: dataEnd, count: Int(footerLength))
            do {
                metadata = try footer.withUnsafeBytes { try FileMetadata.decode($0) }
                leaves = try metadata.leafColumns()
            } catch let error as ThriftDecodeError {
                throw ParquetReadError(path: path, message: "unreadable footer: \(error.message)")
            }
            guard metadata.numRows >= 0 else { throw ParquetReadError(path: path, message: "negative row count in the footer") }
            var total: Int64 = 0
            for (g, group) in metadata.rowGroups.enumerated() {
                guard group.numRows >= 0, group.numRows <= Int64(Int32.max) else {
                    throw ParquetReadError(path: path, message: "row group \(g) claims \(group.numRows) rows")
                }
                guard group.columns.count == leaves.count else {
                    throw ParquetReadError(path: path, message: "row group \(g) has \(group.columns.count) column chunks for \(leaves.count) columns")
                }
                total += group.numRows
            }
            guard total == metadata.numRows else {
                throw ParquetReadError(path: path, message: "the footer says \(metadata.numRows) rows but its row groups hold \(total)")
            }
        } catch {
            close(fd)
            throw error
        }
        rowCount = metadata.numRows
        keyValueMetadata = metadata.keyValue
        createdBy = metadata.createdBy
        schema = ParquetSchema(columns: leaves.map { ParquetColumn(name: $0.name, type: $0.type, nullable: $0.nullable) })
    }

    deinit {
        close(descriptor)
    }

    /// Number of row groups.
    public var rowGroupCount: Int { metadata.rowGroups.count }

    /// Rows of row group `index`.
    public func rowCount(ofGroup index: Int) -> Int64 { metadata.rowGroups[index].numRows }

    /// Row group `index`, column by column: one array of values per requested column (all,
    /// in schema order, when `columns` is nil), each with one value per row.
    public func readRowGroup(_ index: Int, columns: [Int]? = nil) throws -> [[ParquetValue]] {
        guard index >= 0 && index < metadata.rowGroups.count else {
            throw ParquetReadError(path: path, message: "no row group \(index): the file has \(metadata.rowGroups.count)")
        }
        let group = metadata.rowGroups[index]
        let wanted = columns ?? Array(leaves.indices)
        var result: [[ParquetValue]] = []
        result.reserveCapacity(wanted.count)
        for j in wanted {
            guard j >= 0 && j < leaves.count else {
                throw ParquetReadError(path: path, message: "no column \(j): the file has \(leaves.count)")
            }
            result.append(try readChunk(group.columns[j], leaves[j], group: index, rows: Int(group.numRows)))
        }
        return result
    }

    /// Calls `body` with each row (the requested columns' values, in that order), a row group
    /// at a time.
    public func forEachRow(columns: [Int]? = nil, _ body: ([ParquetValue]) throws -> Void) throws {
        let width = columns?.count ?? leaves.count
        var row = [ParquetValue](repeating: .null, count: width)
        for g in 0..<rowGroupCount {
            let values = try readRowGroup(g, columns: columns)
            for r in 0..<Int(metadata.rowGroups[g].numRows) {
                for j in 0..<width { row[j] = values[j][r] }
                try body(row)
            }
        }
    }

    /// Every row of the file (for small files and tests).
    public func readAll() throws -> [[ParquetValue]] {
        var rows: [[ParquetValue]] = []
        try forEachRow { rows.append($0) }
        return rows
    }

    private func readChunk(_ chunk: FileMetadata.ColumnChunk, _ leaf: LeafColumn, group: Int, rows: Int) throws -> [ParquetValue] {
        let place = "row group \(group), column '\(leaf.name)'"
        func fail(_ message: String) -> ParquetReadError { ParquetReadError(path: path, message: "\(place): \(message)") }
        guard chunk.filePath == nil else { throw fail("its data is in another file (\(chunk.filePath ?? "")): not supported") }
        guard chunk.hasMetadata else { throw fail("the column chunk has no metadata") }
        do { try PageDecompressor.check(chunk.codec) } catch let error as DecodeError { throw fail(error.message) }
        var start = chunk.dataPageOffset
        if let dictionary = chunk.dictionaryPageOffset, dictionary > 0, dictionary < start { start = dictionary }
        let size = chunk.totalCompressedSize
        guard start >= 4, size >= 0, start <= dataEnd, size <= dataEnd - start else {
            throw fail("column chunk bytes \(start)..<\(start &+ size) are outside the data (4..<\(dataEnd)): the file is corrupt")
        }
        guard chunk.numValues >= 0 else { throw fail("negative value count") }
        let bytes = try Self.read(descriptor, path, at: start, count: Int(size))
        let reader = ColumnChunkReader(leaf: leaf, codec: chunk.codec, decompressor: decompressor)
        do {
            return try bytes.withUnsafeBytes { try reader.decode($0, levelCount: chunk.numValues, rows: rows) }
        } catch let error as DecodeError {
            throw fail(error.message)
        }
    }

    /// Reads exactly `count` bytes at `offset`.
    private static func read(_ fd: Int32, _ path: String, at offset: Int64, count: Int) throws -> [UInt8] {
        var out = [UInt8](repeating: 0, count: count)
        var done = 0
        try out.withUnsafeMutableBytes { buffer in
            while done < count {
                let n = pread(fd, buffer.baseAddress! + done, count - done, off_t(offset) + off_t(done))
                if n < 0 {
                    if errno == EINTR { continue }
                    throw ParquetReadError(path: path, message: "read failed at byte \(offset + Int64(done)): \(String(cString: strerror(errno)))")
                }
                if n == 0 {
                    throw ParquetReadError(path: path, message: "the file ends at byte \(offset + Int64(done)), before the \(count) bytes at \(offset)")
                }
                done += n
            }
        }
        return out
    }
}

/// A Parquet file that cannot be read: its path and what is wrong (and where: row group,
/// column, page).
public struct ParquetReadError: Error, CustomStringConvertible, Equatable, Sendable {
    /// The file.
    public var path: String
    /// What is wrong.
    public var message: String

    /// Creates an error.
    public init(path: String, message: String) {
        self.path = path
        self.message = message
    }

    /// `path: message`.
    public var description: String { "\(path): \(message)" }
}
