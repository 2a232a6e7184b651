import GleanText
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes a Hive-style partitioned dataset:
/// `root/<col>=<uri-escaped value>/.../<partFileName>`, one Parquet file per partition.
/// Partition columns are left out of the files; a null (or empty string) partition value is
/// written as `__HIVE_DEFAULT_PARTITION__`. Files are written as `.<partFileName>.inprogress`
/// and renamed by ``finish()``, which then writes an empty `root/_SUCCESS`.
/// Partition columns may be string, int32, int64, boolean or date (as `YYYY-MM-DD`).
/// Memory: one row group per open partition file, and one open file handle per partition
/// until ``finish()``. Existing files under `root` are not removed. Use from one thread.
public final class ParquetDatasetWriter {
    /// The dataset directory.
    public let root: String
    /// The full table schema (including partition columns).
    public let schema: ParquetSchema
    /// Partition column names, outermost first.
    public let partitionBy: [String]
    /// File name of each part, e.g. `part-00000.parquet`.
    public let partFileName: String
    /// Writer options for every part file.
    public let options: ParquetWriterOptions

    private let partitionIndices: [Int]
    private let dataIndices: [Int]
    private let fileSchema: ParquetSchema
    /// Open part files by relative directory, in creation order.
    private var writers: [String: ParquetWriter] = [:]
    private var order: [String] = []
    private var finished = false

    /// The null partition directory value (pyarrow / Hive convention).
    public static let defaultPartition = "__HIVE_DEFAULT_PARTITION__"

    /// Creates `root` (and parents) if needed. Throws for unknown or unsupported partition
    /// columns, or when no data column would remain.
    public init(
        root: String, schema: ParquetSchema, partitionBy: [String], partFileName: String,
        options: ParquetWriterOptions = ParquetWriterOptions()
    ) throws {
        try schema.validate()
        try options.validate()
        if partFileName.isEmpty || partFileName.contains("/") || partFileName.hasPrefix(".")
            || partFileName.hasPrefix("_")
        {
            throw ParquetError("invalid part file name '\(partFileName)'")
        }
        var partitionIndices: [Int] = []
        for name in partitionBy {
            guard let index = schema.columns.firstIndex(where: { $0.name == name }) else {
                throw ParquetError("partition column not in schema", column: name)
            }
            if partitionIndices.contains(index) { throw ParquetError("partition column listed twice", column: name) }
            switch schema.columns[index].type {
            case .string, .int32, .int64, .boolean, .date: break
            case .double, .timestampMicros, .stringList:
                throw ParquetError(
                    "cannot partition by a \(schema.columns[index].type) column", column: name)
            }
            partitionIndices.append(index)
        }
        let dataIndices = schema.columns.indices.filter { !partitionIndices.contains($0) }
        if dataIndices.isEmpty { throw ParquetError("every column is a partition column; no data left to write") }
        self.root = root
        self.schema = schema
        self.partitionBy = partitionBy
        self.partFileName = partFileName
        self.options = options
        self.partitionIndices = partitionIndices
        self.dataIndices = dataIndices
        self.fileSchema = ParquetSchema(columns: dataIndices.map { schema.columns[$0] })
        try makeDirectories(root)
        if partitionBy.isEmpty {
            // One unpartitioned file, created now so an empty table still gives a file.
            _ = try writer(for: "")
        }
    }

    /// Appends one row of the full schema.
    public func write(row: [ParquetValue]) throws {
        if finished { throw ParquetError("write after finish: \(root)") }
        guard row.count == schema.columns.count else {
            throw ParquetError("row has \(row.count) values but the schema has \(schema.columns.count) columns")
        }
        // Check the whole row first so a bad row never creates a partition file.
        for j in 0..<row.count { try ParquetWriter.check(row[j], schema.columns[j]) }
        var directory = ""
        for index in partitionIndices {
            let column = schema.columns[index]
            if !directory.isEmpty { directory += "/" }
            directory += column.name + "=" + Self.partitionText(row[index])
        }
        let w = try writer(for: directory)
        try w.write(row: partitionIndices.isEmpty ? row : dataIndices.map { row[$0] })
    }

    /// Closes every part file, renames it into place, then writes `_SUCCESS`.
    public func finish() throws {
        if finished { throw ParquetError("finish called twice: \(root)") }
        finished = true
        for directory in order {
            guard let w = writers[directory] else { continue }
            try w.close()
            let base = directory.isEmpty ? root : root + "/" + directory
            let final = base + "/" + partFileName
            if rename(w.path, final) != 0 {
                throw ParquetError("cannot rename \(w.path) to \(final): \(String(cString: strerror(errno)))")
            }
        }
        writers.removeAll()
        guard let success = fopen(root + "/_SUCCESS", "wb") else {
            throw ParquetError("cannot create \(root)/_SUCCESS: \(String(cString: strerror(errno)))")
        }
        fclose(success)
    }

    private func writer(for directory: String) throws -> ParquetWriter {
        if let w = writers[directory] { return w }
        let base = directory.isEmpty ? root : root + "/" + directory
        try makeDirectories(base)
        let w = try ParquetWriter(path: base + "/." + partFileName + ".inprogress", schema: fileSchema, options: options)
        writers[directory] = w
        order.append(directory)
        return w
    }

    /// The directory text of a partition value (URI-escaped).
    static func partitionText(_ value: ParquetValue) -> String {
        switch value {
        case .null: return defaultPartition
        case .string(let s): return s.isEmpty ? defaultPartition : uriEscape(s)
        case .int32(let v): return String(v)
        case .int64(let v): return String(v)
        case .boolean(let b): return b ? "true" : "false"
        case .date(let days): return uriEscape(isoDate(days))
        case .double, .timestampMicros, .stringList, .stringListWithNulls: return defaultPartition  // rejected in init
        }
    }

    /// Percent-encodes every ASCII byte outside RFC 3986 unreserved characters (so `/`, `=`,
    /// `%`, spaces and control characters never reach a folder name) and keeps non-ASCII
    /// text as UTF-8: Spark, like Hive, decodes each `%XX` to one character, so escaped UTF-8
    /// would come back garbled there; pyarrow and DuckDB read both forms.
    static func uriEscape(_ s: String) -> String {
        let hex = Array("0123456789ABCDEF".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(s.utf8.count)
        for byte in s.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."),
                UInt8(ascii: "~"), 0x80...0xFF:
                out.append(byte)
            default:
                out += [UInt8(ascii: "%"), hex[Int(byte >> 4)], hex[Int(byte & 15)]]
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Proleptic Gregorian `YYYY-MM-DD` for days since 1970-01-01.
    static func isoDate(_ days: Int32) -> String {
        CivilDate.iso(days: Int(days))
    }
}

/// `mkdir -p`.
private func makeDirectories(_ path: String) throws {
    var current = path.hasPrefix("/") ? "" : "."
    for component in path.split(separator: "/", omittingEmptySubsequences: true) {
        current += "/" + component
        if mkdir(current, 0o755) != 0 && errno != EEXIST {
            throw ParquetError("cannot create directory \(current): \(String(cString: strerror(errno)))")
        }
    }
}
