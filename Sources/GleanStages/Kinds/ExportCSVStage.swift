import Foundation
import GleanCore
import GleanTables

/// `export.csv`: one RFC 4180 CSV file per table under `<out>/csv/`.
package enum ExportCSVStage {
    /// The options, typed.
    package struct Config: StageConfig {
        package static let defaultExcel = true
        package static let defaultDelimiter = ","
        /// The tables named; empty for every table that reaches the stage.
        package var tables: [String]
        package var excel: Bool
        package var delimiter: String

        package init(_ options: StageOptions) {
            tables = options.strings("tables")
            excel = options.bool("excel") ?? Self.defaultExcel
            delimiter = options.string("delimiter") ?? Self.defaultDelimiter
        }
    }

    package static let spec = StageSpec(kind: "export.csv", role: .sink, doc: "Writes each table as <out>/csv/<table>.csv (RFC 4180, UTF-8).", options: [
        OptionSpec("tables", .stringList, default: .stringList([]), doc: "Tables to write; empty means every table that reaches the stage."),
        OptionSpec("excel", .bool, default: .bool(Config.defaultExcel), doc: "Spreadsheet-safe: UTF-8 BOM, CRLF, every text cell quoted. false: plain RFC 4180 with LF and minimal quoting."),
        OptionSpec("delimiter", .string, default: .string(Config.defaultDelimiter), doc: "Field separator, one character (',' ';' or a tab)."),
    ])

    /// The folder under the output root it writes into.
    package static let folder = "csv"

    package static let kind = StageKind(spec: spec, config: Config.self, check: { config, _, available in
        let d = config.delimiter
        if d.count != 1 || d == "\"" || d == "\n" || d == "\r" {
            return ("delimiter", "delimiter must be one character other than a quote or a line break, got '\(d)'")
        }
        return TableSink.checkTables(config.tables, available)
    }, outputFolder: folder, build: { config, decl, context in
        let options = CSVOptions(excel: config.excel, delimiter: config.delimiter.first ?? ",")
        let shard = context.shard
        return .sink(TableSink(stageId: decl.id, tables: TableSink.selected(config.tables, context.tables), subfolder: folder) { dir, schema in
            guard let shard else {
                return try CSVTableWriter(path: dir + "/" + schema.name + ".csv", schema: schema, options: options)
            }
            // One shard of several: csv/<table>/part-<i>of<n>.csv, so shards never collide.
            let folder = dir + "/" + schema.name
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            return try CSVTableWriter(path: folder + "/" + shard.partStem + ".csv", schema: schema, options: options)
        })
    })
}
