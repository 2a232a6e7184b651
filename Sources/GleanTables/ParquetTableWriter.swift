import GleanParquet

/// Writes one table as Apache Parquet: a single file, or a dataset folder of part files
/// (Hive-partitioned when `partitionBy` names columns of the table).
public final class ParquetTableWriter: TableWriter {
    public let schema: TableSchema
    public let path: String
    private let file: ParquetWriter?
    private let dataset: ParquetDatasetWriter?

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
            } else {
                file = try ParquetWriter(path: path, schema: parquetSchema, options: options)
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
        var values: [ParquetValue] = []
        values.reserveCapacity(row.count)
        for (cell, column) in zip(row, schema.columns) {
            values.append(Self.value(cell, column.type))
        }
        do {
            if let file { try file.write(row: values) } else { try dataset?.write(row: values) }
        } catch {
            throw TableWriteError(table: schema.name, path: path, message: "\(error)")
        }
    }

    public func close() throws {
        do {
            if let file { try file.close() } else { try dataset?.finish() }
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
