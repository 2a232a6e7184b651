import GleanParquet

/// Writes one table as Apache Parquet: a single file, or a dataset folder of part files
/// (Hive-partitioned when `partitionBy` names columns of the table).
public final class ParquetTableWriter: TableWriter {
    public let schema: TableSchema
    public let path: String
    private let file: ParquetWriter?
    private let dataset: ParquetDatasetWriter?
    /// Rows for `file`, filled straight from the cells (no per-row value array) and handed
    /// over every ``batchRows`` rows or ``batchBytes`` bytes, whichever comes first.
    private let batch: ParquetRowBatch?

    /// Rows per batch handed to the file writer (the file's bytes do not depend on it).
    static let batchRows = 256
    /// Bytes a batch may reach before it is handed over: long texts are not held twice for long.
    static let batchBytes = 256 * 1024

    /// - Parameters:
    ///   - path: the file to write, or the dataset folder when `partFileName` is set.
    ///   - partitionBy: partition columns (outermost first); only with `partFileName`.
    ///   - partFileName: nil for one file at `path`; else the part file name inside `path` (and
    ///     inside each partition folder).
    public init(path: String, schema: TableSchema, options: ParquetWriterOptions, partitionBy: [String] = [],
                partFileName: String? = nil) throws {
        self.schema = schema
        self.path = path
        let parquetSchema = ParquetSchema(columns: schema.columns.map {
            ParquetColumn(name: $0.name, type: Self.parquetType($0.type), nullable: $0.nullable)
        })
        do {
            if let partFileName {
                dataset = try ParquetDatasetWriter(root: path, schema: parquetSchema, partitionBy: partitionBy,
                                                   partFileName: partFileName, options: options)
                file = nil
                batch = nil
            } else {
                file = try ParquetWriter(path: path, schema: parquetSchema, options: options)
                batch = try ParquetRowBatch(schema: parquetSchema)
                dataset = nil
            }
        } catch {
            throw TableWriteError(table: schema.name, path: path, message: "\(error)")
        }
    }

    public func write(_ row: Row) throws {
        guard row.count == schema.columns.count else {
            throw TableWriteError(table: schema.name, path: path, message: "row has \(row.count) cells, the schema \(schema.columns.count) columns")
        }
        do {
            if let file, let batch {
                // A failed append discards the row being built: the row is not written.
                for (j, cell) in row.enumerated() { try Self.append(cell, schema.columns[j].type, to: batch, column: j) }
                try batch.endRow()
                if batch.rowCount >= Self.batchRows || batch.byteCount >= Self.batchBytes {
                    try file.write(batch: batch)
                    batch.removeAll()
                }
            } else {
                var values: [ParquetValue] = []
                values.reserveCapacity(row.count)
                for (cell, column) in zip(row, schema.columns) {
                    values.append(Self.value(cell, column.type))
                }
                try dataset?.write(row: values)
            }
        } catch {
            throw TableWriteError(table: schema.name, path: path, message: "\(error)")
        }
    }

    public func close() throws {
        do {
            if let file, let batch {
                if batch.rowCount > 0 { try file.write(batch: batch) }
                batch.removeAll()
                try file.close()
            } else {
                try dataset?.finish()
            }
        } catch {
            throw TableWriteError(table: schema.name, path: path, message: "\(error)")
        }
    }

    static func parquetType(_ type: ColumnType) -> ParquetType {
        switch type {
        case .string: return .string
        case .int32: return .int32
        case .int64: return .int64
        case .double: return .double
        case .boolean: return .boolean
        case .date: return .date
        case .timestamp: return .timestampMicros
        case .stringList: return .stringList
        }
    }

    /// Appends one cell to a batch column of the Parquet type of `type` (the same mapping
    /// as ``value(_:_:)``).
    @inline(__always)
    static func append(_ cell: Cell, _ type: ColumnType, to batch: ParquetRowBatch, column j: Int) throws {
        switch (cell, type) {
        case (.null, _): try batch.appendNull(column: j)
        case (.string(let s), _): try batch.append(s, column: j)
        case (.int(let v), .int32): try batch.append(Int32(clamping: v), column: j)
        case (.int(let v), _): try batch.append(v, column: j)
        case (.double(let v), _):
            if v.isNaN { try batch.appendNull(column: j) } else { try batch.append(v, column: j) }
        case (.bool(let v), _): try batch.append(v, column: j)
        case (.date(let d), _): try batch.append(d, column: j)
        case (.timestamp(let t), _): try batch.append(t, column: j)
        case (.list(let l), _): try batch.append(l, column: j)
        }
    }

    static func value(_ cell: Cell, _ type: ColumnType) -> ParquetValue {
        switch (cell, type) {
        case (.null, _): return .null
        case (.string(let s), _): return .string(s)
        case (.int(let v), .int32): return .int32(Int32(clamping: v))
        case (.int(let v), _): return .int64(v)
        case (.double(let v), _): return v.isNaN ? .null : .double(v)
        case (.bool(let v), _): return .boolean(v)
        case (.date(let d), _): return .date(d)
        case (.timestamp(let t), _): return .timestampMicros(t)
        case (.list(let l), _): return .stringList(l)
        }
    }
}
