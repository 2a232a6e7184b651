import GleanParquet

/// Reads a Parquet table file back as text cells, row by row and a row group at a time: each
/// cell as `CSVTableReader` reads the same cell from the CSV that `CSVTableWriter` writes
/// (numbers in plain decimal, ISO dates and timestamps, `true`/`false`, lists joined with
/// " | ", a null as nil), so a reader of either gets the same rows.
///
/// A Hive partition file (`<col>=<value>/…/part.parquet`) does not hold its partition columns:
/// give them as `partitions`; they come after the file's columns (a column the file holds too is
/// read from the file), `__HIVE_DEFAULT_PARTITION__` reading as nil.
public final class ParquetTableReader {
    public let path: String
    /// The column names: the file's, then the partition columns.
    public let header: [String]
    private let reader: ParquetReader
    private let partitions: [(name: String, value: String?)]
    /// Separator of list items (as `CSVOptions.listSeparator`).
    public static let listSeparator = " | "

    public init(path: String, partitions: [(name: String, value: String?)] = []) throws {
        self.path = path
        do {
            reader = try ParquetReader(path: path)
        } catch let error as ParquetReadError {
            throw TableReadError(path: path, message: error.message)
        }
        // A partition column the file holds too is read from the file.
        let names = Set(reader.schema.columns.map(\.name))
        self.partitions = partitions.filter { !names.contains($0.name) }
        header = reader.schema.columns.map(\.name) + self.partitions.map(\.name)
    }

    /// Rows in the file.
    public var rowCount: Int64 { reader.rowCount }

    /// Calls `body` with each row's cells keyed by column name. With `columns`, only those
    /// columns are decoded (others are left out of the row).
    public func forEachRow(columns: Set<String>? = nil, _ body: ([String: String?]) throws -> Void) throws {
        let names = reader.schema.columns.map(\.name)
        let indices = names.indices.filter { columns?.contains(names[$0]) ?? true }
        var row: [String: String?] = [:]
        for partition in partitions where columns?.contains(partition.name) ?? true { row[partition.name] = partition.value }
        do {
            try reader.forEachRow(columns: indices) { values in
                for (k, j) in indices.enumerated() { row[names[j]] = Self.text(values[k]) }
                try body(row)
            }
        } catch let error as ParquetReadError {
            throw TableReadError(path: path, message: error.message)
        }
    }

    /// A value as the CSV writer writes it and the CSV reader reads it back.
    public static func text(_ value: ParquetValue) -> String? {
        switch value {
        case .null: return nil
        case .string(let s): return s
        case .int32(let v): return String(v)
        case .int64(let v): return String(v)
        case .double(let v): return ValueFormatting.plain(v)
        case .boolean(let v): return v ? "true" : "false"
        case .date(let d): return ValueFormatting.isoDate(days: d)
        case .timestampMicros(let t): return ValueFormatting.isoTimestamp(micros: t)
        case .stringList(let items): return items.joined(separator: listSeparator)
        case .stringListWithNulls(let items): return items.map { $0 ?? "" }.joined(separator: listSeparator)
        }
    }
}
