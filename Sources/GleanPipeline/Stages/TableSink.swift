import Foundation
import GleanTables

/// Routes documents and rejects to one streaming writer per table. The exports share it and
/// differ only in the writer they open.
final class TableSink: SinkStage {
    typealias Opener = (_ folder: String, _ schema: TableSchema) throws -> any TableWriter

    let stageId: String
    let tables: [TableSchema]
    let subfolder: String
    let opener: Opener
    private var writers: [String: any TableWriter] = [:]

    init(stageId: String, tables: [TableSchema], subfolder: String, opener: @escaping Opener) {
        self.stageId = stageId
        self.tables = tables
        self.subfolder = subfolder
        self.opener = opener
    }

    func open(folder: String) throws {
        let dir = folder + "/" + subfolder
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        for schema in tables {
            writers[schema.name] = try opener(dir, schema)
        }
    }

    func consume(_ item: SinkItem) throws {
        switch item {
        case .document(let document):
            if let writer = writers[GleanTables.documents.name] {
                for row in document.rows[GleanTables.documents.name] ?? [GleanTables.documentRow(document)] {
                    try writer.write(row)
                }
            }
            for schema in tables where schema.name != GleanTables.documents.name {
                guard let rows = document.rows[schema.name], let writer = writers[schema.name] else { continue }
                for row in rows { try writer.write(row) }
            }
        case .rejected(let reject):
            if let writer = writers[GleanTables.rejects.name] {
                try writer.write(GleanTables.rejectRow(reject))
            }
        }
    }

    func close() throws {
        for schema in tables {
            try writers[schema.name]?.close()
        }
        writers = [:]
    }

    /// The `tables` option's check: every named table must reach the stage.
    static func checkTables(_ decl: StageDecl, _ available: [TableSchema]) -> (option: String, message: String)? {
        let names = available.map(\.name)
        for table in decl.options.strings("tables") where !names.contains(table) {
            let near = suggestion(for: table, among: names).map { " (did you mean '\($0)'?)" } ?? ""
            return ("tables", "no table '\(table)' reaches this stage\(near); available: \(names.joined(separator: ", "))")
        }
        return nil
    }

    /// The tables the stage writes: those named, or every table that reaches it.
    static func selected(_ decl: StageDecl, _ available: [TableSchema]) -> [TableSchema] {
        let wanted = decl.options.strings("tables")
        return wanted.isEmpty ? available : available.filter { wanted.contains($0.name) }
    }
}

/// `export.csv`: one RFC 4180 CSV file per table under `<out>/csv/`.
enum ExportCSVStage {
    static let spec = StageSpec(kind: "export.csv", role: .sink, doc: "Writes each table as <out>/csv/<table>.csv (RFC 4180, UTF-8).", options: [
        OptionSpec("tables", .stringList, default: .stringList([]), doc: "Tables to write; empty means every table that reaches the stage."),
        OptionSpec("excel", .bool, default: .bool(true), doc: "Spreadsheet-safe: UTF-8 BOM, CRLF, every text cell quoted. false: plain RFC 4180 with LF and minimal quoting."),
        OptionSpec("delimiter", .string, default: .string(","), doc: "Field separator, one character (',' ';' or a tab)."),
    ])

    static let kind = StageKind(spec: spec, check: { decl, available in
        if let d = decl.options.string("delimiter"), d.count != 1 || d == "\"" || d == "\n" || d == "\r" {
            return ("delimiter", "delimiter must be one character other than a quote or a line break, got '\(d)'")
        }
        return TableSink.checkTables(decl, available)
    }, build: { decl, context in
        let options = CSVOptions(excel: decl.options.bool("excel") ?? true, delimiter: decl.options.string("delimiter")?.first ?? ",")
        let shard = context.shard
        return .sink(TableSink(stageId: decl.id, tables: TableSink.selected(decl, context.tables), subfolder: "csv") { dir, schema in
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
