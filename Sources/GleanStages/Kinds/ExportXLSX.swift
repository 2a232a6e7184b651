import Foundation
import GleanCore
import GleanTables

/// `export.xlsx`: one Excel workbook, `<out>/xlsx/<name>.xlsx`, with a sheet per table, that a
/// spreadsheet opens without an import dialog.
package enum ExportXLSXStage {
    /// The options, typed.
    package struct Config: StageConfig {
        /// The tables named; empty for every table that reaches the stage.
        package var tables: [String]
        /// The workbook's file name without `.xlsx`; nil for the manifest's name.
        package var name: String?

        package init(_ options: StageOptions) {
            tables = options.strings("tables")
            name = options.string("name")
        }
    }

    package static let spec = StageSpec(kind: "export.xlsx", role: .sink, doc: "Writes one workbook <out>/xlsx/<name>.xlsx, a sheet per table: typed cells (numbers, booleans, dates), a bold frozen filtered header, no formulas; streamed in constant memory.", options: [
        OptionSpec("tables", .stringList, default: .stringList([]), doc: "Tables to write, one sheet each; empty means every table that reaches the stage."),
        OptionSpec("name", .string, doc: "The workbook's file name without .xlsx; the manifest's name when absent."),
    ])

    /// The folder under the output root it writes into.
    package static let folder = "xlsx"

    package static let kind = StageKind(spec: spec, config: Config.self, check: { config, _, available in
        if let name = config.name, name.isEmpty || name.contains("/") || name.hasPrefix(".") {
            return ("name", "name must be a file name without '/' and not starting with '.', got '\(name)'")
        }
        return TableSink.checkTables(config.tables, available)
    }, outputFolder: folder, build: { config, decl, context in
        let stem = config.name ?? context.manifest.name
        // A shard writes its own workbook, xlsx/<name>/part-<i>of<n>.xlsx, so shards never collide.
        let file = context.shard.map { stem + "/" + $0.partStem + ".xlsx" } ?? stem + ".xlsx"
        var workbook: XLSXWorkbook?
        return .sink(TableSink(stageId: decl.id, tables: TableSink.selected(config.tables, context.tables), subfolder: folder,
                               counter: { ["cells_cut": workbook?.cutCells ?? 0] }) { dir, schema in
            let path = dir + "/" + file
            try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            if let current = workbook, current.path == path { return try current.sheet(for: schema) }
            let opened = try XLSXWorkbook(path: path)
            workbook = opened
            return try opened.sheet(for: schema)
        })
    })
}
