import GleanCore
import GleanParquet
import GleanTables

/// `export.parquet`: one Apache Parquet file per table under `<out>/parquet/`, or a
/// Hive-partitioned dataset per table with `partition_by`.
package enum ExportParquetStage {
    /// The options, typed.
    package struct Config: StageConfig {
        package static let defaultCompression = ParquetCompression.zstd
        package static let defaultRowGroupMB = 24
        package static let defaultMemoryMB = 2
        package static let defaultDictionary = true
        /// The tables named; empty for every table that reaches the stage.
        package var tables: [String]
        package var compression: ParquetCompression
        package var rowGroupMB: Int
        package var memoryMB: Int
        package var dictionary: Bool
        package var partitionBy: [String]

        package init(_ options: StageOptions) {
            tables = options.strings("tables")
            compression = options.string("compression").flatMap(ParquetCompression.init(rawValue:)) ?? Self.defaultCompression
            rowGroupMB = options.int("row_group_mb") ?? Self.defaultRowGroupMB
            memoryMB = options.int("memory_mb") ?? Self.defaultMemoryMB
            dictionary = options.bool("dictionary") ?? Self.defaultDictionary
            partitionBy = options.strings("partition_by")
        }
    }

    package static let spec = StageSpec(kind: "export.parquet", role: .sink, doc: "Writes each table as <out>/parquet/<table>.parquet, or as a Hive dataset <out>/parquet/<table>/<col>=<value>/part-*.parquet with partition_by.", options: [
        OptionSpec("tables", .stringList, default: .stringList([]), doc: "Tables to write; empty means every table that reaches the stage."),
        OptionSpec("compression", .choice(ParquetCompression.allCases.map(\.rawValue)), default: .string(Config.defaultCompression.rawValue), doc: "Page codec."),
        OptionSpec("row_group_mb", .int, default: .int(Config.defaultRowGroupMB), doc: "Row group size in MB (uncompressed); memory holds one row group per open table."),
        OptionSpec("memory_mb", .int, default: .int(Config.defaultMemoryMB), doc: "Memory in MB one table's buffered row group may hold (compressed pages, dictionaries with their hash tables); the row group is cut early when it reaches it. Raise it for fewer, larger row groups of tables whose rows repeat."),
        OptionSpec("dictionary", .bool, default: .bool(Config.defaultDictionary), doc: "Dictionary-encode columns while the dictionary stays small; PLAIN otherwise."),
        OptionSpec("partition_by", .stringList, default: .stringList([]), doc: "Columns to partition by (Hive layout); applies to the tables that have all of them."),
    ])

    /// The folder under the output root it writes into.
    package static let folder = "parquet"

    package static let kind = StageKind(spec: spec, config: Config.self, check: { config, _, available in
        if let problem = TableSink.checkTables(config.tables, available) { return problem }
        if config.rowGroupMB <= 0 { return ("row_group_mb", "row_group_mb must be positive") }
        if config.memoryMB <= 0 { return ("memory_mb", "memory_mb must be positive") }
        let selected = TableSink.selected(config.tables, available)
        for column in config.partitionBy {
            let tables = selected.filter { $0.index(of: column) != nil }
            if tables.isEmpty {
                return ("partition_by", "no table written by this stage has a column '\(column)'")
            }
            for table in tables {
                if let c = table.columns.first(where: { $0.name == column }), [.double, .timestamp, .stringList].contains(c.type) {
                    return ("partition_by", "cannot partition \(table.name) by '\(column)': a \(c.type.rawValue) column")
                }
            }
        }
        return nil
    }, outputFolder: folder, build: { config, decl, context in
        var options = ParquetWriterOptions()
        options.compression = config.compression
        options.rowGroupBytes = config.rowGroupMB << 20
        options.maxBufferedBytes = config.memoryMB << 20
        options.dictionary = config.dictionary
        options.createdBy = "glean version \(context.gleanVersion)"
        let partitionBy = config.partitionBy
        let shard = context.shard
        let manifest = context.manifest
        return .sink(TableSink(stageId: decl.id, tables: TableSink.selected(config.tables, context.tables), subfolder: folder) { dir, schema in
            var tableOptions = options
            tableOptions.keyValueMetadata = [
                ParquetKeyValue(key: "glean.table", value: schema.name),
                ParquetKeyValue(key: "glean.manifest", value: manifest.name),
                ParquetKeyValue(key: "glean.manifest_sha256", value: manifest.sha256),
            ]
            let partitions = partitionBy.allSatisfy { schema.index(of: $0) != nil } ? partitionBy : []
            if partitions.isEmpty && shard == nil {
                return try ParquetTableWriter(path: dir + "/" + schema.name + ".parquet", schema: schema, options: tableOptions)
            }
            // A dataset folder per table: Hive partitions, and/or part files named after the shard
            // (part-<i>of<n>-00000.parquet) so that shards never collide.
            let stem = shard?.partStem ?? "part"
            return try ParquetTableWriter(path: dir + "/" + schema.name, schema: schema, options: tableOptions,
                                          partitionBy: partitions, partFileName: stem + "-00000.parquet")
        })
    })
}
